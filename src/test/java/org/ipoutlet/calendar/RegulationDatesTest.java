package org.ipoutlet.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.ipoutlet.OutletProperties;
import org.junit.jupiter.api.Test;

/** The regulation's periods in Asia/Shanghai, whatever the JVM's time zone. */
class RegulationDatesTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static RegulationDates dates(int windowDays, int rectificationMonths, int validityYears, int banYears) {
		OutletProperties props = new OutletProperties(SHANGHAI, new OutletProperties.Filing(5, 30, validityYears, banYears),
				new OutletProperties.Lifecycle(windowDays, rectificationMonths));
		return new RegulationDates(new BusinessClock(props), new WorkingDayCalendar(new CalendarProperties(null)), props);
	}

	@Test
	void Art8_aFilingIsValidForThreeYearsIncludingItsFirstDay() {
		assertThat(dates(90, 6, 3, 3).validUntil(LocalDate.of(2027, 3, 10))).isEqualTo(LocalDate.of(2030, 3, 9));
	}

	/** Art. 18: "三年内不得再提交备案申请", the length configurable as {@code outlet.filing.ban-years}. */
	@Test
	void Art18_banLastsThreeYearsInclusive() {
		assertThat(dates(90, 6, 3, 3).lastDayOfBan(LocalDate.of(2028, 5, 5))).isEqualTo(LocalDate.of(2031, 5, 4));
		assertThat(dates(90, 6, 3, 5).lastDayOfBan(LocalDate.of(2028, 5, 5))).isEqualTo(LocalDate.of(2033, 5, 4));
	}

	@Test
	void Art9_renewalAddsThreeYearsToTheCurrentEnd() {
		RegulationDates d = dates(90, 6, 3, 3);
		assertThat(d.renewedUntil(LocalDate.of(2030, 3, 9))).isEqualTo(LocalDate.of(2033, 3, 9));
		assertThat(d.renewedUntil(LocalDate.of(2027, 2, 28))).isEqualTo(LocalDate.of(2030, 2, 28));
	}

	@Test
	void Art9_renewalWindowIsConfigurable() {
		assertThat(dates(90, 6, 3, 3).renewalWindowOpensOn(LocalDate.of(2030, 3, 9))).isEqualTo(LocalDate.of(2029, 12, 10));
		assertThat(dates(30, 6, 3, 3).renewalWindowOpensOn(LocalDate.of(2030, 3, 9))).isEqualTo(LocalDate.of(2030, 2, 8));
	}

	@Test
	void Art9_expiryFiresAtTheStartOfTheDayAfterValidUntilInShanghai() {
		String expiresAt = dates(90, 6, 3, 3).timerAfter(LocalDate.of(2030, 3, 9));
		assertThat(expiresAt).isEqualTo("2030-03-10T00:00:00+08:00");
		assertThat(OffsetDateTime.parse(expiresAt).toInstant())
			.isEqualTo(ZonedDateTime.of(2030, 3, 10, 0, 0, 0, 0, SHANGHAI).toInstant());
	}

	@Test
	void Art17_summaryIsDueOn31JanuaryAndRectificationLastsSixMonths() {
		RegulationDates d = dates(90, 6, 3, 3);
		assertThat(d.summaryDueOn(2026)).isEqualTo(LocalDate.of(2027, 1, 31));
		assertThat(d.timerAt(d.summaryOpensOn(2026))).isEqualTo("2027-01-01T00:00:00+08:00");
		assertThat(d.timerAfter(d.summaryDueOn(2026))).isEqualTo("2027-02-01T00:00:00+08:00");
		assertThat(d.rectificationDeadline(LocalDate.of(2027, 8, 31))).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(d.rectificationDeadline(LocalDate.of(2027, 6, 1))).isEqualTo(LocalDate.of(2027, 12, 1));
	}

	@Test
	void Art7_publicityIsFiveWorkingDaysFromTheNextWorkingDayAndASupplementThirtyCalendarDays() {
		RegulationDates d = dates(90, 6, 3, 3);
		// Approved on a Friday: Monday to Friday of the next week (no holiday data: Monday–Friday).
		RegulationDates.Period publicity = d.publicity(LocalDate.of(2031, 3, 7));
		assertThat(publicity.first()).isEqualTo(LocalDate.of(2031, 3, 10));
		assertThat(publicity.last()).isEqualTo(LocalDate.of(2031, 3, 14));
		assertThat(d.supplementDeadline(LocalDate.of(2031, 3, 7))).isEqualTo(LocalDate.of(2031, 4, 6));
	}

}
