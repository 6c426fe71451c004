package io.carefin.transaction.application;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * The local stand-in for a credit bureau: a deterministic, documented scorecard, so that
 * the same applicant always gets the same file. The score is 300 plus the SSN's last four
 * digits modulo 551 (…-0450 scores 750, …-0300 scores 600, …-0200 scores 500); the other
 * monthly debt is the SSN's middle two digits times $25 (…-00-… has none, …-40-… pays
 * $1,000).
 */
@Component
class ScorecardCreditBureau implements CreditBureau {

	@Override
	public Report report(String ssn, LocalDate dateOfBirth) {
		int last4 = Integer.parseInt(ssn.substring(5));
		int group = Integer.parseInt(ssn.substring(3, 5));
		return new Report(300 + last4 % 551, new BigDecimal(group * 25).setScale(2));
	}

}
