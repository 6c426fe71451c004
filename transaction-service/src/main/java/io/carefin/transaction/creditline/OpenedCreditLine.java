package io.carefin.transaction.creditline;

import java.util.UUID;

/**
 * A credit line just opened: what may be shown and sent about its account number.
 *
 * @param accountId the account's id
 * @param accountLast4 the last four digits of the account number
 * @param accountNumberHash the keyed lookup hash of the account number
 */
public record OpenedCreditLine(UUID accountId, String accountLast4, String accountNumberHash) {

}
