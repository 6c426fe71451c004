package io.carefin.auth.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.carefin.auth.AuthFixtures;
import io.carefin.auth.AuthServiceTest;
import io.carefin.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceTest
class InactivitySuspensionIntegrationTests {

	@Autowired
	AuthFixtures fixtures;

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InactivitySuspension job;

	@Test
	void suspendsUsersIdleForNinetyDaysOnceAndSparesTheOthers(RestTestClient http) {
		String idle = this.fixtures.activeUser();
		String active = this.fixtures.activeUser();
		this.clock.advance(Duration.ofDays(60));
		AuthFixtures.signIn(http, active, AuthFixtures.PASSWORD).expectStatus().isOk();
		this.clock.advance(Duration.ofDays(31));

		this.job.suspendIdleUsers();
		this.job.suspendIdleUsers();

		assertThat(statusOf(idle)).isEqualTo("SUSPENDED");
		assertThat(statusOf(active)).isEqualTo("ACTIVE");
		AuthFixtures.signIn(http, idle, AuthFixtures.PASSWORD).expectStatus().isUnauthorized();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE event_type LIKE '%UserSuspended' AND serialized_event LIKE :user
				  AND serialized_event LIKE '%INACTIVITY%'
				""").param("user", "%" + this.fixtures.idOf(idle) + "%").query(Integer.class).single()).isOne();
	}

	@Test
	void twoReplicasRunningTheJobAtOnceSuspendEachIdleUserOnce() throws Exception {
		List<String> idle = Stream.generate(this.fixtures::activeUser).limit(5).toList();
		this.clock.advance(Duration.ofDays(91));
		CountDownLatch start = new CountDownLatch(1);

		try (ExecutorService replicas = Executors.newFixedThreadPool(2)) {
			List<CompletableFuture<Void>> runs = Stream.generate(() -> CompletableFuture.runAsync(() -> {
				awaitQuietly(start);
				this.job.suspendIdleUsers();
			}, replicas)).limit(2).toList();
			start.countDown();
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
		}

		for (String userId : idle) {
			assertThat(statusOf(userId)).isEqualTo("SUSPENDED");
			assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'SUSPEND' AND user_id = :id")
				.param("id", this.fixtures.idOf(userId))
				.query(Integer.class)
				.single()).as("suspension audit rows for %s", userId).isOne();
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM event_publication
					WHERE event_type LIKE '%UserSuspended' AND serialized_event LIKE :user
					""").param("user", "%" + this.fixtures.idOf(userId) + "%").query(Integer.class).single())
				.as("UserSuspended events for %s", userId)
				.isOne();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String statusOf(String userId) {
		return this.jdbc.sql("SELECT status FROM practice_user WHERE user_id = :userId")
			.param("userId", userId)
			.query(String.class)
			.single();
	}

}
