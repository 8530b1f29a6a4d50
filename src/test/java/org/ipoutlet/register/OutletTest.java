package org.ipoutlet.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ipoutlet.register.Outlet.OutletDetails;
import org.junit.jupiter.api.Test;
import org.ipoutlet.institution.IllegalTransitionException;

/** The register's guarded transitions: only the moves the regulation allows. */
class OutletTest {

	static final Instant NOW = Instant.parse("2027-03-10T02:00:00Z");

	static final LocalDate FROM = LocalDate.of(2027, 3, 10);

	static final LocalDate UNTIL = LocalDate.of(2030, 3, 9);

	static Outlet filed() {
		OutletDetails details = new OutletDetails("某大学图书馆", "UNIVERSITY", "事业单位", "310000", "上海市某路1号", null,
				null, "张三", "李四", "021-12345678", "a@example.org", "企业",
				List.of("CONSULTATION", "SEARCH", "TRAINING"), List.of("PATENT"));
		return Outlet.file("GZ2027001", "SQ2027001", "91310000MA1FL4CT3X", details, "310000", "applicant", FROM,
				UNTIL, NOW);
	}

	static Outlet in(OutletStatus status) {
		Outlet o = filed();
		switch (status) {
			case RECTIFYING -> o.startRectification("整改", NOW);
			case REVOKED -> o.revoke("违规", NOW);
			case EXPIRED -> o.expire(UNTIL.plusDays(1), NOW);
			case CANCELLED -> o.cancel("TISC", NOW);
			default -> {
			}
		}
		return o;
	}

