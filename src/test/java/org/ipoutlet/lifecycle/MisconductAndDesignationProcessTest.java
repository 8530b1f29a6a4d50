package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.ipoutlet.ProcessTest;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.institution.ExemptInstitutions;
import org.ipoutlet.register.OutletStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Revocation for misconduct (Art. 18) and cancellation on designation (Art. 19). */
@ProcessTest
class MisconductAndDesignationProcessTest extends LifecycleTestSupport {

	@Autowired
	BannedInstitutions banned;

	@Autowired
	ExemptInstitutions exempt;

	@Test
	void Art18_misconductRevokesAtOnceAndBansForThreeYears() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "110000");
		advanceTo(outlet, LocalDate.of(2028, 5, 5), true);
		assertThat(banned.isBanned(outlet.uscc(), LocalDate.of(2028, 5, 5))).isFalse();

		messages.reportMisconduct(outlet.filingNo(), "UNRELATED_COMMERCIAL_ACTIVITY", "经查实的违规事实", "撤销备案，三年内不得再提交备案申请", "cnipa");

		assertThat(register(outlet).status()).isEqualTo(OutletStatus.REVOKED);
		assertThat(register(outlet).statusReason()).contains("商业经营活动");
		assertThat(ended(outlet)).isTrue();
		assertThat(banned.isBanned(outlet.uscc(), LocalDate.of(2028, 5, 5))).isTrue();
		assertThat(banned.isBanned(outlet.uscc(), LocalDate.of(2031, 5, 4))).isTrue();
		assertThat(banned.isBanned(outlet.uscc(), LocalDate.of(2031, 5, 5))).isFalse();
	}

	/**
	 * Art. 18 against an expired outlet: no instance is left, the finding is recorded directly and bans
	 * the USCC for three years from the decision, with the facts, the decision, who and when.
	 */
	@Test
	void Art18_misconductAgainstAnExpiredOutletBansItsUsccForThreeYears() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "110000");
		advanceTo(outlet, LocalDate.of(2030, 3, 10).atTime(0, 1), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.EXPIRED);
		assertThat(ended(outlet)).isTrue();

		setNow(LocalDate.of(2030, 6, 15).atTime(11, 0));
		LocalDate until = messages.reportMisconduct(outlet.filingNo(), "ILLEGAL_ACTIVITY", "以网点名义从事违法活动，经查属实",
				"认定违规，三年内不得再提交备案申请", "cnipa");

		assertThat(until).isEqualTo(LocalDate.of(2033, 6, 14));
		assertThat(banned.isBanned(outlet.uscc(), LocalDate.of(2030, 6, 15))).isTrue();
		assertThat(banned.isBanned(outlet.uscc(), LocalDate.of(2033, 6, 14))).isTrue();
		assertThat(banned.isBanned(outlet.uscc(), LocalDate.of(2033, 6, 15))).isFalse();
		assertThat(banned.of(outlet.uscc())).singleElement().satisfies(ban -> {
			assertThat(ban.facts()).isEqualTo("以网点名义从事违法活动，经查属实");
			assertThat(ban.decision()).isEqualTo("认定违规，三年内不得再提交备案申请");
			assertThat(ban.decidedBy()).isEqualTo("cnipa");
			assertThat(ban.decidedAt()).isEqualTo(LocalDate.of(2030, 6, 15).atTime(11, 0).atZone(SHANGHAI).toInstant());
			assertThat(ban.sourceRef()).isEqualTo(outlet.filingNo());
		});
		// The register keeps its status: expired, not revoked.
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.EXPIRED);
		// A finding needs its facts and decision.
		assertThatThrownBy(() -> messages.reportMisconduct(outlet.filingNo(), "ILLEGAL_ACTIVITY", " ", null, "cnipa"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("facts")
			.hasMessageContaining("decision");
	}

	@Test
	void Art18_misconductTypeMustBeAContractCode() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "110000");
		assertThatThrownBy(() -> messages.reportMisconduct(outlet.filingNo(), "BAD_ATTITUDE", "经查实的违规事实", "撤销备案，三年内不得再提交备案申请", "cnipa"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("misconductType");
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		assertThat(banned.isBanned(outlet.uscc(), LocalDate.of(2027, 3, 10))).isFalse();
	}

	@Test
	void Art19_designationAsTiscCancelsTheFiling() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "110000");
		advanceTo(outlet, LocalDate.of(2028, 9, 1), true);

		messages.designate(outlet.filingNo(), "TISC");

		assertThat(register(outlet).status()).isEqualTo(OutletStatus.CANCELLED);
		assertThat(ended(outlet)).isTrue();
		assertThat(exempt.exemptionOf(outlet.uscc())).contains(ExemptInstitutions.Exemption.TISC);
		assertThatThrownBy(() -> messages.designate(outlet.filingNo(), "UNIVERSITY_CENTRE"))
			.isInstanceOf(NoAwaitingInstanceException.class)
			.hasMessageContaining("DesignatedAsCentre");
	}

	@Test
	void Art19_designationMustBeTiscOrUniversityCentre() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "110000");
		assertThatThrownBy(() -> messages.designate(outlet.filingNo(), "PROTECTION_CENTRE"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("designation");
		assertThat(exempt.exemptionOf(outlet.uscc())).isEmpty();
	}

}
