package org.ipoutlet.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.ipoutlet.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application binds {@code config/cn-holidays.yaml} (imported by application.yaml) into its calendar. */
@ProcessTest
class HolidayCalendarBindingTest {

	@Autowired
	CalendarProperties properties;

	@Autowired
	WorkingDayCalendar calendar;

	@Test
	void shippedHolidayNoticesFor2025And2026AreBoundAtStartUp() {
		assertThat(properties.holidayYears()).extracting(HolidayYear::year).containsExactly(2025, 2026);
		assertThat(properties.holidayYears().get(1).source()).contains("2026年部分节假日安排");
		assertThat(properties.holidayYears().get(1).holidays()).contains(LocalDate.of(2026, 2, 15),
				LocalDate.of(2026, 10, 7));

		// the application's calendar bean counts on them: Spring Festival 2026, Saturday 02-14 worked
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 12), 5)).isEqualTo("2026-02-26");
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
	}

}
