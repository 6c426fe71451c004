package io.carefin.contracts;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

	@Test
	void keepsWholeCentsAtScaleTwo() {
		assertThat(Money.dollars(new BigDecimal("30"))).isEqualTo(new BigDecimal("30.00"));
		assertThat(Money.dollars(new BigDecimal("242.2"))).isEqualTo(new BigDecimal("242.20"));
	}

	@Test
	void refusesFractionsOfACent() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.dollars(new BigDecimal("10.005")))
			.withMessageContaining("10.005");
	}

}
