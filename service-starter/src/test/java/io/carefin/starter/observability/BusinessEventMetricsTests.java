package io.carefin.starter.observability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import io.carefin.contracts.auth.SignInFailed;
import io.carefin.contracts.auth.UserUnlocked;
import io.carefin.contracts.transaction.PurchaseVoided;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessEventMetricsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final BusinessEventMetrics metrics = new BusinessEventMetrics(this.meters);

	@AfterEach
	void endSynchronization() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void countsAnEventByTypeAndSumsItsAmount() {
		this.metrics.on(voided("125.50"));
		this.metrics.on(voided("74.50"));

		assertThat(this.meters.get(BusinessEventMetrics.PUBLISHED).tags("event", "PurchaseVoided").counter().count())
			.isEqualTo(2);
		assertThat(this.meters.get(BusinessEventMetrics.AMOUNT).tags("event", "PurchaseVoided").summary().totalAmount())
			.isEqualTo(200.00);
	}

	@Test
	void tagsAFailedSignInWithItsStepAndNothingThatNamesTheUser() {
		this.metrics.on(new SignInFailed(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
				"SECOND_FACTOR"));

		assertThat(this.meters.get(BusinessEventMetrics.PUBLISHED).counter().getId().getTags())
			.extracting((tag) -> tag.getKey() + "=" + tag.getValue())
			.containsExactlyInAnyOrder("event=SignInFailed", "step=SECOND_FACTOR");
		assertThat(this.meters.find(BusinessEventMetrics.AMOUNT).summary()).isNull();
	}

	@Test
	void countsAnEventPublishedInATransactionOnlyWhenItCommits() {
		TransactionSynchronizationManager.initSynchronization();
		this.metrics.on(unlocked());
		assertThat(this.meters.find(BusinessEventMetrics.PUBLISHED).counter()).isNull();

		TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
		assertThat(this.meters.get(BusinessEventMetrics.PUBLISHED).tags("event", "UserUnlocked").counter().count())
			.isEqualTo(1);
	}

	@Test
	void neverCountsAnEventWhoseTransactionRolledBack() {
		TransactionSynchronizationManager.initSynchronization();
		this.metrics.on(unlocked());
		TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
				org.springframework.transaction.support.TransactionSynchronization.STATUS_ROLLED_BACK);

		assertThat(this.meters.find(BusinessEventMetrics.PUBLISHED).counter()).isNull();
	}

	private static PurchaseVoided voided(String amount) {
		return new PurchaseVoided(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
				"Bright Smiles", UUID.randomUUID(), "4321", new BigDecimal(amount), "DEFERRED_12");
	}

	private static UserUnlocked unlocked() {
		return new UserUnlocked(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(), "Bright Smiles",
				"ada@example.test");
	}

}
