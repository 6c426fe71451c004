package io.carefin.auth.mfa;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers for text-message codes: parsed as typed (US numbers without a country
 * code), accepted only when they can receive texts, and kept in E.164 form.
 */
final class PhoneNumbers {

	private static final String DEFAULT_REGION = "US";

	private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * The number in E.164 form, or empty when it is not a valid mobile number.
	 */
	static Optional<String> mobile(String typed) {
		try {
			PhoneNumber number = NUMBERS.parse(typed, DEFAULT_REGION);
			PhoneNumberUtil.PhoneNumberType type = NUMBERS.getNumberType(number);
			boolean textable = type == PhoneNumberUtil.PhoneNumberType.MOBILE
					|| type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
			return (NUMBERS.isValidNumber(number) && textable)
					? Optional.of(NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
