package io.carefin.starter.idempotency;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.carefin.starter.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyScopeTests {

	@Test
	void practiceUsersShareTheirPracticesKeysAndEachStaffMemberHasTheirOwn() {
		UUID practice = UUID.randomUUID();
		Caller clerk = new Caller("u1", "clerk", practice, "Bright Smiles", Set.of("ROLE_PRACTICE_USER"));
		Caller colleague = new Caller("u2", "admin", practice, "Bright Smiles", Set.of("ROLE_PRACTICE_ADMIN"));
		Caller elsewhere = new Caller("u3", "clerk", UUID.randomUUID(), "Lakeside", Set.of("ROLE_PRACTICE_USER"));
		Caller support = new Caller("s1", "agent", null, null, Set.of("ROLE_SUPPORT"));
		Caller auditor = new Caller("s2", "auditor", null, null, Set.of("ROLE_AUDITOR"));

		assertThat(Idempotency.scopeOf(clerk)).isEqualTo(Idempotency.scopeOf(colleague))
			.isEqualTo("practice:" + practice);
		assertThat(Idempotency.scopeOf(elsewhere)).isNotEqualTo(Idempotency.scopeOf(clerk));
		assertThat(Idempotency.scopeOf(support)).isEqualTo("staff:s1").isNotEqualTo(Idempotency.scopeOf(auditor));
	}

}
