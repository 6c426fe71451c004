package io.carefin.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.carefin.contracts.account.PaymentEvent;
import io.carefin.contracts.account.PromotionEvent;
import io.carefin.contracts.auth.ChallengeEvent;
import io.carefin.contracts.auth.PracticeEvent;
import io.carefin.contracts.auth.RecoveryEvent;
import io.carefin.contracts.auth.SignInEvent;
import io.carefin.contracts.auth.UserEvent;
import io.carefin.contracts.notification.DeliveryEvent;
import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.contracts.transaction.PurchaseEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Each event's JSON on the wire matches its golden file, written and read.
 */
class GoldenEventTests {

	private final JsonMapper json = JsonMapper.builder().build();

	static Stream<Arguments> events() {
		return Stream.of(arguments("auth/UserLocked.json", UserEvent.class, EventFixtures.userLocked()),
				arguments("auth/UserUnlocked.json", UserEvent.class, EventFixtures.userUnlocked()),
				arguments("auth/UserSuspended.json", UserEvent.class, EventFixtures.userSuspended()),
				arguments("auth/UserReactivated.json", UserEvent.class, EventFixtures.userReactivated()),
				arguments("auth/CodeRequested.json", ChallengeEvent.class, EventFixtures.codeRequested()),
				arguments("auth/SignInSucceeded.json", SignInEvent.class, EventFixtures.signInSucceeded()),
				arguments("auth/SignInFailed.json", SignInEvent.class, EventFixtures.signInFailed()),
				arguments("auth/PasswordChanged.json", UserEvent.class, EventFixtures.passwordChanged()),
				arguments("auth/UserIdReminderRequested.json", RecoveryEvent.class,
						EventFixtures.userIdReminderRequested()),
				arguments("auth/PasswordResetRequested.json", RecoveryEvent.class,
						EventFixtures.passwordResetRequested()),
				arguments("auth/UserInvited.json", RecoveryEvent.class, EventFixtures.userInvited()),
				arguments("auth/PracticeEnrolled.json", PracticeEvent.class, EventFixtures.practiceEnrolled()),
				arguments("auth/PracticeChanged.json", PracticeEvent.class, EventFixtures.practiceChanged()),
				arguments("auth/PracticeClosed.json", PracticeEvent.class, EventFixtures.practiceClosed()),
				arguments("transaction/PurchaseApproved.json", PurchaseEvent.class, EventFixtures.purchaseApproved()),
				arguments("transaction/PurchaseDeclined.json", PurchaseEvent.class, EventFixtures.purchaseDeclined()),
				arguments("transaction/RefundIssued.json", PurchaseEvent.class, EventFixtures.refundIssued()),
				arguments("transaction/PurchaseVoided.json", PurchaseEvent.class, EventFixtures.purchaseVoided()),
				arguments("transaction/PurchaseSettled.json", PurchaseEvent.class, EventFixtures.purchaseSettled()),
				arguments("transaction/ApplicationApproved.json", ApplicationEvent.class,
						EventFixtures.applicationApproved()),
				arguments("transaction/ApplicationDeclined.json", ApplicationEvent.class,
						EventFixtures.applicationDeclined()),
				arguments("transaction/ApplicationPendingReview.json", ApplicationEvent.class,
						EventFixtures.applicationPendingReview()),
				arguments("account/PaymentPosted.json", PaymentEvent.class, EventFixtures.paymentPosted()),
				arguments("account/PromotionEndingSoon.json", PromotionEvent.class,
						EventFixtures.promotionEndingSoon()),
				arguments("notification/DeliveryFailed.json", DeliveryEvent.class, EventFixtures.deliveryFailed()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("events")
	void writesTheGoldenJson(String golden, Class<? extends DomainEvent> family, DomainEvent event) throws IOException {
		JsonNode written = this.json.readTree(this.json.writerFor(family).writeValueAsString(event));
		assertThat(written).isEqualTo(readGolden(golden));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("events")
	void readsTheGoldenJson(String golden, Class<? extends DomainEvent> family, DomainEvent event) throws IOException {
		try (InputStream in = goldenStream(golden)) {
			assertThat(this.json.readValue(in, family)).isEqualTo(event);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("events")
	void namesTheLogicalTypeNotTheJavaClass(String golden, Class<? extends DomainEvent> family, DomainEvent event) {
		String written = this.json.writerFor(family).writeValueAsString(event);
		assertThat(written).contains("\"type\":\"" + event.getClass().getSimpleName() + "\"")
			.doesNotContain(event.getClass().getPackageName());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("events")
	void keysByItsAggregateOnItsOwnersTopic(String golden, Class<? extends DomainEvent> family, DomainEvent event)
			throws IOException {
		String owner = golden.substring(0, golden.indexOf('/'));
		assertThat(event.topic()).startsWith(owner + ".");
		assertThat(readGolden(golden).toString()).contains(event.aggregateId());
	}

	private JsonNode readGolden(String golden) throws IOException {
		try (InputStream in = goldenStream(golden)) {
			return this.json.readTree(in);
		}
	}

	private InputStream goldenStream(String golden) {
		InputStream in = getClass().getResourceAsStream("/golden/" + golden);
		assertThat(in).as("golden file %s", golden).isNotNull();
		return in;
	}

}
