package io.carefin.transaction.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.carefin.contracts.transaction.ApplicationEvent;
import io.carefin.testsupport.KafkaTestClient;
import io.carefin.transaction.TransactionFixtures;
import io.carefin.transaction.TransactionFixtures.Response;
import io.carefin.transaction.TransactionServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient applies through the practice's link without a token, against real PostgreSQL
 * and Kafka: the practice found by its code, the application decided and published as the
 * practice's own, keyed by the patient, and the patient told the decision only.
 */
@TransactionServiceTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.org.springframework.web=DEBUG", "logging.level.io.carefin=DEBUG",
		"logging.level.org.springframework.modulith=DEBUG" })
class PatientApplicationIntegrationTests {

	private static final String PRACTICES = "/api/transactions/practices/";

	private static final String ADULT = "1980-05-17";

	private static final AtomicInteger AREAS = new AtomicInteger(300);

	@Autowired
	TransactionFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPatientFindsThePracticeByItsCodeInAnyCaseWithoutAToken() {
		String code = practice("Harbor Dental", "OPEN").code();

		Response found = this.fixtures.get(PRACTICES + code.toLowerCase(Locale.ROOT), null);

		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.json().propertyNames()).containsExactlyInAnyOrder("practiceCode", "name");
		assertThat(found.text("practiceCode")).isEqualTo(code);
		assertThat(found.text("name")).isEqualTo("Harbor Dental");
	}

	@Test
	void anUnknownMalformedOrClosedPracticeIsNotFound() {
		String closed = practice("Closed Dental", "CLOSED").code();
		for (String code : List.of("NO-SUCH-PRACTICE", "AB", "A".repeat(33), "SMILE_DENTAL", closed)) {
			Response missing = this.fixtures.get(PRACTICES + code, null);
			assertThat(missing.status()).as(code).isEqualTo(404);
			assertThat(missing.problemType()).isEqualTo("not-found");
			assertThat(missing.contentType()).startsWith("application/problem+json");
			Response application = this.fixtures.post(PRACTICES + code + "/applications", null,
					application(ssn("00-0450"), "90000.00"));
			assertThat(application.status()).as(code).isEqualTo(404);
			assertThat(application.problemType()).isEqualTo("not-found");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM credit_application WHERE practice_name = 'Closed Dental'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aPatientsApplicationIsThePracticesKeyedByThePatientAndTheyAreToldOnlyTheDecision() {
		LinkedPractice practice = practice("Bayview Orthodontics", "OPEN");
		String ssn = ssn("00-0450");

		Response approved = this.fixtures.post(PRACTICES + practice.code().toLowerCase(Locale.ROOT) + "/applications",
				null, application(ssn, "90000.00").replace("}\n", ",\"keyedBy\":\"STAFF\"}\n"));

		assertThat(approved.status()).as(approved.body()).isEqualTo(201);
		assertThat(approved.json().propertyNames()).containsExactlyInAnyOrder("status", "reasons", "creditLimit",
				"accountLast4", "practiceName");
		assertThat(approved.text("status")).isEqualTo("APPROVED");
		assertThat(approved.json().path("reasons").isEmpty()).isTrue();
		assertThat(approved.json().path("creditLimit").decimalValue()).isEqualByComparingTo("7500.00");
		assertThat(approved.text("accountLast4")).matches("[0-9]{4}");
		assertThat(approved.text("practiceName")).isEqualTo("Bayview Orthodontics");
		assertThat(approved.body()).doesNotContain(ssn.replace("-", "")).doesNotContain(ssn);
		var stored = this.jdbc
			.sql("SELECT id, keyed_by, practice_name, account_id FROM credit_application WHERE practice_id = :practice")
			.param("practice", practice.id())
			.query((rs, row) -> List.of(rs.getString("id"), rs.getString("keyed_by"), rs.getString("practice_name"),
					rs.getString("account_id")))
			.single();
		assertThat(stored.subList(1, 3)).containsExactly("PATIENT", "Bayview Orthodontics");
		assertThat(approved.body()).doesNotContain(stored.get(0)).doesNotContain(stored.get(3));
		String event = KafkaTestClient
			.awaitRecord(ApplicationEvent.TOPIC,
					(record) -> record.value().contains(stored.get(0))
							&& record.value().contains("\"type\":\"ApplicationApproved\""),
					Duration.ofSeconds(20))
			.value();
		assertThat(event).contains("\"practiceId\":\"" + practice.id() + "\"")
			.contains("\"practiceName\":\"Bayview Orthodontics\"")
			.contains("\"keyedBy\":\"PATIENT\"");
		Response asThePracticeSeesIt = this.fixtures.get("/api/transactions/applications/" + stored.get(0),
				this.fixtures.clerk(practice.id()));
		assertThat(asThePracticeSeesIt.text("keyedBy")).isEqualTo("PATIENT");
		assertThat(asThePracticeSeesIt.text("accountLast4")).isEqualTo(approved.text("accountLast4"));
	}

	@Test
	void theSamePatientApplyingAgainWithinTheWindowIsToldTheFirstDecision() {
		LinkedPractice practice = practice("Cedar Family Dentistry", "OPEN");
		String ssn = ssn("00-0300");
		String path = PRACTICES + practice.code() + "/applications";

		Response pending = this.fixtures.post(path, null, application(ssn, "90000.00"));
		Response again = this.fixtures.post(path, null, application(ssn, "150000.00"));

		assertThat(pending.status()).as(pending.body()).isEqualTo(201);
		assertThat(pending.text("status")).isEqualTo("PENDING_REVIEW");
		assertThat(pending.json().path("reasons").get(0).asString()).isEqualTo("CREDIT_SCORE_REVIEW");
		assertThat(pending.json().path("creditLimit").isNull()).isTrue();
		assertThat(pending.json().path("accountLast4").isNull()).isTrue();
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(pending.body());
		assertThat(this.jdbc.sql("SELECT count(*) FROM credit_application WHERE practice_id = :practice")
			.param("practice", practice.id())
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void refusesAnInvalidApplicationWithFieldErrorsThatDoNotRepeatIt() {
		LinkedPractice practice = practice("Elm Street Dental", "OPEN");

		Response refused = this.fixtures.post(PRACTICES + practice.code() + "/applications", null,
				application("12-345-678", "-1.00"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemType()).isEqualTo("invalid-request");
		assertThat(refused.json().path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactlyInAnyOrder("ssn", "annualIncome");
		assertThat(refused.body()).doesNotContain("12-345-678");
		assertThat(this.jdbc.sql("SELECT count(*) FROM credit_application WHERE practice_id = :practice")
			.param("practice", practice.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void neverLogsTheSsnOrTheDateOfBirthOfAPatientsApplication(CapturedOutput output) {
		LinkedPractice practice = practice("Willow Dental", "OPEN");
		String ssn = "988-00-0451";
		String dateOfBirth = "1971-08-23";

		Response approved = this.fixtures.post(PRACTICES + practice.code() + "/applications", null,
				application(ssn, "90000.00").replace(ADULT, dateOfBirth));

		assertThat(approved.status()).as(approved.body()).isEqualTo(201);
		assertThat(output.getAll()).contains("PatientApplicationRequest[…]")
			.doesNotContain("988000451")
			.doesNotContain(ssn)
			.doesNotContain(dateOfBirth);
	}

	@Test
	void theDemoPracticesLinksWorkInTheDemoProfile() throws IOException {
		String demo = new ClassPathResource("db/demo/V1001__demo_practices.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		this.jdbc.sql(demo).update();
		this.jdbc.sql(demo).update();

		Response bright = this.fixtures.get(PRACTICES + "bright-smiles", null);
		Response lakeside = this.fixtures.get(PRACTICES + "LAKESIDE", null);

		assertThat(bright.status()).as(bright.body()).isEqualTo(200);
		assertThat(bright.text("name")).isEqualTo("Bright Smiles Dental");
		assertThat(lakeside.text("name")).isEqualTo("Lakeside Family Clinic");
	}

	/**
	 * A practice as auth-service would have announced it, with a code of its own.
	 */
	private LinkedPractice practice(String name, String status) {
		UUID id = UUID.randomUUID();
		String code = "P-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
		this.jdbc.sql("""
				INSERT INTO practice (id, name, practice_code, merchant_id, time_zone, status, closed_at)
				VALUES (:id, :name, :code, '4000199999', 'America/New_York', :status,
				        CASE WHEN :status = 'CLOSED' THEN now() END)
				""").param("id", id).param("name", name).param("code", code).param("status", status).update();
		return new LinkedPractice(id, code);
	}

	/**
	 * An SSN no other test uses, so that each test's applicant is a person of its own.
	 */
	private static String ssn(String groupAndSerial) {
		return AREAS.getAndIncrement() + "-" + groupAndSerial;
	}

	private static String application(String ssn, String income) {
		return """
				{"firstName":"Grace","lastName":"Hopper","dateOfBirth":"%s","ssn":"%s",
				 "address":{"line1":"1 Main St","city":"Springfield","state":"IL","postalCode":"62701"},
				 "email":"grace@example.com","mobile":"+15555550100","annualIncome":%s,"monthlyHousingPayment":1000.00,
				 "requestedAmount":5000.00}
				""".formatted(ADULT, ssn, income);
	}

	private record LinkedPractice(UUID id, String code) {
	}

}
