package org.ipoutlet.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipoutlet.OutletProperties;
import org.springframework.stereotype.Component;

/**
 * The time as the process engine sees it, in the regulation's time zone (Asia/Shanghai).
 * Reading the engine's clock keeps our dates and the engine's timers on the same clock, also in
 * tests that move it.
 */
@Component
public class BusinessClock {

	private final ZoneId zone;

	public BusinessClock(OutletProperties properties) {
		this.zone = properties.timeZone();
	}

	public ZoneId zone() {
		return zone;
	}

	public Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

	public LocalDate today() {
		return LocalDate.ofInstant(now(), zone);
	}

	/** The first instant of a calendar day in the business time zone. */
	public ZonedDateTime startOf(LocalDate day) {
		return day.atStartOfDay(zone);
	}

	/** The first instant of a calendar day, as the {@link Date} a timer expression wants. */
	public Date startOfDay(LocalDate day) {
		return Date.from(startOf(day).toInstant());
	}

}
