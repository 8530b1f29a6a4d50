package org.ipoutlet;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Deadlines and periods of the regulation, from {@code application.yaml} ({@code outlet.*}). */
@ConfigurationProperties("outlet")
public record OutletProperties(@DefaultValue("Asia/Shanghai") ZoneId timeZone, @DefaultValue Filing filing,
		@DefaultValue Lifecycle lifecycle) {

	public record Filing(@DefaultValue("5") int publicityWorkingDays, @DefaultValue("30") int supplementDeadlineDays,
			@DefaultValue("3") int validityYears, @DefaultValue("3") int banYears) {
	}

	public record Lifecycle(@DefaultValue("90") int renewalWindowDays, @DefaultValue("6") int rectificationMonths) {
	}

}
