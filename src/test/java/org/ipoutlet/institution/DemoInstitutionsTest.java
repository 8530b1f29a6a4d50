package org.ipoutlet.institution;

import static org.assertj.core.api.Assertions.assertThat;

import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ipoutlet.institution.Uscc;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.institution.ExemptInstitutions;
import org.ipoutlet.institution.DemoInstitutions;

/** The demo profile seeds one exempt (Art. 19) and one banned (Art. 18) institution, once. */
@WebTest
class DemoInstitutionsTest {

	@Autowired
	DemoInstitutions demo;

	@Autowired
	ExemptInstitutions exempt;

	@Autowired
	BannedInstitutions banned;

	@Test
	void demoSeedsAnExemptAndABannedInstitutionOnce() {
		assertThat(Uscc.isValid(DemoInstitutions.EXEMPT_USCC)).isTrue();
		assertThat(Uscc.isValid(DemoInstitutions.BANNED_USCC)).isTrue();
		assertThat(exempt.exemptionOf(DemoInstitutions.EXEMPT_USCC)).contains(ExemptInstitutions.Exemption.TISC);
		assertThat(banned.banEnds(DemoInstitutions.BANNED_USCC)).hasSize(1);

		demo.seed();

		assertThat(banned.banEnds(DemoInstitutions.BANNED_USCC)).as("seeded once").hasSize(1);
	}

}
