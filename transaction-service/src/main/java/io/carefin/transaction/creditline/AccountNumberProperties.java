package io.carefin.transaction.creditline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How account numbers are made and found, under {@code carefin.account-numbers}.
 *
 * @param prefix the digits every account number starts with (default {@code 6019})
 * @param lookupKey Base64 of at least 32 bytes: the HMAC-SHA256 key of the lookup hash
 * carried on {@code ApplicationApproved.accountNumberHash}, shared with account-service;
 * required
 */
@ConfigurationProperties("carefin.account-numbers")
public record AccountNumberProperties(@DefaultValue("6019") String prefix, String lookupKey) {

}
