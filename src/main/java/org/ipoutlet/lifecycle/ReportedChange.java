package org.ipoutlet.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.ipoutlet.institution.BasicInformation.*;

import org.ipoutlet.institution.BasicInformation;
import org.ipoutlet.institution.ServiceItem;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.validation.Checks;

/**
 * Art. 10: a change of the outlet's important information (name, address, head, contact, main
 * service items). Only these fields may be reported; every value is checked before anything is
 * correlated, so a bad report leaves no trace in the process.
 */
public record ReportedChange(Map<String, Object> fields) {

	/** The fields a change report may carry, in display order. */
	public static final List<String> FIELDS = BasicInformation.FIELDS;

	private static final Map<String, String> LABELS = Map.of(ORG_NAME, "机构名称", ADDRESS, "地址", HEAD_NAME, "主要负责人",
			CONTACT_NAME, "联系人", PHONE, "联系电话", EMAIL, "电子邮箱", SERVICE_ITEMS, "主要服务事项");

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

	/** Validates a reported change; refuses unknown fields and bad values naming the field. */
	public static ReportedChange of(Map<String, ?> changes) {
		if (changes == null || changes.isEmpty()) {
			throw new IllegalArgumentException("changes must name at least one of " + FIELDS);
		}
		Map<String, Object> checked = new LinkedHashMap<>();
		for (Map.Entry<String, ?> e : changes.entrySet()) {
			String field = e.getKey();
			if (!FIELDS.contains(field)) {
				throw new IllegalArgumentException(
						"field '" + field + "' cannot be reported as a change (Art. 10 allows " + FIELDS + ")");
			}
			checked.put(field, SERVICE_ITEMS.equals(field) ? serviceItems(e.getValue()) : text(field, e.getValue()));
		}
		return new ReportedChange(checked);
	}

	/** A changed text field, checked with the 备案表's rule for it. */
	private static String text(String field, Object value) {
		Map<String, Object> values = new HashMap<>();
		values.put(field, value);
		Checks checks = new Checks(values);
		BasicInformation.check(checks, field);
		if (!checks.errors().isEmpty()) {
			throw new IllegalArgumentException(checks.errors().get(0).toString().replaceFirst(": ", " "));
		}
		return ((String) value).strip();
	}

	private static List<String> serviceItems(Object value) {
		if (!(value instanceof Collection<?> items) || items.isEmpty()) {
			throw new IllegalArgumentException("serviceItems must be a non-empty list of " + SERVICE_CODES);
		}
		List<String> codes = new ArrayList<>();
		for (Object item : items) {
			if (!(item instanceof String code) || !SERVICE_CODES.contains(code)) {
				throw new IllegalArgumentException("serviceItems value '" + item + "' is not one of " + SERVICE_CODES);
			}
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		if (!codes.containsAll(BASIC_SERVICES)) {
			throw new IllegalArgumentException(
					"serviceItems must keep the Art. 12 basic services " + BASIC_SERVICES.stream().sorted().toList());
		}
		return List.copyOf(codes);
	}

	/** The outlet's details with this change applied. */
	@SuppressWarnings("unchecked")
	public OutletDetails applyTo(OutletDetails d) {
		return new OutletDetails(str(ORG_NAME, d.orgName()), d.orgCategory(), d.orgNature(), d.province(),
				str(ADDRESS, d.address()), d.platformName(), d.platformUrl(), str(HEAD_NAME, d.headName()),
				str(CONTACT_NAME, d.contactName()), str(PHONE, d.phone()), str(EMAIL, d.email()), d.serviceTargets(),
				(List<String>) fields.getOrDefault(SERVICE_ITEMS, d.serviceItems()), d.ipCategories());
	}

	private String str(String field, String current) {
		return (String) fields.getOrDefault(field, current);
	}

	/** One line per changed field, in Chinese, for the reviewer. */
	public String describe(OutletDetails current) {
		StringBuilder sb = new StringBuilder();
		for (String field : FIELDS) {
			if (fields.containsKey(field)) {
				Object before = SERVICE_ITEMS.equals(field) ? current.serviceItems() : currentValue(current, field);
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
			case HEAD_NAME -> d.headName();
			case CONTACT_NAME -> d.contactName();
			case PHONE -> d.phone();
			default -> d.email();
		};
	}

}
