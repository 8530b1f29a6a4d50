package org.ipoutlet.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.ipoutlet.institution.OutletVariables.*;

import org.ipoutlet.institution.BasicInformation;
import org.ipoutlet.institution.ServiceItem;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.InvalidInputException;

/**
 * Art. 10: a change of the outlet's important information (名称; 场所: address and province; 主要负责人
 * and 职务; 联系方式; 主要服务事项). Only these fields may be reported; every value is checked before
 * anything is correlated, so a bad report leaves no trace in the process.
 */
public record ReportedChange(Map<String, Object> fields) {

	/** The fields a change report may carry, in display order. */
	public static final List<String> FIELDS = BasicInformation.FIELDS;

	/** The 备案表's labels (its one definition, README "One definition of the 备案表"). */
	private static final Map<String, String> LABELS = FIELDS.stream()
		.collect(Collectors.toUnmodifiableMap(f -> f, BasicInformation::label));

	private static final List<String> LABELS_IN_ORDER = FIELDS.stream().map(LABELS::get).toList();

	/** Art. 12 basic services, which a change may not drop. */
	private static final Set<String> BASIC_SERVICES = ServiceItem.basicServices()
		.stream()
		.map(Enum::name)
		.collect(Collectors.toUnmodifiableSet());

	/** Art. 12 basic and Art. 13 special services. */
	private static final List<String> SERVICE_CODES = ServiceItem.codes();

	public ReportedChange {
		fields = Map.copyOf(fields);
	}

	/**
	 * Validates a reported change; refuses unknown fields and bad values with one {@link FieldError}
	 * per field (an {@link InvalidInputException}), checked with the 备案表's rules.
	 */
	public static ReportedChange of(Map<String, ?> changes) {
		return of(changes, null);
	}

