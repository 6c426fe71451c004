package io.carefin.portal.help;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelpPropertiesTests {

	final HelpProperties.Support support = new HelpProperties.Support("1", "e", "h");

	final HelpProperties.SignInRules rules = new HelpProperties.SignInRules(5, Duration.ofMinutes(30), 3,
			Duration.ofDays(90));

	@Test
	void aBlankMaintenanceNoticeMeansNoBanner() {
		assertThat(new HelpProperties(this.support, "  ", this.rules).notice()).isNull();
		assertThat(new HelpProperties(this.support, null, this.rules).notice()).isNull();
	}

	@Test
	void aMaintenanceNoticeIsShownAsWritten() {
		assertThat(new HelpProperties(this.support, " Down on Sunday. ", this.rules).notice())
			.isEqualTo("Down on Sunday.");
	}

}
