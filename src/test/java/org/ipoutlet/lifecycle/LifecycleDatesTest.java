package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.ipoutlet.OutletProperties;
import org.ipoutlet.calendar.BusinessClock;
import org.junit.jupiter.api.Test;

/** The lifecycle's dates in Asia/Shanghai, whatever the JVM's time zone. */
class LifecycleDatesTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static LifecycleDates dates(int windowDays, int rectificationMonths, int validityYears, int banYears) {
		OutletProperties props = new OutletProperties(SHANGHAI, new OutletProperties.Filing(5, 30, validityYears, banYears),
				new OutletProperties.Lifecycle(windowDays, rectificationMonths));
		return new LifecycleDates(new BusinessClock(props), props);
	}

	@Test
	void Art9_renewalAddsThreeYearsToTheCurrentEnd() {
		LifecycleDates d = dates(90, 6, 3, 3);
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
		VariableScope scope = scope(Map.of("validUntil", "2030-03-09"));
		assertThat(dates(90, 6, 3, 3).expiry(scope).toInstant())
			.isEqualTo(ZonedDateTime.of(2030, 3, 10, 0, 0, 0, 0, SHANGHAI).toInstant());
	}

	@Test
	void Art17_summaryIsDueOn31JanuaryAndRectificationLastsSixMonths() {
		LifecycleDates d = dates(90, 6, 3, 3);
		assertThat(d.summaryDueOn(2026)).isEqualTo(LocalDate.of(2027, 1, 31));
		VariableScope scope = scope(Map.of("summaryYear", 2026));
		assertThat(d.summaryOpens(scope).toInstant())
			.isEqualTo(ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, SHANGHAI).toInstant());
		assertThat(d.summaryDeadline(scope).toInstant())
			.isEqualTo(ZonedDateTime.of(2027, 2, 1, 0, 0, 0, 0, SHANGHAI).toInstant());
		assertThat(d.rectificationDeadline(LocalDate.of(2027, 8, 31))).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(d.rectificationDeadline(LocalDate.of(2027, 6, 1))).isEqualTo(LocalDate.of(2027, 12, 1));
	}

	private static VariableScope scope(Map<String, Object> vars) {
		VariableScope scope = mock(VariableScope.class);
		vars.forEach((name, value) -> when(scope.getVariable(name)).thenReturn(value));
		return scope;
	}

}
