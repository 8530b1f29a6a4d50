package org.ipoutlet.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mainland holiday arrangements, one entry per year, from {@code config/cn-holidays.yaml}
 * ({@code outlet.calendar.years}). Each year copies the State Council's notice: statutory
 * holidays as dates or inclusive ranges ({@code 2026-02-15..2026-02-23}) and the adjusted
 * (调休) weekend working days. The entries are parsed and checked when bound, so a malformed
 * entry stops start-up with a message naming it; a misspelt key does too (unknown fields are
 * not ignored).
 */
@ConfigurationProperties(prefix = CalendarProperties.PREFIX, ignoreUnknownFields = false)
public record CalendarProperties(Map<String, Year> years) {

	public static final String PREFIX = "outlet.calendar";

	public CalendarProperties {
		years = years == null ? Map.of() : Map.copyOf(years);
		parse(years);
	}

	/** The years' data, parsed and checked, in calendar order. */
	public List<HolidayYear> holidayYears() {
		return parse(years);
	}

	private static List<HolidayYear> parse(Map<String, Year> years) {
		List<HolidayYear> parsed = new ArrayList<>();
		new TreeMap<>(years).forEach((key, year) -> parsed.add(HolidayYear.parse(key, year)));
		return List.copyOf(parsed);
	}

	/**
	 * One year's notice as written in the YAML.
	 * @param source the notice the data comes from (e.g. 国务院办公厅关于2026年部分节假日安排的通知)
	 * @param holidays dates ({@code yyyy-MM-dd}) or inclusive ranges ({@code yyyy-MM-dd..yyyy-MM-dd})
	 * @param adjustedWorkingDays weekend dates that are working days
	 */
	public record Year(String source, List<String> holidays, List<String> adjustedWorkingDays) {

		public Year {
			holidays = holidays == null ? List.of() : List.copyOf(holidays);
			adjustedWorkingDays = adjustedWorkingDays == null ? List.of() : List.copyOf(adjustedWorkingDays);
		}

	}

}
