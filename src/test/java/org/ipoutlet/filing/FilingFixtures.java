package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.ipoutlet.document.TestDocuments;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.institution.Uscc;

/** Test data: a complete, eligible 备案表 as Tasklist submits it (lists as Json variables). */
public final class FilingFixtures {

	private FilingFixtures() {
	}

	/** The 服务事项清单 itemised for {@code codes}: one item each, patents, free but for the last (low cost). */
	public static List<Map<String, Object>> serviceItemList(String... codes) {
		List<Map<String, Object>> items = new java.util.ArrayList<>();
		for (int i = 0; i < codes.length; i++) {
			items.add(Map.of("name", "服务事项" + (i + 1) + "（" + codes[i] + "）", "description", "面向高校师生和中小微企业提供的"
					+ codes[i] + "类服务。", "ipCategory", "PATENT", "serviceCode", codes[i], "cost",
					i == codes.length - 1 ? "LOW_COST" : "FREE"));
		}
		return items;
	}

	/** A valid USCC no other test uses: a legal-person code of Shanghai with a random organisation code. */
	public static String newUscc() {
		StringBuilder first17 = new StringBuilder("91310000");
		for (int i = 0; i < 9; i++) {
			first17.append(ThreadLocalRandom.current().nextInt(10));
		}
		return Uscc.complete(first17.toString());
	}

	/**
	 * An eligible application of a provincial outlet recommended by Shanghai (recommender 310000): the
	 * USCC is entered in Shanghai's register of provincial outlets (Art. 7(一)) of every running test
	 * context ({@link TestProvincialRegister}).
	 */
	public static Map<String, Object> application(String uscc) {
		TestProvincialRegister.register(uscc, "310000");
		return applicationOutsideRegister(uscc);
	}

	/** The same application, its USCC in no register of provincial outlets (Art. 7(一): ineligible on the provincial route). */
	public static Map<String, Object> applicationOutsideRegister(String uscc) {
		Map<String, Object> v = new HashMap<>();
		v.put(ORG_NAME, "上海市某高校图书馆");
		v.put(USCC, uscc);
		v.put(ORG_CATEGORY, "UNIVERSITY");
		v.put(ORG_NATURE, "事业单位");
		v.put(INDEPENDENT_LEGAL_ENTITY, true);
		v.put(ADDRESS, "上海市徐汇区某路100号");
		v.put(PLATFORM_NAME, "知识产权信息服务平台");
		v.put(PLATFORM_URL, "https://ip.example.edu.cn");
		v.put(HEAD_NAME, "张三");
		v.put(HEAD_TITLE, "馆长");
		v.put(CONTACT_NAME, "李四");
		v.put(CONTACT_TITLE, "主任");
		v.put(PHONE, "021-64000000");
		v.put(EMAIL, "ip@example.edu.cn");
		v.put(STAFF_TOTAL, 12);
		v.put(STAFF_FULL_TIME, 6);
		v.put(STAFF_PART_TIME, 6);
		v.put(SERVICE_TARGETS, "高校师生、科研人员和区域内中小微企业");
		v.put(SERVICE_ITEMS, JsonValues.json(List.of("CONSULTATION", "SEARCH", "TRAINING", "SME_SERVICES")));
		v.put(IP_CATEGORIES, JsonValues.json(List.of("PATENT", "TRADEMARK")));
		v.put(SERVICE_ITEM_LIST, JsonValues.json(serviceItemList("CONSULTATION", "SEARCH", "TRAINING", "SME_SERVICES")));
		v.put(PROVINCE, "310000");
		v.put(RECOMMENDER_ID, "310000");
		v.put(WORK_FOUNDATION, "具备专利检索分析数据库和专职服务团队，已开展多年知识产权信息服务。");
		// Section 三: the head (张三, as headName) and every full-time member (staffFullTime = 6), one part-timer.
		v.put(TEAM_MEMBERS, JsonValues.json(List.of(
				Map.of("name", "张三", "role", "馆长", "fullTime", true, "resume", "主持图书馆知识产权信息服务工作十五年。"),
				Map.of("name", "王五", "role", "部门主任", "fullTime", true, "resume", "从事专利信息检索分析十年。"),
				Map.of("name", "赵六", "role", "专利分析师", "fullTime", true, "resume", "具有专利代理师资格。"),
				Map.of("name", "孙七", "role", "检索员", "fullTime", true, "resume", "负责专利和商标信息检索。"),
				Map.of("name", "周八", "role", "培训专员", "fullTime", true, "resume", "负责知识产权宣传培训。"),
				Map.of("name", "吴九", "role", "咨询专员", "fullTime", true, "resume", "负责知识产权咨询服务。"),
				Map.of("name", "郑十", "role", "兼职顾问", "fullTime", false, "resume", "高校知识产权学院教师。"))));
		v.put(DEVELOPMENT_PLAN, "完善服务体系，建设专题数据库，培养专业人才。");
		v.put(TYPICAL_CASES, JsonValues.json(List.of(Map.of("name", "新能源汽车产业专利导航", "period", "2024年3月至12月",
				"content", "为区域产业提供专利导航分析报告，支撑企业研发决策。"))));
		v.put(DECLARATION_TRUTHFUL, true);
		v.put(APPLICANT_OPINION, "本机构自愿申请备案，所填材料真实、合法。");
		v.put(APPLICANT_HEAD, "张三");
		v.put(APPLICANT, "applicant");
		// Art. 6: the materials, as File variables (README, "The 备案表 document").
		v.put(WORK_RULES, TestDocuments.file("工作制度.pdf", TestDocuments.PDF));
		v.put(SEALED_FORM, TestDocuments.file("备案表-盖章.pdf", TestDocuments.PDF));
		return v;
	}

}
