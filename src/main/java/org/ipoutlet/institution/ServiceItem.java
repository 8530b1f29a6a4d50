package org.ipoutlet.institution;

import java.util.Arrays;
import java.util.List;

/** 服务事项: the basic services of Art. 12 and the special services of Art. 13. */
public enum ServiceItem {

	CONSULTATION("知识产权咨询服务", true),
	SEARCH("知识产权信息查询检索服务", true),
	TRAINING("知识产权宣传培训服务", true),
	INDUSTRY_ANALYSIS("重点产业知识产权信息分析服务", false),
	SME_SERVICES("中小微企业知识产权服务", false),
	DATABASE_TOOLS("知识产权数据库及工具平台开发", false);

	private final String label;
	private final boolean basic;

	ServiceItem(String label, boolean basic) {
		this.label = label;
		this.basic = basic;
	}

	public String label() {
		return label;
	}

	/** Whether every outlet must offer it (Art. 12). */
	public boolean basic() {
		return basic;
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}

	public static List<ServiceItem> basicServices() {
		return Arrays.stream(values()).filter(ServiceItem::basic).toList();
	}

}
