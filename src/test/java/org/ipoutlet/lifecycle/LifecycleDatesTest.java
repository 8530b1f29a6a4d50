package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.ipoutlet.OutletProperties;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.calendar.CalendarProperties;
import org.ipoutlet.calendar.RegulationDates;
import org.ipoutlet.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

/** The timer expressions of earlier diagram versions answer in Asia/Shanghai, as before. */
class LifecycleDatesTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static LifecycleDates dates() {
		OutletProperties props = new OutletProperties(SHANGHAI, new OutletProperties.Filing(5, 30, 3, 3),
				new OutletProperties.Lifecycle(90, 6));
		BusinessClock clock = new BusinessClock(props);
		return new LifecycleDates(new RegulationDates(clock, new WorkingDayCalendar(new CalendarProperties(null)), props),
				clock);
	}

	@Test
	void Art9_expiryFiresAtTheStartOfTheDayAfterValidUntilInShanghai() {
		VariableScope scope = scope(Map.of("validUntil", "2030-03-09"));
		assertThat(dates().expiry(scope).toInstant())
			.isEqualTo(ZonedDateTime.of(2030, 3, 10, 0, 0, 0, 0, SHANGHAI).toInstant());
		assertThat(dates().renewalWindow(scope).toInstant())
			.isEqualTo(ZonedDateTime.of(2029, 12, 10, 0, 0, 0, 0, SHANGHAI).toInstant());
	}

	@Test
	void Art17_summaryOpensOn1JanuaryAndClosesAtTheEndOf31January() {
		VariableScope scope = scope(Map.of("summaryYear", 2026));
		assertThat(dates().summaryOpens(scope).toInstant())
			.isEqualTo(ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, SHANGHAI).toInstant());
		assertThat(dates().summaryDeadline(scope).toInstant())
			.isEqualTo(ZonedDateTime.of(2027, 2, 1, 0, 0, 0, 0, SHANGHAI).toInstant());
	}

	private static VariableScope scope(Map<String, Object> vars) {
		VariableScope scope = mock(VariableScope.class);
		vars.forEach((name, value) -> when(scope.getVariable(name)).thenReturn(value));
		return scope;
	}

}
