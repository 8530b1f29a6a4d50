package org.ipoutlet.register.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.institution.Labels;
import org.ipoutlet.register.OutletStatus;
import org.ipoutlet.register.RegisterQuery;
import org.ipoutlet.register.RegisterQuery.Criteria;
import org.ipoutlet.register.RegisterQuery.Sort;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.InvalidRequestException;

/**
 * The register's search parameters, shared by the API and the page, checked one by one: each
 * refused parameter becomes a {@link FieldError} naming it and the rule it broke.
 */
record OutletSearch(Criteria criteria, int page, int size, Sort sort, boolean descending) {

	static final int DEFAULT_SIZE = 20;
	static final int MAX_SIZE = 100;
	static final int MAX_TEXT = 100;
	static final String ALL_STATUSES = "ALL";

	static OutletSearch parse(String province, String category, String status, String q, Integer page, Integer size,
			String sort, String dir, Recommenders recommenders) {
		List<FieldError> errors = new ArrayList<>();
		if (blank(province) == null) {
			province = null;
		}
		else if (!recommenders.isProvince(province.strip())) {
			errors.add(new FieldError("province", "oneOf", "province must be a GB/T 2260 provincial code, e.g. 310000",
					"省份代码无效"));
		}
		if (blank(category) == null) {
			category = null;
		}
		else if (!Labels.ORG_CATEGORIES.containsKey(category.strip())) {
			errors.add(new FieldError("category", "oneOf",
					"category must be one of " + String.join(", ", Labels.ORG_CATEGORIES.keySet()), "机构类别无效"));
		}
		Set<OutletStatus> statuses = statuses(status, errors);
		if (q != null && q.strip().length() > MAX_TEXT) {
			errors.add(new FieldError("q", "maxLength", "q must have at most " + MAX_TEXT + " characters",
					"搜索内容不能超过 " + MAX_TEXT + " 个字"));
		}
		int pageNo = page == null ? 0 : page;
		if (pageNo < 0) {
			errors.add(new FieldError("page", "min", "page must be 0 or more", "页码不能小于 0"));
		}
		int pageSize = size == null ? DEFAULT_SIZE : size;
		if (pageSize < 1 || pageSize > MAX_SIZE) {
			errors.add(new FieldError("size", "range", "size must be between 1 and " + MAX_SIZE,
					"每页条数须在 1 至 " + MAX_SIZE + " 之间"));
		}
		Optional<Sort> order = blank(sort) == null ? Optional.of(Sort.FILING_NO) : Sort.fromParameter(sort.strip());
		if (order.isEmpty()) {
			errors.add(new FieldError("sort", "oneOf", "sort must be one of filingNo, orgName, validUntil, province",
					"排序字段无效"));
		}
		String direction = blank(dir) == null ? "asc" : dir.strip().toLowerCase();
		if (!direction.equals("asc") && !direction.equals("desc")) {
			errors.add(new FieldError("dir", "oneOf", "dir must be asc or desc", "排序方向须为 asc 或 desc"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new OutletSearch(new Criteria(province, category, statuses, q), pageNo, pageSize, order.get(),
				direction.equals("desc"));
	}

	/** Default: the active statuses; {@code ALL}: every status; else a comma-separated list. */
	private static Set<OutletStatus> statuses(String status, List<FieldError> errors) {
		if (blank(status) == null) {
			return RegisterQuery.ACTIVE;
		}
		if (status.strip().equalsIgnoreCase(ALL_STATUSES)) {
			return Set.of();
		}
		Set<OutletStatus> statuses = EnumSet.noneOf(OutletStatus.class);
		for (String code : status.split(",")) {
			try {
				statuses.add(OutletStatus.valueOf(code.strip()));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("status", "oneOf",
						"status must be ALL or one or more of FILED, RECTIFYING, EXPIRED, REVOKED, CANCELLED",
						"状态无效"));
				return Set.of();
			}
		}
		return statuses;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
