package io.carefin.auth.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(new PasswordProperties(1024, 1, 1, 12, 128));

	@Test
	void acceptsALongPassphraseWithoutCompositionRules() {
		assertThat(this.policy.problems("purple elephants dance quietly", "jdoe", "Bright Smiles Dental")).isEmpty();
	}

	@Test
	void countsCharactersNotBytesSoUnicodeIsWelcome() {
		assertThat(this.policy.problems("日本語のパスワードです", "jdoe", "Clinic"))
			.containsExactly("Use at least 12 characters.");
		assertThat(this.policy.problems("日本語のとても長いパスワードです", "jdoe", "Clinic")).isEmpty();
	}

	@Test
	void refusesPasswordsShorterThanTwelveOrLongerThan128() {
		assertThat(this.policy.problems("short pass", "jdoe", "Clinic")).containsExactly("Use at least 12 characters.");
		assertThat(this.policy.problems("x".repeat(129), "jdoe", "Clinic"))
			.containsExactly("Use at most 128 characters.");
		assertThat(this.policy.problems("x".repeat(128), "jdoe", "Clinic")).isEmpty();
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(this.policy.problems("PASSWORD1234", "jdoe", "Clinic")).singleElement()
			.asString()
			.contains("too common");
	}

	@Test
	void refusesTheUserIdAndThePracticeName() {
		assertThat(this.policy.problems("Dr.Jane.Doe.2026", "dr.jane.doe.2026", "Clinic")).singleElement()
			.asString()
			.contains("user ID");
		assertThat(this.policy.problems("bright smiles dental", "jdoe", "Bright Smiles Dental")).singleElement()
			.asString()
			.contains("practice");
	}

	@Test
	void normalisesUnicodeSoTheSameCharactersGiveTheSamePassword() {
		String composed = "caf\u00e9 au lait tous les jours";
		String decomposed = "cafe\u0301 au lait tous les jours";
		assertThat(Passwords.normalize(decomposed)).isEqualTo(Passwords.normalize(composed));
		assertThat(this.policy.problems("\uff30\uff21\uff33\uff33\uff37\uff2f\uff32\uff24\uff11\uff12\uff13\uff14",
				"jdoe", "Clinic"))
			.as("full-width PASSWORD1234 is the common PASSWORD1234")
			.singleElement()
			.asString()
			.contains("too common");
	}

}
