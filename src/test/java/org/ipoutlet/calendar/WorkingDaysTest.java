package org.ipoutlet.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Mainland working days (publicity under Art. 7(三) counts them), on the shipped
 * {@code config/cn-holidays.yaml}, bound as Spring binds it but without an application context.
 */
class WorkingDaysTest {

	/** The shipped YAML, bound as at start-up. */
	private final WorkingDayCalendar calendar = new WorkingDayCalendar(bind(new ClassPathResource("config/cn-holidays.yaml")));

	private final Logger calendarLog = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		logged.start();
		calendarLog.addAppender(logged);
	}

	@AfterEach
	void releaseLog() {
		calendarLog.detachAppender(logged);
	}

	// The State Council (国务院办公厅) notices on the holidays of 2025 and 2026, typed again here from the
	// notices themselves, independently of config/cn-holidays.yaml (README, "outlet-filing").

	static Stream<Arguments> holidays() {
		return Stream.of(
				Arguments.of("2025 元旦", "2025-01-01", "2025-01-01"),
				Arguments.of("2025 春节", "2025-01-28", "2025-02-04"),
				Arguments.of("2025 清明节", "2025-04-04", "2025-04-06"),
				Arguments.of("2025 劳动节", "2025-05-01", "2025-05-05"),
				Arguments.of("2025 端午节", "2025-05-31", "2025-06-02"),
				Arguments.of("2025 国庆节、中秋节", "2025-10-01", "2025-10-08"),
				Arguments.of("2026 元旦", "2026-01-01", "2026-01-03"),
				Arguments.of("2026 春节", "2026-02-15", "2026-02-23"),
				Arguments.of("2026 清明节", "2026-04-04", "2026-04-06"),
				Arguments.of("2026 劳动节", "2026-05-01", "2026-05-05"),
				Arguments.of("2026 端午节", "2026-06-19", "2026-06-21"),
				Arguments.of("2026 中秋节", "2026-09-25", "2026-09-27"),
				Arguments.of("2026 国庆节", "2026-10-01", "2026-10-07"));
	}

	@ParameterizedTest(name = "{0}: {1}..{2}")
	@MethodSource("holidays")
	void everyDayOfAStatutoryHolidayIsOff(String holiday, LocalDate first, LocalDate last) {
		first.datesUntil(last.plusDays(1))
			.forEach(day -> assertThat(calendar.isWorkingDay(day)).as("%s %s", holiday, day).isFalse());
		// and the holiday ends: the weekday after it is worked
		LocalDate after = last.plusDays(1);
		while (after.getDayOfWeek().getValue() > 5) {
			after = after.plusDays(1);
		}
		assertThat(calendar.isWorkingDay(after)).as("first weekday after %s", holiday).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11", "2026-01-04",
			"2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" })
	void adjustedWeekendDayIsAWorkingDay(LocalDate day) {
		assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(calendar.isWorkingDay(day)).isTrue();
	}

	@Test
	void ordinaryWeekendsAreOffAndOrdinaryWeekdaysOn() {
		// a week with no holiday: 2026-03-09 (Mon) .. 2026-03-15 (Sun)
		LocalDate monday = LocalDate.of(2026, 3, 9);
		for (int i = 0; i < 5; i++) {
			assertThat(calendar.isWorkingDay(monday.plusDays(i))).as(monday.plusDays(i).toString()).isTrue();
		}
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 14))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 15))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 15))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 17))).isTrue();
	}

	@Test
	void eachYearHas248WorkingDays() {
		// 2025: 261 weekdays - 18 weekday holidays + 5 adjusted days; 2026: 261 - 19 + 6
		assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31))).isEqualTo(248);
		assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31))).isEqualTo(248);
	}

	@Test
	void publicityApprovedTheThursdayBeforeSpringFestival2026EndsOn26February() {
		LocalDate approved = LocalDate.of(2026, 2, 12); // Thursday
		assertThat(calendar.plusWorkingDays(approved, 1)).isEqualTo("2026-02-13"); // Friday
		assertThat(calendar.plusWorkingDays(approved, 2)).isEqualTo("2026-02-14"); // Saturday, adjusted
		assertThat(calendar.plusWorkingDays(approved, 3)).isEqualTo("2026-02-24"); // after 02-15..02-23
		assertThat(calendar.plusWorkingDays(approved, 4)).isEqualTo("2026-02-25");
		assertThat(calendar.plusWorkingDays(approved, 5)).isEqualTo("2026-02-26");
		assertThat(calendar.workingDaysBetween(approved, LocalDate.of(2026, 2, 26))).isEqualTo(5);
	}

	@Test
	void publicityApprovedBeforeNationalDay2026SkipsTheGoldenWeekAndCountsSaturday10October() {
		LocalDate approved = LocalDate.of(2026, 9, 30);
		assertThat(calendar.workingDaysBetween(approved, LocalDate.of(2026, 10, 7))).isZero();
		assertThat(calendar.plusWorkingDays(approved, 1)).isEqualTo("2026-10-08"); // Thursday
		assertThat(calendar.plusWorkingDays(approved, 2)).isEqualTo("2026-10-09"); // Friday
		assertThat(calendar.plusWorkingDays(approved, 3)).isEqualTo("2026-10-10"); // Saturday, adjusted
		assertThat(calendar.plusWorkingDays(approved, 4)).isEqualTo("2026-10-12"); // Monday
		assertThat(calendar.plusWorkingDays(approved, 5)).isEqualTo("2026-10-13");
	}

	@Test
	void countingCrossesTheNewYearIntoAnAdjustedSunday() {
		// 2026-01-01..03 off, Sunday 2026-01-04 worked
		assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo("2026-01-04");
		assertThat(calendar.plusWorkingDays(LocalDate.of(2025, 12, 30), 2)).isEqualTo("2026-01-04");
	}

	@Test
	void startingOnAHolidayCountsFromTheNextWorkingDay() {
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 18), 1)).isEqualTo("2026-02-24");
		assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo("2026-02-24");
	}

	@Test
	void workingDaysBetweenIsTheInverseOfPlusWorkingDays() {
		for (LocalDate from = LocalDate.of(2025, 1, 1); from.getYear() < 2027; from = from.plusDays(3)) {
			for (int days : new int[] { 1, 2, 5, 20 }) {
				LocalDate end = calendar.plusWorkingDays(from, days);
				assertThat(calendar.isWorkingDay(end)).isTrue();
				assertThat(calendar.workingDaysBetween(from, end)).as("%s + %d", from, days).isEqualTo(days);
				assertThat(calendar.workingDaysBetween(from, end.minusDays(1))).isEqualTo(days - 1);
			}
		}
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 12))).isZero();
	}

	@Test
	void aYearWithoutDataFallsBackToMondayToFridayAndWarnsOnce() {
		// 2027-10-01 is a Friday; no notice for 2027 is configured
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 2))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 3))).isFalse();
		assertThat(calendar.plusWorkingDays(LocalDate.of(2027, 9, 30), 5)).isEqualTo("2027-10-07");
		assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 12, 31))).isEqualTo(261);

		assertThat(warnings()).hasSize(1);
		assertThat(warnings().get(0).getFormattedMessage()).contains("2027", "Monday to Friday", "outlet.calendar.years");
		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 1))).isFalse(); // configured years still apply
		assertThat(warnings()).hasSize(1);
	}

	@Test
	void fallbackWarnsOncePerYearUnderConcurrentUse() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<LocalDate>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 16; i++) {
				results.add(pool.submit(() -> {
					start.await();
					calendar.isWorkingDay(LocalDate.of(2028, 6, 1));
					return calendar.plusWorkingDays(LocalDate.of(2027, 12, 30), 2);
				}));
			}
			start.countDown();
			for (Future<LocalDate> result : results) {
				assertThat(result.get()).isEqualTo("2028-01-03"); // Fri 2027-12-31, then Mon 2028-01-03
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(warnings()).extracting(ILoggingEvent::getFormattedMessage)
			.hasSize(2)
			.anySatisfy(message -> assertThat(message).contains("2027"))
			.anySatisfy(message -> assertThat(message).contains("2028"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, Integer.MIN_VALUE })
	void plusWorkingDaysNeedsAtLeastOneDay(int days) {
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 3, 2), days))
			.withMessageContaining("days");
	}

	@Test
	void workingDaysBetweenRefusesAnEndBeforeTheStart() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
			.withMessageContaining("2026-03-01")
			.withMessageContaining("2026-03-02");
	}

	@Test
	void missingDatesAreRefused() {
		assertThatNullPointerException().isThrownBy(() -> calendar.isWorkingDay(null));
		assertThatNullPointerException().isThrownBy(() -> calendar.plusWorkingDays(null, 1));
		assertThatNullPointerException().isThrownBy(() -> calendar.workingDaysBetween(null, LocalDate.of(2026, 1, 1)));
		assertThatNullPointerException().isThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2026, 1, 1), null));
	}

	@Test
	void aYearGivenTwiceIsRefused() {
		HolidayYear year = HolidayYear.parse("2026", new CalendarProperties.Year("notice", List.of(), List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkingDayCalendar(List.of(year, year)))
			.withMessageContaining("2026");
	}

	@Test
	void aCalendarWithoutAnyDataIsMondayToFriday() {
		WorkingDayCalendar empty = new WorkingDayCalendar(new CalendarProperties(null));
		assertThat(empty.isWorkingDay(LocalDate.of(2026, 2, 16))).isTrue(); // a Spring Festival Monday
		assertThat(empty.isWorkingDay(LocalDate.of(2026, 2, 14))).isFalse(); // an adjusted Saturday
	}

	// Bad data stops start-up, naming the entry.

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', textBlock = """
			holidays           | 2026-02-15...2026-02-23  | holidays[0] | expected a date yyyy-MM-dd or an inclusive range
			holidays           | 2026-2-15                | holidays[0] | expected a date yyyy-MM-dd or an inclusive range
			holidays           | 2026-02-15..             | holidays[0] | expected a date yyyy-MM-dd or an inclusive range
			holidays           | Spring Festival          | holidays[0] | expected a date yyyy-MM-dd or an inclusive range
			holidays           | 2026-02-30               | holidays[0] | '2026-02-30' is not a calendar date
			holidays           | 2026-02-23..2026-02-15   | holidays[0] | the range ends before it starts
			holidays           | 2025-12-31..2026-01-03   | holidays[0] | 2025-12-31 lies outside the year 2026
			holidays           | 2026-12-31..2027-01-01   | holidays[0] | 2027-01-01 lies outside the year 2026
			adjusted-working-days | 2027-01-04            | adjusted-working-days[0] | 2027-01-04 lies outside the year 2026
			adjusted-working-days | 2026-01-04..2026-01-05 | adjusted-working-days[0] | expected a single date
			adjusted-working-days | 2026-01-05            | adjusted-working-days[0] | must be a Saturday or Sunday
			adjusted-working-days | 2026-01-03            | adjusted-working-days[0] | also listed as a holiday
			""")
	void malformedEntryIsRefusedWithItsName(String list, String value, String entry, String rule) {
		String holidays = list.equals("holidays") ? "" : "holidays: [ \"2026-01-01..2026-01-03\" ]";
		String source = """
				outlet:
				  calendar:
				    years:
				      "2026":
				        source: "test"
				        %s
				        %s: [ "%s" ]
				""".formatted(holidays, list, value);
		assertThatThrownBy(() -> bind(new ByteArrayResource(source.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(BindException.class)
			.rootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("outlet.calendar.years.2026." + entry)
			.hasMessageContaining("'" + value + "'")
			.hasMessageContaining(rule);
	}

	@Test
	void theSecondBadEntryIsNamedByItsIndex() {
		CalendarProperties.Year year = new CalendarProperties.Year("notice",
				List.of("2026-01-01..2026-01-03", "2026-02-15..2026-02-32"), List.of());
		assertThatIllegalArgumentException().isThrownBy(() -> new CalendarProperties(Map.of("2026", year)))
			.withMessageContaining("outlet.calendar.years.2026.holidays[1] = '2026-02-15..2026-02-32'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "26", "year2026", "20260" })
	void aYearKeyMustBeAFourDigitYear(String key) {
		CalendarProperties.Year year = new CalendarProperties.Year("notice", List.of(), List.of());
		assertThatIllegalArgumentException().isThrownBy(() -> new CalendarProperties(Map.of(key, year)))
			.withMessageContaining("outlet.calendar.years." + key)
			.withMessageContaining("four-digit year");
	}

	private List<ILoggingEvent> warnings() {
		return logged.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
	}

	private static CalendarProperties bind(Resource yaml) {
		try {
			Binder binder = new Binder(
					ConfigurationPropertySources.from(new YamlPropertySourceLoader().load("cn-holidays", yaml)));
			return binder.bind(CalendarProperties.PREFIX, CalendarProperties.class).get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
