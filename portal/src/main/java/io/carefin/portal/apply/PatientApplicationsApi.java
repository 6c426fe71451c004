package io.carefin.portal.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * transaction-service's endpoints for a patient applying through their practice's link:
 * the practice by its code, and the application. Calls carry no bearer token.
 */
@HttpExchange(url = "/api/transactions/practices", accept = "application/json")
interface PatientApplicationsApi {

	@GetExchange("/{practiceCode}")
	Practice practice(@PathVariable String practiceCode);

	@PostExchange("/{practiceCode}/applications")
	Decision apply(@PathVariable String practiceCode, @RequestBody ApplicationRequest request);

	/**
	 * A practice that takes applications through its link.
	 *
	 * @param practiceCode its code, such as {@code BRIGHT-SMILES}
	 * @param name its name
	 */
	record Practice(String practiceCode, String name) {

	}

	/**
	 * The patient's application; its {@code toString} leaves out everything personal.
	 *
	 * @param firstName first name
	 * @param lastName last name
	 * @param dateOfBirth date of birth
	 * @param ssn nine digits
	 * @param address home address
	 * @param email e-mail address
	 * @param mobile mobile number in E.164, if given
	 * @param annualIncome yearly income
	 * @param monthlyHousingPayment rent or mortgage a month
	 * @param requestedAmount the credit asked for
	 */
	record ApplicationRequest(String firstName, String lastName, LocalDate dateOfBirth, String ssn, Address address,
			String email, @Nullable String mobile, BigDecimal annualIncome, BigDecimal monthlyHousingPayment,
			BigDecimal requestedAmount) {

		@Override
		public String toString() {
			return "ApplicationRequest[…]";
		}

	}

	/**
	 * A US postal address.
	 *
	 * @param line1 street and number
	 * @param line2 apartment or suite
	 * @param city the city
	 * @param state the two-letter state code
	 * @param postalCode the ZIP code
	 */
	record Address(String line1, @Nullable String line2, String city, String state, String postalCode) {

		@Override
		public String toString() {
			return "Address[…]";
		}

	}

	/**
	 * The decision, as the patient may see it.
	 *
	 * @param status {@code APPROVED}, {@code DECLINED} or {@code PENDING_REVIEW}
	 * @param reasons the decline or review reasons, as codes
	 * @param creditLimit the approved line
	 * @param accountLast4 the last four digits of the new account's number
	 * @param practiceName the practice applied through
	 */
	record Decision(String status, List<String> reasons, @Nullable BigDecimal creditLimit,
			@Nullable String accountLast4, @Nullable String practiceName) {

		public Decision {
			reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
		}

	}

}