	@Test
	void Art7_aNewFilingIsFiledAndValidForTheGivenPeriod() {
		Outlet o = filed();
		assertThat(o.status()).isEqualTo(OutletStatus.FILED);
		assertThat(o.validUntil()).isEqualTo(UNTIL);
		assertThatThrownBy(() -> Outlet.file("X", "Y", "Z", filed().details(), "310000", "u", UNTIL, FROM, NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void Art9_aRenewalAppliedForInTimeKeepsTheOutletFromExpiringUntilDecided() {
		Outlet o = filed();
		assertThatThrownBy(() -> filed().applyForRenewal(UNTIL.plusDays(1))).isInstanceOf(IllegalTransitionException.class);
		o.applyForRenewal(UNTIL.minusDays(10));
		// A correction of the same application keeps the first day, even after the end of validity.
		o.applyForRenewal(UNTIL.plusDays(5));
		assertThat(o.renewalAppliedOn()).isEqualTo(UNTIL.minusDays(10));
		assertThat(o.statusLabel()).isEqualTo("续期审核中");
		assertThatThrownBy(() -> o.expire(UNTIL.plusDays(20), NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThat(o.status()).isEqualTo(OutletStatus.FILED);

		o.refuseRenewal();
		assertThat(o.statusLabel()).isEqualTo("有效");
		assertThatThrownBy(o::refuseRenewal).isInstanceOf(IllegalTransitionException.class);
		o.expire("续期申请未获批准", UNTIL.plusDays(20), NOW);
		assertThat(o.status()).isEqualTo(OutletStatus.EXPIRED);
		assertThat(o.statusReason()).isEqualTo("续期申请未获批准");
	}

	@Test
	void Art17_noRevocationWithoutCnipasDecisionAfterThePeriod() {
		LocalDate deadline = LocalDate.of(2027, 12, 1);
		Outlet o = filed();
		o.startRectification("整改", deadline, NOW);
		assertThatThrownBy(() -> o.recordRevocationDecision(true, deadline)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> o.revokeAfterRectification("撤销", deadline.plusDays(1), NOW))
			.isInstanceOf(IllegalTransitionException.class);
		o.recordRevocationDecision(true, deadline.plusDays(1));
		o.revokeAfterRectification("撤销", deadline.plusDays(1), NOW);
		assertThat(o.status()).isEqualTo(OutletStatus.REVOKED);

		Outlet kept = filed();
		kept.startRectification("整改", deadline, NOW);
		kept.recordRevocationDecision(false, deadline.plusDays(3));
		assertThatThrownBy(() -> kept.revokeAfterRectification("撤销", deadline.plusDays(3), NOW))
			.isInstanceOf(IllegalTransitionException.class);
		kept.completeVerifiedRectification(NOW);
		assertThat(kept.status()).isEqualTo(OutletStatus.FILED);
	}

	@Test
	void Art10_aRecordedChangeMayHandTheOutletToAnotherRecommender() {
		Outlet o = filed();
		OutletDetails moved = new OutletDetails("某大学图书馆", "UNIVERSITY", "事业单位", "110000", "北京市某路2号", null, null,
				"王五", "李四", "010-12345678", "a@example.org", "企业", List.of("CONSULTATION", "SEARCH", "TRAINING"),
				List.of("PATENT"));
		o.applyChange(moved, "馆长", "110000", NOW);
		assertThat(o.recommenderId()).isEqualTo("110000");
		assertThat(o.headTitle()).isEqualTo("馆长");
		assertThat(o.details().province()).isEqualTo("110000");
	}

	@Test
	void Art9_renewalExtendsAFiledOutletOnly() {
		Outlet o = filed();
		o.renew(UNTIL.plusYears(3), NOW);
		assertThat(o.validUntil()).isEqualTo(LocalDate.of(2033, 3, 9));
		assertThatThrownBy(() -> o.renew(UNTIL, NOW)).isInstanceOf(IllegalArgumentException.class);
		for (OutletStatus s : List.of(OutletStatus.RECTIFYING, OutletStatus.EXPIRED, OutletStatus.REVOKED,
				OutletStatus.CANCELLED)) {
			Outlet other = in(s);
			assertThatThrownBy(() -> other.renew(UNTIL.plusYears(3), NOW))
				.isInstanceOf(IllegalTransitionException.class)
				.hasMessageContaining(s.name());
			assertThat(other.validUntil()).isEqualTo(UNTIL);
		}
	}

	@Test
	void Art9_expiryOnlyAfterTheLastValidDay() {
		Outlet o = filed();
		assertThatThrownBy(() -> o.expire(UNTIL, NOW)).isInstanceOf(IllegalTransitionException.class);
		assertThat(o.status()).isEqualTo(OutletStatus.FILED);
		o.expire(UNTIL.plusDays(1), NOW);
		assertThat(o.status()).isEqualTo(OutletStatus.EXPIRED);
		Outlet rectifying = in(OutletStatus.RECTIFYING);
		rectifying.expire(UNTIL.plusDays(1), NOW);
		assertThat(rectifying.status()).isEqualTo(OutletStatus.EXPIRED);
		assertThatThrownBy(() -> in(OutletStatus.REVOKED).expire(UNTIL.plusDays(1), NOW))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void Art17_rectificationStartsFromFiledAndEndsFiledOrRevoked() {
		Outlet o = filed();
		o.startRectification("年度总结逾期", NOW);
		assertThat(o.status()).isEqualTo(OutletStatus.RECTIFYING);
		assertThat(o.statusReason()).isEqualTo("年度总结逾期");
		assertThatThrownBy(() -> o.startRectification("再次", NOW)).isInstanceOf(IllegalTransitionException.class);
		o.completeRectification(NOW);
		assertThat(o.status()).isEqualTo(OutletStatus.FILED);
		assertThatThrownBy(() -> o.completeRectification(NOW)).isInstanceOf(IllegalTransitionException.class);

		Outlet failed = in(OutletStatus.RECTIFYING);
		failed.revoke("整改期满仍不合格", NOW);
		assertThat(failed.status()).isEqualTo(OutletStatus.REVOKED);
	}

	@Test
	void Art18_Art19_endStatesAreFinal() {
		for (OutletStatus end : List.of(OutletStatus.EXPIRED, OutletStatus.REVOKED, OutletStatus.CANCELLED)) {
			Outlet o = in(end);
			assertThat(o.status()).isEqualTo(end);
			assertThat(end.active()).isFalse();
			assertThatThrownBy(() -> o.revoke("x", NOW)).isInstanceOf(IllegalTransitionException.class);
			assertThatThrownBy(() -> o.cancel("x", NOW)).isInstanceOf(IllegalTransitionException.class);
			assertThatThrownBy(() -> o.startRectification("x", NOW)).isInstanceOf(IllegalTransitionException.class);
			assertThatThrownBy(() -> o.applyChange(o.details(), NOW)).isInstanceOf(IllegalTransitionException.class);
			assertThat(o.status()).isEqualTo(end);
		}
	}

	@Test
	void Art19_designationCancelsFiledOrRectifyingOutlets() {
		Outlet o = filed();
		o.cancel("被确定为TISC", NOW);
		assertThat(o.status()).isEqualTo(OutletStatus.CANCELLED);
		Outlet r = in(OutletStatus.RECTIFYING);
		r.cancel("被确定为高校中心", NOW);
		assertThat(r.status()).isEqualTo(OutletStatus.CANCELLED);
	}

	@Test
	void Art10_changesApplyWhileTheFilingIsActive() {
		Outlet o = in(OutletStatus.RECTIFYING);
		OutletDetails d = o.details();
		OutletDetails changed = new OutletDetails("新名称", d.orgCategory(), d.orgNature(), d.province(), d.address(),
				d.platformName(), d.platformUrl(), d.headName(), d.contactName(), d.phone(), d.email(),
				d.serviceTargets(), d.serviceItems(), d.ipCategories());
		o.applyChange(changed, NOW);
		assertThat(o.details().orgName()).isEqualTo("新名称");
		assertThat(o.status()).isEqualTo(OutletStatus.RECTIFYING);
	}

}
