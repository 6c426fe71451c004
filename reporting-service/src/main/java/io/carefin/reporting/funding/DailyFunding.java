package io.carefin.reporting.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily funding read model: purchases and gross volume per practice and business day.
 */
@Repository
class DailyFunding {

	private final JdbcClient jdbc;

	DailyFunding(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void addPurchase(UUID practiceId, LocalDate businessDay, BigDecimal amount) {
		this.jdbc.sql("""
				INSERT INTO daily_funding (practice_id, business_day, purchases, gross)
				VALUES (:practiceId, :businessDay, 1, :amount)
				ON CONFLICT (practice_id, business_day)
				DO UPDATE SET purchases = daily_funding.purchases + 1, gross = daily_funding.gross + excluded.gross
				""").param("practiceId", practiceId).param("businessDay", businessDay).param("amount", amount).update();
	}

}
