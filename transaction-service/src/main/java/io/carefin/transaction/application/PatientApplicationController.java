package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.carefin.transaction.Refusal;
import io.carefin.transaction.practice.Practice;
import io.carefin.transaction.practice.Practices;

/**
 * A patient applies on their own device through the practice's link, without a token
 * (both paths are in {@code carefin.security.public-paths}): the practice the code names,
 * and the application, decided as the practice's own would be and listed to the practice
 * as keyed by the patient. The patient learns the decision, never an id or more of the
 * SSN (ADR 0025).
 */
@RestController
class PatientApplicationController {

	private final Practices practices;

	private final ApplicationService applications;

	PatientApplicationController(Practices practices, ApplicationService applications) {
		this.practices = practices;
		this.applications = applications;
	}

	@GetMapping("/api/transactions/practices/{practiceCode}")
	PracticeLink practice(@PathVariable String practiceCode) {
		Practice practice = open(practiceCode);
		return new PracticeLink(Objects.requireNonNull(practice.practiceCode()),
				Objects.requireNonNull(practice.name()));
	}

	@PostMapping("/api/transactions/practices/{practiceCode}/applications")
	ResponseEntity<PatientDecision> apply(@PathVariable String practiceCode,
			@Valid @RequestBody PatientApplicationRequest request) {
		Practice practice = open(practiceCode);
		String name = Objects.requireNonNull(practice.name());
		ApplicationService.Submitted submitted = this.applications.submit(practice.id(), name,
				request.keyedByThePatient());
		return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(PatientDecision.of(submitted.application(), name));
	}

	private Practice open(String practiceCode) {
		return this.practices.openByCode(practiceCode).orElseThrow(() -> Refusal.notFound("practice"));
	}

	/**
	 * The practice a patient's link names, as the application page shows it.
	 *
	 * @param practiceCode the practice's code, upper case
	 * @param name the practice's name
	 */
	record PracticeLink(String practiceCode, String name) {
	}

	/**
	 * What the patient who applied is told: the decision, its reasons, and for an
	 * approval the credit limit and the last four digits of the account number.
	 *
	 * @param status {@code APPROVED}, {@code DECLINED} or {@code PENDING_REVIEW}
	 * @param reasons the decline or review reasons
	 * @param creditLimit the credit line's limit, when approved
	 * @param accountLast4 the last four digits of the account number, when approved
	 * @param practiceName the practice applied at
	 */
	record PatientDecision(String status, List<String> reasons, @Nullable BigDecimal creditLimit,
			@Nullable String accountLast4, String practiceName) {

		static PatientDecision of(CreditApplication application, String practiceName) {
			return new PatientDecision(application.status(), application.reasons(), application.creditLimit(),
					application.accountLast4(), practiceName);
		}

	}

}
