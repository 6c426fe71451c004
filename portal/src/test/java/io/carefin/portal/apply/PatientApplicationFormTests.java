package io.carefin.portal.apply;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.carefin.portal.config.FormErrors;

import static org.assertj.core.api.Assertions.assertThat;

class PatientApplicationFormTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@Test
	void aCompleteFormWithConsentHasNoErrorsAndBecomesTheApisRequest() {
		PatientApplicationForm form = complete("yes");
		assertThat(form.check(TODAY).any()).isFalse();
		PatientApplicationsApi.ApplicationRequest request = form.request();
		assertThat(request.dateOfBirth()).isEqualTo(LocalDate.of(1984, 3, 9));
		assertThat(request.address().state()).isEqualTo("NY");
		assertThat(request.address().line2()).isNull();
		assertThat(request.mobile()).isEqualTo("+15552010123");
		assertThat(request.annualIncome()).isEqualByComparingTo(new BigDecimal("52000"));
	}

	@Test
	void withoutConsentTheFormIsRefusedWithASentenceOnTheCheckbox() {
		FormErrors errors = complete(null).check(TODAY);
		assertThat(errors.has("consent")).isTrue();
		assertThat(errors.of("consent")).containsExactly(
				"To apply, tick the box to agree to the credit check and to receive the disclosures electronically.");
	}

	@Test
	void aDateOfBirthTodayOrLaterIsRefused() {
		PatientApplicationForm form = new PatientApplicationForm("Rosa", "Diaz", "2026-12-07", "321-00-0455",
				"12 Harbor Road", "", "Lakeside", "ny", "12345", "rosa@example.com", "", "52000", "0", "1500", "yes");
		assertThat(form.check(TODAY).of("dateOfBirth")).containsExactly("Your date of birth must be in the past.");
	}

	@Test
	void nothingPersonalIsInItsTextOrItsRequestsText() {
		PatientApplicationForm form = complete("yes");
		assertThat(form.toString()).doesNotContain("321").doesNotContain("1984").doesNotContain("Diaz");
		assertThat(form.request().toString()).doesNotContain("321").doesNotContain("1984").doesNotContain("Diaz");
		assertThat(form.withoutSsn().ssn()).isNull();
	}

	private static PatientApplicationForm complete(String consent) {
		return new PatientApplicationForm("Rosa", "Diaz", "1984-03-09", "321-00-0455", "12 Harbor Road", "", "Lakeside",
				"ny", "12345", "rosa@example.com", "555-201-0123", "$52,000", "1200", "1500", consent);
	}

}
