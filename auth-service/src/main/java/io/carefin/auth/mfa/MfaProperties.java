package io.carefin.auth.mfa;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in challenges and their codes behave.
 *
 * @param codeTtl how long a sent code works
 * @param maxWrongTries wrong codes after which a challenge is dead
 * @param resendCooldown how long after a code another may be sent
 * @param maxCodesPerHour codes a user may be sent per hour, whatever the challenge
 */
@ConfigurationProperties("carefin.auth.mfa")
record MfaProperties(@DefaultValue("10m") Duration codeTtl, @DefaultValue("5") int maxWrongTries,
		@DefaultValue("30s") Duration resendCooldown, @DefaultValue("5") int maxCodesPerHour) {

}
