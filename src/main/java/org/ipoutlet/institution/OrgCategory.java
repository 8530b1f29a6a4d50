package org.ipoutlet.institution;

import java.util.Arrays;
import java.util.List;

/** 机构类别 of the 备案表: the kinds of institution Art. 2 names. */
public enum OrgCategory {

	UNIVERSITY("高校"),
	RESEARCH_INSTITUTE("科研机构"),
	STI_INSTITUTION("科技情报机构"),
	INDUSTRY_ORGANIZATION("行业组织"),
	PRODUCTIVITY_CENTER("生产力促进机构"),
	PUBLIC_LIBRARY("公共图书馆"),
	MUSEUM("博物馆"),
	SERVICE_INSTITUTION("相关服务机构");

	private final String label;

	OrgCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}

}
