package org.ipoutlet.institution;

import static org.assertj.core.api.Assertions.assertThat;

import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ipoutlet.institution.Uscc;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.institution.ExemptInstitutions;
import org.ipoutlet.institution.DemoInstitutions;

/**
 * The demo profile seeds one exempt (Art. 19) and one banned (Art. 18) institution and a few provincial
 * outlets (Art. 7(一)), once.
 */
@WebTest
class DemoInstitutionsTest {

	@Autowired
	DemoInstitutions demo;

	@Autowired
	ExemptInstitutions exempt;

	@Autowired
	BannedInstitutions banned;

	@Autowired
	ProvincialOutlets provincialOutlets;

	@Test
	void demoSeedsTheProvincialOutletsTheReadmeNames() throws java.io.IOException {
		String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
		assertThat(DemoInstitutions.PROVINCIAL_OUTLETS).hasSizeGreaterThanOrEqualTo(3);
		for (var o : DemoInstitutions.PROVINCIAL_OUTLETS) {
			String uscc = o.get(0);
			assertThat(Uscc.isValid(uscc)).as(uscc).isTrue();
			assertThat(readme).as("the README names " + uscc).contains("`" + uscc + "`");
			assertThat(provincialOutlets.isProvincialOutletOf(uscc, o.get(2))).as(uscc).isTrue();
		}
		assertThat(DemoInstitutions.PROVINCIAL_OUTLETS).extracting(o -> o.get(2)).contains("310000", "110000");
		demo.seed();
		assertThat(provincialOutlets.list(java.util.List.of("310000", "110000")))
			.filteredOn(p -> DemoInstitutions.PROVINCIAL_OUTLETS.stream().anyMatch(o -> o.get(0).equals(p.uscc())))
			.as("seeded once").hasSize(DemoInstitutions.PROVINCIAL_OUTLETS.size());
	}

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
