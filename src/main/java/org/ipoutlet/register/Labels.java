package org.ipoutlet.register;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese labels of the contract's codes (organisation categories, service items, IP
 * categories), in the order of the 备案表. One place for the public page, the API and anyone else
 * who shows a code to a person. Province names are configuration ({@code Recommenders.provinces()}).
 */
public final class Labels {

	/** 机构类别 (备案表 一). */
	public static final Map<String, String> ORG_CATEGORIES = ordered(
			"UNIVERSITY", "高校",
			"RESEARCH_INSTITUTE", "科研机构",
			"STI_INSTITUTION", "科技情报机构",
			"INDUSTRY_ORGANIZATION", "行业组织",
			"PRODUCTIVITY_CENTER", "生产力促进机构",
			"PUBLIC_LIBRARY", "公共图书馆",
			"MUSEUM", "博物馆",
			"SERVICE_INSTITUTION", "相关服务机构");

	/** 服务事项: the Art. 12 basic services, then the Art. 13 special services. */
	public static final Map<String, String> SERVICE_ITEMS = ordered(
			"CONSULTATION", "知识产权咨询服务",
			"SEARCH", "知识产权信息查询检索服务",
			"TRAINING", "知识产权宣传培训服务",
			"INDUSTRY_ANALYSIS", "重点产业知识产权信息分析服务",
			"SME_SERVICES", "中小微企业知识产权服务",
			"DATABASE_TOOLS", "知识产权数据库及工具平台开发");

	/** 服务的知识产权类别. */
	public static final Map<String, String> IP_CATEGORIES = ordered(
			"PATENT", "专利",
			"TRADEMARK", "商标",
			"GEOGRAPHICAL_INDICATION", "地理标志");

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

	private static Map<String, String> ordered(String... codesAndLabels) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < codesAndLabels.length; i += 2) {
			map.put(codesAndLabels[i], codesAndLabels[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

}
