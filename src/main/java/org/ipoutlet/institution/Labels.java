package org.ipoutlet.institution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.ipoutlet.institution.IpCategory;
import org.ipoutlet.institution.OrgCategory;
import org.ipoutlet.institution.ServiceItem;

/**
 * The Chinese labels of the codes (organisation categories, service items, IP
 * categories), in the order of the 备案表, as code → label maps of the filing's enums. One place for the public page, the API and anyone else
 * who shows a code to a person. Province names are configuration ({@code Recommenders.provinces()}).
 */
public final class Labels {

	/** 机构类别 (备案表 一). */
	public static final Map<String, String> ORG_CATEGORIES = labels(OrgCategory.values(), OrgCategory::label);

	/** 服务事项: the Art. 12 basic services, then the Art. 13 special services. */
	public static final Map<String, String> SERVICE_ITEMS = labels(ServiceItem.values(), ServiceItem::label);

	/** 服务的知识产权类别. */
	public static final Map<String, String> IP_CATEGORIES = labels(IpCategory.values(), IpCategory::label);

	private Labels() {
	}

	public static String orgCategory(String code) {
		return label(ORG_CATEGORIES, code);
	}

	public static String serviceItem(String code) {
		return label(SERVICE_ITEMS, code);
	}

	public static String ipCategory(String code) {
		return label(IP_CATEGORIES, code);
	}

	/** The label of a known code; an unknown code is shown as itself rather than hidden. */
	private static String label(Map<String, String> labels, String code) {
		return code == null ? null : labels.getOrDefault(code, code);
	}

	private static <E extends Enum<E>> Map<String, String> labels(E[] codes, Function<E, String> label) {
		Map<String, String> map = new LinkedHashMap<>();
		for (E code : codes) {
			map.put(code.name(), label.apply(code));
		}
		return Collections.unmodifiableMap(map);
	}

}
