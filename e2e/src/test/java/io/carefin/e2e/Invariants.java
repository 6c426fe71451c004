package io.carefin.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.postgresql.Driver;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The money is exact and every message went once: reads every service's state (its
 * PostgreSQL database directly, the Kafka broker's dead-letter topics, the mail inbox)
 * after a run and compares it with what the run's clients were accepted (every 2xx they
 * got). {@link #observe} reads, {@link #violations} compares, so that the comparison can
 * be proved on a hand-made state ({@code InvariantsTests}); each violation names the
 * invariant, what it compares and the figures on both sides.
 */
final class Invariants {

	/** The zone of every practice's business day (carefin.business-day.zone). */
	private static final String BUSINESS_DAY_ZONE = "America/New_York";

	private static final Pattern DELIVERY_HEADER = Pattern.compile("X-CareFin-Delivery-Id:\\s*([0-9a-fA-F-]{36})");

	private static final List<String> DATABASES = List.of("auth", "transaction", "account", "reporting",
			"notification");

	private Invariants() {
	}

	/**
	 * Awaits, up to {@code within}, a state that breaks no invariant, then asserts it:
	 * events still travelling settle meanwhile, and what never settles fails with every
	 * violation listed.
	 */
	static void awaitHeld(Accepted accepted, Map<String, Long> deadLettersBefore, Duration within) {
		List<String> last = new ArrayList<>();
		try {
			await().atMost(within).pollInterval(Duration.ofSeconds(3)).until(() -> {
				List<String> found = violations(accepted, observe(accepted, deadLettersBefore));
				last.clear();
				last.addAll(found);
				return found.isEmpty();
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// asserted below, with the violations
		}
		assertThat(last).as("invariants broken after %s of settling", within).isEmpty();
	}

	/**
	 * The end offsets of every dead-letter topic now, by topic.
	 */
	static Map<String, Long> deadLetterEnds() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
		try (Admin admin = Admin.create(properties)) {
			Set<String> topics = admin.listTopics()
				.names()
				.get()
				.stream()
				.filter((name) -> name.endsWith(".DLT"))
				.collect(Collectors.toSet());
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(topics)
				.allTopicNames()
				.get()
				.forEach((name, description) -> description.partitions()
					.forEach((partition) -> latest.put(new TopicPartition(name, partition.partition()),
							OffsetSpec.latest())));
			Map<String, Long> ends = new TreeMap<>();
			topics.forEach((topic) -> ends.put(topic, 0L));
			admin.listOffsets(latest)
				.all()
				.get()
				.forEach((partition, offsets) -> ends.merge(partition.topic(), offsets.offset(), Long::sum));
			return ends;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the dead-letter topics", ex);
		}
	}

	/**
	 * Reads what every part holds of the run's accounts and practice.
	 */
	static Observed observe(Accepted accepted, Map<String, Long> deadLettersBefore) {
		List<UUID> accounts = List.copyOf(accepted.accounts.keySet());
		JdbcClient transaction = jdbc("transaction");
		JdbcClient account = jdbc("account");

		Map<UUID, TransactionPurchase> purchases = new HashMap<>();
		transaction
			.sql("SELECT id, account_id, amount, promotion_code, status, refunded FROM purchase"
					+ " WHERE account_id IN (:accounts)")
			.param("accounts", accounts)
			.query((row) -> {
				purchases.put(row.getObject("id", UUID.class),
						new TransactionPurchase(row.getObject("account_id", UUID.class), row.getBigDecimal("amount"),
								row.getString("promotion_code"), row.getString("status"),
								row.getBigDecimal("refunded")));
			});
		Map<UUID, Money> refunds = new HashMap<>();
		transaction
			.sql("SELECT r.id, r.purchase_id, r.amount FROM refund r JOIN purchase p ON p.id = r.purchase_id"
					+ " WHERE p.account_id IN (:accounts)")
			.param("accounts", accounts)
			.query((row) -> {
				refunds.put(row.getObject("id", UUID.class),
						new Money(row.getObject("purchase_id", UUID.class), row.getBigDecimal("amount")));
			});
		Map<UUID, Money> collected = new HashMap<>();
		transaction.sql("SELECT payment_id, account_id, amount FROM collected_payment WHERE account_id IN (:accounts)")
			.param("accounts", accounts)
			.query((row) -> {
				collected.put(row.getObject("payment_id", UUID.class),
						new Money(row.getObject("account_id", UUID.class), row.getBigDecimal("amount")));
			});
		Map<UUID, CreditLine> lines = new HashMap<>();
		transaction
			.sql("SELECT account_id, practice_id, credit_limit, open_to_buy FROM credit_line"
					+ " WHERE account_id IN (:accounts)")
			.param("accounts", accounts)
			.query((row) -> {
				lines.put(row.getObject("account_id", UUID.class),
						new CreditLine(row.getObject("practice_id", UUID.class), row.getBigDecimal("credit_limit"),
								row.getBigDecimal("open_to_buy")));
			});

		Map<UUID, Money> balances = new HashMap<>();
		account.sql("SELECT purchase_id, account_id, amount FROM promotion_balance WHERE account_id IN (:accounts)")
			.param("accounts", accounts)
			.query((row) -> {
				balances.put(row.getObject("purchase_id", UUID.class),
						new Money(row.getObject("account_id", UUID.class), row.getBigDecimal("amount")));
			});
		List<Entry> ledger = account.sql("""
				SELECT account_id, kind, amount, purchase_id, payment_id, detail, source_event_id FROM ledger_entry
				WHERE account_id IN (:accounts)
				""")
			.param("accounts", accounts)
			.query((row, n) -> new Entry(row.getObject("account_id", UUID.class), row.getString("kind"),
					row.getBigDecimal("amount"), row.getObject("purchase_id", UUID.class),
					row.getObject("payment_id", UUID.class), row.getString("detail"),
					row.getObject("source_event_id", UUID.class)))
			.list();
		Map<UUID, CreditLine> accountRows = new HashMap<>();
		account.sql("SELECT id, credit_limit, balance FROM account WHERE id IN (:accounts)")
			.param("accounts", accounts)
			.query((row) -> {
				accountRows.put(row.getObject("id", UUID.class),
						new CreditLine(null, row.getBigDecimal("credit_limit"), row.getBigDecimal("balance")));
			});
		Map<UUID, Money> payments = new HashMap<>();
		account.sql("SELECT id, account_id, amount FROM payment WHERE account_id IN (:accounts)")
			.param("accounts", accounts)
			.query((row) -> {
				payments.put(row.getObject("id", UUID.class),
						new Money(row.getObject("account_id", UUID.class), row.getBigDecimal("amount")));
			});

		Set<UUID> practices = lines.values().stream().map(CreditLine::practiceId).collect(Collectors.toSet());
		Map<String, Figures> reported = new TreeMap<>();
		Map<String, Figures> computed = new TreeMap<>();
		for (UUID practice : practices) {
			readFigures(practice, reported, computed);
		}

		Set<UUID> purchaseEvents = ledger.stream()
			.filter((entry) -> entry.kind().equals("PURCHASE") && entry.sourceEventId() != null)
			.map(Entry::sourceEventId)
			.collect(Collectors.toSet());
		Map<UUID, List<Delivery>> receipts = new HashMap<>();
		if (!purchaseEvents.isEmpty()) {
			jdbc("notification")
				.sql("SELECT id, source_event_id, status FROM delivery WHERE template = 'purchase-receipt'"
						+ " AND source_event_id IN (:events)")
				.param("events", purchaseEvents)
				.query((row) -> {
					receipts.computeIfAbsent(row.getObject("source_event_id", UUID.class), (key) -> new ArrayList<>())
						.add(new Delivery(row.getObject("id", UUID.class), row.getString("status")));
				});
		}
		Map<UUID, Integer> mailed = new HashMap<>();
		for (String address : Set.copyOf(accepted.patientEmails.values())) {
			mailsTo(address).forEach((delivery) -> mailed.merge(delivery, 1, Integer::sum));
		}

		Map<String, Long> unsent = new TreeMap<>();
		for (String database : DATABASES) {
			JdbcClient jdbc = jdbc(database);
			boolean outbox = jdbc.sql("SELECT to_regclass('event_publication') IS NOT NULL")
				.query(Boolean.class)
				.single();
			if (outbox) {
				unsent.put(database,
						jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
							.query(Long.class)
							.single());
			}
		}
		return new Observed(purchases, refunds, collected, lines, balances, ledger, accountRows, payments, reported,
				computed, receipts, mailed, unsent, deadLettersBefore, deadLetterEnds());
	}

	/**
	 * Reporting's sales and payments collected for the practice by business day and plan,
	 * and the same figures computed from transaction-service's own tables: approved
	 * purchases (including those voided since) on their business day, refunds and voids
	 * on the day they happened in the practice's zone, payments the practice collected on
	 * theirs.
	 */
	private static void readFigures(UUID practice, Map<String, Figures> reported, Map<String, Figures> computed) {
		jdbc("reporting").sql("""
				SELECT business_day, plan_code, purchases, purchase_volume, refunds, refund_amount, voids, void_amount
				FROM daily_sales WHERE practice_id = :practice
				""").param("practice", practice).query((row) -> {
			String day = row.getString("business_day") + " " + row.getString("plan_code");
			put(reported, day + " purchases", row.getLong("purchases"), row.getBigDecimal("purchase_volume"));
			put(reported, day + " refunds", row.getLong("refunds"), row.getBigDecimal("refund_amount"));
			put(reported, day + " voids", row.getLong("voids"), row.getBigDecimal("void_amount"));
		});
		jdbc("reporting").sql("""
				SELECT business_day, sum(collected_payments) AS count, sum(payments_collected) AS amount
				FROM daily_funding WHERE practice_id = :practice GROUP BY business_day
				""")
			.param("practice", practice)
			.query((RowCallbackHandler) (row) -> put(reported, row.getString("business_day") + " payments collected",
					row.getLong("count"), row.getBigDecimal("amount")));
		JdbcClient transaction = jdbc("transaction");
		transaction.sql("""
				SELECT business_date AS day, promotion_code, count(*) AS count, sum(amount) AS amount FROM purchase
				WHERE practice_id = :practice AND status <> 'DECLINED' GROUP BY business_date, promotion_code
				""")
			.param("practice", practice)
			.query((RowCallbackHandler) (row) -> put(computed,
					row.getString("day") + " " + row.getString("promotion_code") + " purchases", row.getLong("count"),
					row.getBigDecimal("amount")));
		transaction.sql("""
				SELECT CAST(r.created_at AT TIME ZONE '%s' AS DATE) AS day, p.promotion_code, count(*) AS count,
				       sum(r.amount) AS amount
				FROM refund r JOIN purchase p ON p.id = r.purchase_id WHERE p.practice_id = :practice
				GROUP BY 1, 2
				""".formatted(BUSINESS_DAY_ZONE))
			.param("practice", practice)
			.query((RowCallbackHandler) (row) -> put(computed,
					row.getString("day") + " " + row.getString("promotion_code") + " refunds", row.getLong("count"),
					row.getBigDecimal("amount")));
		// a void reverses what was left of the purchase: a purchase takes no refund once
		// voided
		transaction.sql("""
				SELECT CAST(voided_at AT TIME ZONE '%s' AS DATE) AS day, promotion_code, count(*) AS count,
				       sum(amount - refunded) AS amount
				FROM purchase WHERE practice_id = :practice AND status = 'VOIDED' GROUP BY 1, 2
				""".formatted(BUSINESS_DAY_ZONE))
			.param("practice", practice)
			.query((RowCallbackHandler) (row) -> put(computed,
					row.getString("day") + " " + row.getString("promotion_code") + " voids", row.getLong("count"),
					row.getBigDecimal("amount")));
		transaction.sql("""
				SELECT business_date AS day, count(*) AS count, sum(amount) AS amount FROM collected_payment
				WHERE practice_id = :practice GROUP BY business_date
				""")
			.param("practice", practice)
			.query((RowCallbackHandler) (row) -> put(computed, row.getString("day") + " payments collected",
					row.getLong("count"), row.getBigDecimal("amount")));
	}

	private static void put(Map<String, Figures> figures, String key, long count, BigDecimal amount) {
		if (count != 0 || amount.signum() != 0) {
			figures.put(key, new Figures(count, amount.setScale(2)));
		}
	}

	/** The delivery ids of the mails in the address's inbox, one per mail. */
	private static List<UUID> mailsTo(String address) {
		Api.Reply reply = Api.getAbsolute("http://localhost:8025/api/user/" + address + "/messages/INBOX");
		List<UUID> deliveries = new ArrayList<>();
		if (reply.status() == 200) {
			for (JsonNode message : reply.body()) {
				String mime = message.path("mimeMessage").asString().replace("\r\n", "\n");
				int headersEnd = mime.indexOf("\n\n");
				Matcher header = DELIVERY_HEADER.matcher((headersEnd < 0) ? mime : mime.substring(0, headersEnd));
				if (header.find()) {
					deliveries.add(UUID.fromString(header.group(1)));
				}
			}
		}
		return deliveries;
	}

	/**
	 * Every broken invariant, each a sentence naming what it compares.
	 */
	static List<String> violations(Accepted accepted, Observed observed) {
		List<String> violations = new ArrayList<>();
		Map<UUID, Accepted.Purchase> purchases = byId(accepted.purchases, Accepted.Purchase::purchaseId);
		Map<UUID, Accepted.Refund> refunds = byId(accepted.refunds, Accepted.Refund::refundId);
		Map<UUID, Accepted.Voided> voids = byId(accepted.voids, Accepted.Voided::purchaseId);
		Map<UUID, Accepted.Payment> payments = byId(accepted.payments, Accepted.Payment::paymentId);
		duplicates(accepted.refunds, Accepted.Refund::refundId, "refund", violations);
		duplicates(accepted.payments, Accepted.Payment::paymentId, "payment", violations);

		// (1) transaction-service holds exactly the accepted purchases, refunds and voids
		// (and records each payment its practice collected once)
		purchases.forEach((id, purchase) -> {
			TransactionPurchase held = observed.transactionPurchases().get(id);
			String expected = !purchase.approved() ? "DECLINED" : voids.containsKey(id) ? "VOIDED" : "APPROVED";
			if (held == null) {
				violations.add("(1) transaction-service lacks accepted purchase " + id);
			}
			else if (!same(held.amount(), purchase.amount()) || !held.status().equals(expected)) {
				violations.add("(1) transaction-service holds purchase %s as %s %s; accepted as %s %s".formatted(id,
						held.status(), held.amount(), expected, purchase.amount()));
			}
		});
		observed.transactionPurchases()
			.keySet()
			.stream()
			.filter((id) -> !purchases.containsKey(id))
			.forEach((id) -> violations.add("(1) transaction-service holds purchase " + id + " never accepted"));
		compare("(1) transaction-service's refunds", refunds, Accepted.Refund::amount, observed.transactionRefunds(),
				Money::amount, violations);
		compare("(1) transaction-service's collected payments", payments, Accepted.Payment::amount,
				observed.collectedPayments(), Money::amount, violations);

		// (2) account-service holds each accepted purchase once, and each refund, void
		// and
		// payment once in the ledger
		Map<UUID, Accepted.Purchase> approved = new HashMap<>();
		purchases.forEach((id, purchase) -> {
			if (purchase.approved()) {
				approved.put(id, purchase);
			}
		});
		compare("(2) account-service's promotional balances", approved, Accepted.Purchase::amount,
				observed.promotionBalances(), Money::amount, violations);
		Map<String, List<Entry>> byKind = observed.ledger()
			.stream()
			.collect(Collectors.groupingBy(Entry::kind, LinkedHashMap::new, Collectors.toList()));
		once("(2) PURCHASE ledger entries", approved.keySet(), byKind.getOrDefault("PURCHASE", List.of()),
				Entry::purchaseId, (id) -> approved.get(id).amount(), violations);
		once("(2) REFUND ledger entries", refunds.keySet(), byKind.getOrDefault("REFUND", List.of()),
				Invariants::refundOf, (id) -> refunds.get(id).amount().negate(), violations);
		once("(2) VOID ledger entries", voids.keySet(), byKind.getOrDefault("VOID", List.of()), Entry::purchaseId,
				(id) -> voids.get(id).amount().negate(), violations);
		Map<UUID, BigDecimal> paid = new HashMap<>();
		byKind.getOrDefault("PAYMENT", List.of())
			.forEach((entry) -> paid.merge(Objects.requireNonNull(entry.paymentId(), "payment entry without payment"),
					entry.amount().negate(), BigDecimal::add));
		compare("(2) PAYMENT ledger entries (summed by payment)", payments, Accepted.Payment::amount, paid, (m) -> m,
				violations);
		compare("(2) account-service's payments", payments, Accepted.Payment::amount, observed.accountPayments(),
				Money::amount, violations);
		byKind.keySet()
			.stream()
			.filter((kind) -> !Set.of("PURCHASE", "REFUND", "VOID", "PAYMENT").contains(kind))
			.forEach((kind) -> violations.add("(2) the run's accounts have %d %s ledger entries, which no request made"
				.formatted(byKind.get(kind).size(), kind)));

		// (3) each account's balance is the sum of its ledger entries, and what its
		// clients were accepted
		for (UUID account : accepted.accounts.keySet()) {
			BigDecimal entries = observed.ledger()
				.stream()
				.filter((entry) -> entry.accountId().equals(account))
				.map(Entry::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal tally = accepted.balance(account);
			CreditLine row = observed.accounts().get(account);
			if (row == null) {
				violations.add("(3) account-service has no account " + account);
				continue;
			}
			if (!same(row.amount(), entries) || !same(entries, tally)) {
				violations.add("(3) account %s: balance %s, sum of ledger entries %s, accepted requests' sum %s"
					.formatted(account, row.amount(), entries, tally));
			}
			// (4) open-to-buy follows the balance: purchases take it, refunds, voids and
			// payments give it back, never beyond the limit (the run keeps every balance
			// at or above zero, where that cap never applies)
			CreditLine line = observed.creditLines().get(account);
			if (line == null) {
				violations.add("(4) transaction-service has no credit line " + account);
			}
			else if (!same(line.amount(), line.creditLimit().subtract(row.amount()))
					|| !same(line.creditLimit(), row.creditLimit())) {
				violations.add("(4) account %s: open-to-buy %s, credit limit %s (account-service: %s) - balance %s = %s"
					.formatted(account, line.amount(), line.creditLimit(), row.creditLimit(), row.amount(),
							line.creditLimit().subtract(row.amount())));
			}
		}

		// (5) reporting's figures are those computed from transaction-service's tables
		Set<String> keys = new java.util.TreeSet<>(observed.reported().keySet());
		keys.addAll(observed.computed().keySet());
		for (String key : keys) {
			Figures reported = observed.reported().getOrDefault(key, Figures.NONE);
			Figures computed = observed.computed().getOrDefault(key, Figures.NONE);
			if (reported.count() != computed.count() || !same(reported.amount(), computed.amount())) {
				violations.add("(5) %s: reporting-service says %d for %s, transaction-service's tables %d for %s"
					.formatted(key, reported.count(), reported.amount(), computed.count(), computed.amount()));
			}
		}

		// (6) each approved purchase's receipt was sent once
		Map<UUID, UUID> purchaseEvents = new HashMap<>();
		byKind.getOrDefault("PURCHASE", List.of()).forEach((entry) -> {
			if (entry.purchaseId() != null && entry.sourceEventId() != null) {
				purchaseEvents.put(entry.purchaseId(), entry.sourceEventId());
			}
		});
		for (UUID purchase : approved.keySet()) {
			UUID event = purchaseEvents.get(purchase);
			List<Delivery> deliveries = (event != null) ? observed.receipts().getOrDefault(event, List.of())
					: List.of();
			if (deliveries.size() != 1 || !deliveries.getFirst().status().equals("SENT")) {
				violations.add("(6) purchase %s: receipt deliveries %s, expected one SENT".formatted(purchase,
						deliveries.stream().map(Delivery::status).toList()));
				continue;
			}
			int mails = observed.mailsByDelivery().getOrDefault(deliveries.getFirst().deliveryId(), 0);
			if (mails != 1) {
				violations.add("(6) purchase %s: %d receipt mails in the patient's inbox, expected 1"
					.formatted(purchase, mails));
			}
		}

		// (7) nothing waits in an outbox, nothing was parked
		observed.unsentOutbox().forEach((database, count) -> {
			if (count != 0) {
				violations.add("(7) %d unsent events in %s's outbox (event_publication)".formatted(count, database));
			}
		});
		observed.deadLetterEnds().forEach((topic, end) -> {
			long before = observed.deadLettersBefore().getOrDefault(topic, 0L);
			if (end != before) {
				violations.add("(7) %d records parked on %s during the run".formatted(end - before, topic));
			}
		});
		return violations;
	}

	private static UUID refundOf(Entry entry) {
		String detail = (entry.detail() != null) ? entry.detail() : "";
		return detail.startsWith("Refund ") ? UUID.fromString(detail.substring("Refund ".length())) : new UUID(0, 0);
	}

	/** Each expected id has exactly one entry of the kind, of the expected amount. */
	private static void once(String what, Set<UUID> expected, List<Entry> entries,
			java.util.function.Function<Entry, UUID> idOf, java.util.function.Function<UUID, BigDecimal> amountOf,
			List<String> violations) {
		Map<UUID, List<Entry>> byId = entries.stream().collect(Collectors.groupingBy(idOf));
		for (UUID id : expected) {
			List<Entry> found = byId.getOrDefault(id, List.of());
			if (found.size() != 1) {
				violations.add("%s: %d for %s, expected 1".formatted(what, found.size(), id));
			}
			else if (!same(found.getFirst().amount(), amountOf.apply(id))) {
				violations.add("%s: %s for %s, expected %s".formatted(what, found.getFirst().amount(), id,
						amountOf.apply(id)));
			}
		}
		byId.keySet()
			.stream()
			.filter((id) -> !expected.contains(id))
			.forEach((id) -> violations
				.add("%s: %d for %s, which was never accepted".formatted(what, byId.get(id).size(), id)));
	}

	/** The store holds exactly the accepted ids, with the accepted amounts. */
	private static <A, H> void compare(String what, Map<UUID, A> accepted,
			java.util.function.Function<A, BigDecimal> acceptedAmount, Map<UUID, H> held,
			java.util.function.Function<H, BigDecimal> heldAmount, List<String> violations) {
		accepted.forEach((id, item) -> {
			H found = held.get(id);
			if (found == null) {
				violations.add("%s: lacks accepted %s".formatted(what, id));
			}
			else if (!same(heldAmount.apply(found), acceptedAmount.apply(item))) {
				violations.add("%s: %s for %s, accepted %s".formatted(what, heldAmount.apply(found), id,
						acceptedAmount.apply(item)));
			}
		});
		held.keySet()
			.stream()
			.filter((id) -> !accepted.containsKey(id))
			.forEach((id) -> violations.add("%s: holds %s, never accepted".formatted(what, id)));
	}

	private static <T> void duplicates(Collection<T> items, java.util.function.Function<T, UUID> idOf, String what,
			List<String> violations) {
		Set<UUID> seen = new HashSet<>();
		items.stream()
			.map(idOf)
			.filter((id) -> !seen.add(id))
			.forEach((id) -> violations.add("two accepted answers created the same " + what + " " + id));
	}

	private static <T> Map<UUID, T> byId(Collection<T> items, java.util.function.Function<T, UUID> idOf) {
		Map<UUID, T> byId = new LinkedHashMap<>();
		items.forEach((item) -> byId.put(idOf.apply(item), item));
		return byId;
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return a.compareTo(b) == 0;
	}

	private static JdbcClient jdbc(String database) {
		return JdbcClient.create(new SimpleDriverDataSource(new Driver(),
				"jdbc:postgresql://127.0.0.1:15432/" + database, database, database));
	}

	/**
	 * What the run's clients were answered with a 2xx, as they were answered: the
	 * accounts they opened, and each purchase, refund, void and payment. Safe for several
	 * client threads.
	 */
	static final class Accepted {

		final Map<UUID, String> patientEmails = new ConcurrentHashMap<>();

		final Map<UUID, Boolean> accounts = new ConcurrentHashMap<>();

		final Collection<Purchase> purchases = new ConcurrentLinkedQueue<>();

		final Collection<Refund> refunds = new ConcurrentLinkedQueue<>();

		final Collection<Voided> voids = new ConcurrentLinkedQueue<>();

		final Collection<Payment> payments = new ConcurrentLinkedQueue<>();

		void account(UUID accountId, String patientEmail) {
			this.accounts.put(accountId, true);
			this.patientEmails.put(accountId, patientEmail);
		}

		/** The account's balance by the answers: approved purchases less the rest. */
		BigDecimal balance(UUID account) {
			BigDecimal balance = BigDecimal.ZERO;
			for (Purchase purchase : this.purchases) {
				if (purchase.accountId().equals(account) && purchase.approved()) {
					balance = balance.add(purchase.amount());
				}
			}
			for (Refund refund : this.refunds) {
				balance = refund.accountId().equals(account) ? balance.subtract(refund.amount()) : balance;
			}
			for (Voided voided : this.voids) {
				balance = voided.accountId().equals(account) ? balance.subtract(voided.amount()) : balance;
			}
			for (Payment payment : this.payments) {
				balance = payment.accountId().equals(account) ? balance.subtract(payment.amount()) : balance;
			}
			return balance;
		}

		String counts() {
			return "%d purchases (%d approved), %d refunds, %d voids, %d payments".formatted(this.purchases.size(),
					this.purchases.stream().filter(Purchase::approved).count(), this.refunds.size(), this.voids.size(),
					this.payments.size());
		}

		record Purchase(UUID purchaseId, UUID accountId, BigDecimal amount, String plan, boolean approved) {
		}

		record Refund(UUID refundId, UUID purchaseId, UUID accountId, BigDecimal amount) {
		}

		/** A void: what was left of the purchase, reversed. */
		record Voided(UUID purchaseId, UUID accountId, BigDecimal amount) {
		}

		record Payment(UUID paymentId, UUID accountId, BigDecimal amount) {
		}

	}

	/**
	 * What the parts hold: transaction-service's purchases, refunds, collected payments
	 * and credit lines; account-service's promotional balances, ledger, accounts and
	 * payments (of the run's accounts); reporting's figures and those computed from
	 * transaction-service's tables (of the run's practice); the purchase receipts'
	 * deliveries by purchase event and the mails in the patients' inboxes by delivery;
	 * unsent events by database; and the dead-letter topics' end offsets before and
	 * after.
	 */
	record Observed(Map<UUID, TransactionPurchase> transactionPurchases, Map<UUID, Money> transactionRefunds,
			Map<UUID, Money> collectedPayments, Map<UUID, CreditLine> creditLines, Map<UUID, Money> promotionBalances,
			List<Entry> ledger, Map<UUID, CreditLine> accounts, Map<UUID, Money> accountPayments,
			Map<String, Figures> reported, Map<String, Figures> computed, Map<UUID, List<Delivery>> receipts,
			Map<UUID, Integer> mailsByDelivery, Map<String, Long> unsentOutbox, Map<String, Long> deadLettersBefore,
			Map<String, Long> deadLetterEnds) {
	}

	/** A purchase row of transaction-service. */
	record TransactionPurchase(UUID accountId, BigDecimal amount, String plan, String status, BigDecimal refunded) {
	}

	/** An amount and what it belongs to (a purchase or an account). */
	record Money(UUID owner, BigDecimal amount) {
	}

	/**
	 * A credit line (practice, limit, open-to-buy) or an account (limit, balance).
	 */
	record CreditLine(UUID practiceId, BigDecimal creditLimit, BigDecimal amount) {
	}

	/** A ledger entry of account-service. */
	record Entry(UUID accountId, String kind, BigDecimal amount, UUID purchaseId, UUID paymentId, String detail,
			UUID sourceEventId) {
	}

	/** A delivery of notification-service. */
	record Delivery(UUID deliveryId, String status) {
	}

	/** A count and an amount of a report. */
	record Figures(long count, BigDecimal amount) {

		static final Figures NONE = new Figures(0, BigDecimal.ZERO);

	}

}
