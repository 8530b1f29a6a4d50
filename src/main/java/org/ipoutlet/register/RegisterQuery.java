package org.ipoutlet.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side of the public register (Art. 8): searching, paging and counting outlets. Every
 * value from a request is a bound parameter; only whitelisted column names ({@link Sort}) are
 * written into the SQL.
 */
@Component
public class RegisterQuery {

	/** The statuses the public sees by default: outlets that hold a valid filing. */
	public static final Set<OutletStatus> ACTIVE = EnumSet.of(OutletStatus.FILED, OutletStatus.RECTIFYING);

	private static final char LIKE_ESCAPE = '!';

	private final JdbcTemplate jdbc;

	public RegisterQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of the outlets matching the criteria, in the requested order. */
	public Result search(Criteria criteria, int page, int size, Sort sort, boolean descending) {
		Where where = where(criteria, true);
		long total = jdbc.queryForObject("select count(*) from outlet" + where.sql(), Long.class,
				where.args().toArray());
		List<Object> args = new ArrayList<>(where.args());
		args.add(size);
		args.add((long) page * size);
		String direction = descending ? " desc" : " asc";
		List<Outlet> items = jdbc.query("select * from outlet" + where.sql() + " order by " + sort.column()
				+ direction + ", filing_no" + direction + " limit ? offset ?", OutletRepository::map,
				args.toArray());
		return new Result(items, page, size, total);
	}

	/**
	 * The number of matching outlets per province code, ignoring the criteria's own province so
	 * that the counts show where else the same search finds outlets.
	 */
	public Map<String, Long> countByProvince(Criteria criteria) {
		Where where = where(criteria, false);
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.query("select province, count(*) as n from outlet" + where.sql() + " group by province order by province",
				rs -> {
					counts.put(rs.getString("province"), rs.getLong("n"));
				}, where.args().toArray());
		return counts;
	}

	private static Where where(Criteria criteria, boolean withProvince) {
		List<String> conditions = new ArrayList<>();
		List<Object> args = new ArrayList<>();
		if (withProvince && criteria.province() != null) {
			conditions.add("province = ?");
			args.add(criteria.province());
		}
		if (criteria.category() != null) {
			conditions.add("org_category = ?");
			args.add(criteria.category());
		}
		if (!criteria.statuses().isEmpty()) {
			conditions.add("status in (" + placeholders(criteria.statuses()) + ")");
			criteria.statuses().forEach(s -> args.add(s.name()));
		}
		if (criteria.text() != null) {
			String pattern = "%" + escapeLike(criteria.text().toLowerCase()) + "%";
			conditions.add("(lower(org_name) like ? escape '" + LIKE_ESCAPE + "' or lower(address) like ? escape '"
					+ LIKE_ESCAPE + "' or lower(coalesce(service_targets, '')) like ? escape '" + LIKE_ESCAPE + "')");
			args.add(pattern);
			args.add(pattern);
			args.add(pattern);
		}
		String sql = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		return new Where(sql, args);
	}

	/** Makes {@code %}, {@code _} and the escape character itself match literally. */
	static String escapeLike(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
				escaped.append(LIKE_ESCAPE);
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	private static String placeholders(Collection<?> values) {
		return String.join(",", Collections.nCopies(values.size(), "?"));
	}

	private record Where(String sql, List<Object> args) {
	}

	/**
	 * What to look for. Null or blank means "any"; an empty status set means every status.
	 *
	 * @param text matched, case-insensitively, against name, address and service targets
	 */
	public record Criteria(String province, String category, Set<OutletStatus> statuses, String text) {

		public Criteria {
			province = blankToNull(province);
			category = blankToNull(category);
			statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
			text = blankToNull(text);
		}

		/** Every active outlet (FILED or RECTIFYING), the public default. */
		public static Criteria active() {
			return new Criteria(null, null, ACTIVE, null);
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}
	}

	/** The orders a client may ask for, by request parameter value. */
	public enum Sort {

		FILING_NO("filingNo", "filing_no"),
		ORG_NAME("orgName", "org_name"),
		VALID_UNTIL("validUntil", "valid_until"),
		PROVINCE("province", "province");

		private final String parameter;
		private final String column;

		Sort(String parameter, String column) {
			this.parameter = parameter;
			this.column = column;
		}

		public String parameter() {
			return parameter;
		}

		String column() {
			return column;
		}

		public static Optional<Sort> fromParameter(String value) {
			for (Sort sort : values()) {
				if (sort.parameter.equals(value)) {
					return Optional.of(sort);
				}
			}
			return Optional.empty();
		}
	}

	/** One page of outlets and the size of the whole result. */
	public record Result(List<Outlet> items, int page, int size, long totalItems) {

		public Result {
			items = List.copyOf(items);
		}

		public int totalPages() {
			return (int) ((totalItems + size - 1) / size);
		}

		public boolean hasPrevious() {
			return page > 0;
		}

		public boolean hasNext() {
			return page + 1 < totalPages();
		}
	}

}
