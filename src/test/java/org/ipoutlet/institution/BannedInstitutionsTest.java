package org.ipoutlet.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.ipoutlet.OutletProperties;
import org.junit.jupiter.api.Test;
import org.ipoutlet.institution.BannedInstitutions;

/** Art. 18: "三年内不得再提交备案申请", the length configurable as {@code outlet.filing.ban-years}. */
class BannedInstitutionsTest {

	static BannedInstitutions banned(int banYears) {
		return new BannedInstitutions(null, new OutletProperties(ZoneId.of("Asia/Shanghai"),
				new OutletProperties.Filing(5, 30, 3, banYears), new OutletProperties.Lifecycle(90, 6)));
	}

	@Test
	void Art18_banLastsThreeYearsInclusive() {
		assertThat(banned(3).lastDayOfBan(LocalDate.of(2028, 5, 5))).isEqualTo(LocalDate.of(2031, 5, 4));
		assertThat(banned(5).lastDayOfBan(LocalDate.of(2028, 5, 5))).isEqualTo(LocalDate.of(2033, 5, 4));
	}

}