	/**
	 * As {@link #of(Map)}; a reported {@code province} must also be one of {@code provinces} (the
	 * provincial offices' codes) when given.
	 */
	public static ReportedChange of(Map<String, ?> changes, Collection<String> provinces) {
		if (changes == null || changes.isEmpty()) {
			throw new InvalidInputException("changes", "required", "changes must name at least one of " + FIELDS,
					"请至少填写一项变更内容：" + String.join("、", LABELS_IN_ORDER));
		}
		List<FieldError> errors = new ArrayList<>();
		Map<String, Object> checked = new LinkedHashMap<>();
		for (Map.Entry<String, ?> e : changes.entrySet()) {
			String field = e.getKey();
			if (!FIELDS.contains(field)) {
				errors.add(new FieldError(field, "unknown",
						"field '" + field + "' cannot be reported as a change (Art. 10 allows " + FIELDS + ")",
						"该项不属于可报告变更的重要信息（第十条：" + String.join("、", LABELS_IN_ORDER) + "）"));
			}
			else if (SERVICE_ITEMS.equals(field)) {
				serviceItems(e.getValue(), errors).ifPresent(items -> checked.put(field, items));
			}
			else {
				text(field, e.getValue(), errors).ifPresent(text -> checked.put(field, text));
				if (PROVINCE.equals(field) && checked.containsKey(PROVINCE) && provinces != null
						&& !provinces.contains(checked.get(PROVINCE))) {
					checked.remove(PROVINCE);
					errors.add(new FieldError(PROVINCE, "enum", "province '" + e.getValue() + "' is not a province code",
							"所在省份：不是有效的省级行政区划代码"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new ReportedChange(checked);
	}

	/** A changed text field, checked with the 备案表's rule for it. */
	private static Optional<String> text(String field, Object value, List<FieldError> errors) {
		Map<String, Object> values = new HashMap<>();
		values.put(field, value);
		Checks checks = new Checks(values);
		BasicInformation.check(checks, field);
		errors.addAll(checks.errors());
		return checks.errors().isEmpty() ? Optional.of(((String) value).strip()) : Optional.empty();
	}

	private static Optional<List<String>> serviceItems(Object value, List<FieldError> errors) {
		String label = LABELS.get(SERVICE_ITEMS);
		if (!(value instanceof Collection<?> items) || items.isEmpty()) {
			errors.add(new FieldError(SERVICE_ITEMS, "required",
					"serviceItems must be a non-empty list of " + SERVICE_CODES, label + "：至少选择一项服务事项"));
			return Optional.empty();
		}
		List<String> codes = new ArrayList<>();
		for (Object item : items) {
			if (!(item instanceof String code) || !SERVICE_CODES.contains(code)) {
				errors.add(new FieldError(SERVICE_ITEMS, "enum",
						"serviceItems value '" + item + "' is not one of " + SERVICE_CODES, label + "：含有无效选项"));
				return Optional.empty();
			}
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		if (!codes.containsAll(BASIC_SERVICES)) {
			errors.add(new FieldError(SERVICE_ITEMS, "basicServices",
					"serviceItems must keep the Art. 12 basic services " + BASIC_SERVICES.stream().sorted().toList(),
					label + "：须保留第十二条规定的基本服务（"
							+ ServiceItem.basicServices().stream().map(ServiceItem::label).collect(Collectors.joining("、"))
							+ "）"));
			return Optional.empty();
		}
		return Optional.of(List.copyOf(codes));
	}

	/** The outlet's details with this change applied. */
	@SuppressWarnings("unchecked")
	public OutletDetails applyTo(OutletDetails d) {
		return new OutletDetails(str(ORG_NAME, d.orgName()), d.orgCategory(), d.orgNature(), str(PROVINCE, d.province()),
				str(ADDRESS, d.address()), d.platformName(), d.platformUrl(), str(HEAD_NAME, d.headName()),
				str(CONTACT_NAME, d.contactName()), str(PHONE, d.phone()), str(EMAIL, d.email()), d.serviceTargets(),
				(List<String>) fields.getOrDefault(SERVICE_ITEMS, d.serviceItems()), d.ipCategories());
	}

	/** The head's title after this change. */
	public String headTitle(String current) {
		return str(HEAD_TITLE, current);
	}

	/**
	 * Each reported item whose value differs from the current one: field, the earlier value and the
	 * new one (service items as comma-separated codes), in display order.
	 */
	public List<List<String>> differences(OutletDetails current, String currentHeadTitle) {
		List<List<String>> out = new ArrayList<>();
		for (String field : FIELDS) {
			if (fields.containsKey(field)) {
				String before = value(current, currentHeadTitle, field);
				Object after = fields.get(field);
				String now = after instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
						: (String) after;
				if (!java.util.Objects.equals(before, now)) {
					out.add(java.util.Arrays.asList(field, before, now));
				}
			}
		}
		return out;
	}

	private static String value(OutletDetails d, String headTitle, String field) {
		return switch (field) {
			case SERVICE_ITEMS -> String.join(",", d.serviceItems());
			case HEAD_TITLE -> headTitle;
			default -> currentValue(d, field);
		};
	}

	private String str(String field, String current) {
		return (String) fields.getOrDefault(field, current);
	}

	/** One line per changed field, in Chinese, for the reviewer. */
	public String describe(OutletDetails current) {
		return describe(current, null);
	}

	/** One line per changed field, in Chinese, for the reviewers. */
	public String describe(OutletDetails current, String currentHeadTitle) {
		StringBuilder sb = new StringBuilder();
		for (String field : FIELDS) {
			if (fields.containsKey(field)) {
				Object before = SERVICE_ITEMS.equals(field) ? current.serviceItems()
						: HEAD_TITLE.equals(field) ? currentHeadTitle : currentValue(current, field);
				sb.append("- ").append(LABELS.get(field)).append("：").append(before).append(" → ")
					.append(fields.get(field)).append('\n');
			}
		}
		return sb.toString();
	}

	private static String currentValue(OutletDetails d, String field) {
		return switch (field) {
			case ORG_NAME -> d.orgName();
			case ADDRESS -> d.address();
			case PROVINCE -> d.province();
			case HEAD_NAME -> d.headName();
			case CONTACT_NAME -> d.contactName();
			case PHONE -> d.phone();
			default -> d.email();
		};
	}

}
