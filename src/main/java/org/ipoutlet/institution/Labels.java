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

	/** The signed sections of the 备案表 (README, "Sections 六–八: signed and dated opinions"). */
	public static final Map<String, String> SECTIONS = Map.of("SIX", "六、申请备案机构意见", "SEVEN", "七、推荐部门意见",
			"EIGHT", "八、备案部门意见");

	/** The decisions a signed section records, as the 备案表 prints them. */
	public static final Map<String, String> DECISIONS = Map.ofEntries(Map.entry("DECLARED", "承诺所填材料真实、合法"),
			Map.entry("RECOMMEND", "同意推荐"), Map.entry("RETURN", "退回补正"), Map.entry("NOT_RECOMMEND", "不予推荐"),
			Map.entry("APPROVE", "审核通过，予以公示"), Map.entry("REJECT", "审核不通过"), Map.entry("UPHELD", "异议成立"),
			Map.entry("DISMISSED", "异议不成立"), Map.entry("FILED", "准予备案"), Map.entry("NOT_FILED", "不予备案"),
			Map.entry("CONFIRMED", "确认提供虚假材料"), Map.entry("NOT_CONFIRMED", "不予确认"));

	private Labels() {
	}

	public static String section(String code) {
		return label(SECTIONS, code);
	}

	public static String decision(String code) {
		return label(DECISIONS, code);
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
