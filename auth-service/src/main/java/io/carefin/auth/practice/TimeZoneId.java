package io.carefin.auth.practice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The value is an IANA time zone id that Java knows, such as {@code America/New_York}; an
 * absent value is not checked.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneId.Validator.class)
@interface TimeZoneId {

	String message() default "must be a time zone such as America/New_York";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks a time zone id against {@link ZoneId}'s region ids: offsets such as
	 * {@code +05:00} are refused, since a practice's clock follows daylight saving time.
	 */
	class Validator implements ConstraintValidator<TimeZoneId, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			return ZoneId.getAvailableZoneIds().contains(value);
		}

	}

}
