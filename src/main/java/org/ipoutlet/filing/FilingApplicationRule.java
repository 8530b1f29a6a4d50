package org.ipoutlet.filing;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.ipoutlet.filing.FilingVariables.*;

import java.util.List;
import java.util.regex.Pattern;

import org.ipoutlet.institution.DocumentChecks;
import org.ipoutlet.institution.DocumentKind;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.institution.BasicInformation;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.SubmissionRule;
import org.ipoutlet.institution.Uscc;
import org.ipoutlet.institution.OrgCategory;
import org.ipoutlet.institution.IpCategory;
import org.ipoutlet.institution.ServiceItem;
import org.ipoutlet.institution.ServiceCost;

/**
 * The 备案表 (sections 一–六): what a complete, well-formed application looks like. Lengths follow the
 * form's guidance with slack (e.g. 工作基础 "1000字左右" allows 3000). Whether the institution is
 * eligible is a separate question (see the eligibility rules): an application may be well-formed and
 * still ineligible, and is then recorded with its reasons.
 */
public class FilingApplicationRule implements SubmissionRule {

	static final Pattern URL_PATTERN = Pattern.compile("^https?://[^\\s<>\"]+$");

	/** XPCC's office recommends institutions in Xinjiang. */
	static final String XINJIANG = "650000";

	/** The longest opinion of sections 六–八. */
	static final int OPINION_MAX = 2000;

	private final String step;
	private final Recommenders recommenders;

	FilingApplicationRule(String step, Recommenders recommenders) {
		this.step = step;
		this.recommenders = recommenders;
	}

	@Override
	public String processKey() {
		return OUTLET_FILING;
	}

	@Override
	public String step() {
		return step;
	}

	@Override
	public void check(Checks c) {
		// 一、机构基本情况
		checkReportable(c, ORG_NAME);
		checkUscc(c);
		c.oneOf(ORG_CATEGORY, "机构类别", true, OrgCategory.codes());
		c.text(ORG_NATURE, "机构性质", true, 50);
		c.bool(INDEPENDENT_LEGAL_ENTITY, "是否独立法人单位", true);
		checkReportable(c, ADDRESS);
		c.text(PLATFORM_NAME, "线上服务平台名称", false, 100);
		c.text(PLATFORM_URL, "线上服务平台网址", false, 200, URL_PATTERN, "url", "an http(s) URL", "以http://或https://开头的网址");
		checkReportable(c, HEAD_NAME);
		c.text(HEAD_TITLE, "主要负责人职务", true, 50);
		checkReportable(c, CONTACT_NAME);
		c.text(CONTACT_TITLE, "联系人职务", true, 50);
		checkReportable(c, PHONE);
		checkReportable(c, EMAIL);
		checkStaff(c);
		c.text(SERVICE_TARGETS, "服务对象", true, 500);
		c.codes(SERVICE_ITEMS, "服务事项清单", 0, ServiceItem.values().length, ServiceItem.codes());
		c.codes(IP_CATEGORIES, "知识产权类别", 0, IpCategory.values().length, IpCategory.codes());
		c.records(SERVICE_ITEM_LIST, "服务事项清单（逐项）", 1, 50, (item, i) -> {
			item.text("name", "服务事项名称", true, 100);
			item.oneOf(FilingEvidence.ITEM_SERVICE_CODE, "所属服务类别", true, ServiceItem.codes());
			item.oneOf(FilingEvidence.ITEM_IP_CATEGORY, "知识产权类别", true, IpCategory.codes());
			item.oneOf("cost", "收费方式", true, ServiceCost.codes());
			item.text("description", "服务内容", true, 500);
		});
		FilingEvidence.checkServiceItems(c, "服务事项清单（逐项）");
		var province = c.oneOf(PROVINCE, "所在省份", true, recommenders.provinces().keySet());
		var recommender = c.oneOf(RECOMMENDER_ID, "推荐部门", true,
				recommenders.recommenders().stream().map(Recommenders.Recommender::id).toList());
		if (province.isPresent() && recommender.isPresent()) {
			checkJurisdiction(c, province.get(), recommender.get());
		}
		// Art. 7(一): whether the institution is a provincial outlet is the register's to say, not the form's
		// (README, "Registers behind the eligibility check").
		// 二–五
		c.text(WORK_FOUNDATION, "工作基础和优势特点", true, 3000);
		c.records(TEAM_MEMBERS, "服务团队人员", 1, 200, (member, i) -> {
			member.text("name", "姓名", true, 50);
			member.text("role", "职务", true, 50);
			member.bool("fullTime", "是否专职", false);
			member.text("resume", "个人情况及工作经历", true, 600);
		});
		FilingEvidence.checkTeam(c, "服务团队人员");
		c.text(DEVELOPMENT_PLAN, "未来发展思路和支持措施", true, 4500);
		c.records(TYPICAL_CASES, "典型案例", 1, 2, (tc, i) -> {
			tc.text("name", "名称", true, 100);
			tc.text("period", "实施时间", true, 50);
			tc.text("content", "内容和效果", true, 1500);
		});
		// 六、申请备案机构意见
		c.mustBeTrue(DECLARATION_TRUTHFUL, "材料真实性承诺", "须确认所填材料真实、合法");
		// 填表说明 二: the opinion and its 负责人; the 经办人 is the submitting user, recorded by the
		// application, never typed (README, "Sections 六–八: signed and dated opinions").
		c.text(APPLICANT_OPINION, "申请备案机构意见", true, OPINION_MAX);
		c.text(APPLICANT_HEAD, "负责人", true, 50);
		// Attachments: optional at submission (Tasklist has no file picker; they follow through the API)
		checkAttachments(c);
	}

	/** The basic information a change report may alter (Art. 10), checked as in the 备案表. */
	static void checkReportable(Checks c, String field) {
		BasicInformation.check(c, field);
	}

	/**
	 * Art. 6: the work rules and the signed and sealed 备案表 scan, checked as on every route (README,
	 * "Safe uploads": type from the content, size, file name; see {@link DocumentKind}).
	 */
	public static void checkAttachments(Checks c) {
		for (DocumentKind kind : DocumentKind.uploads()) {
			c.file(kind.field(), kind.label(), false, kind.maxBytes(), kind.types()
				.stream()
				.flatMap(t -> t.extensions().stream())
				.toList()).ifPresent(file -> DocumentChecks.check(c, kind, file.getFilename(), bytes(file)));
		}
	}

	private static byte[] bytes(org.camunda.bpm.engine.variable.value.FileValue file) {
		try (var in = file.getValue()) {
			return in == null ? new byte[0] : in.readAllBytes();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void checkUscc(Checks c) {
		c.text(USCC, "统一社会信用代码", true, 18).flatMap(Uscc::violation).ifPresent(v -> {
			switch (v) {
				case REQUIRED -> c.reject(USCC, "统一社会信用代码", "required", "must not be empty", "必填");
				case LENGTH -> c.reject(USCC, "统一社会信用代码", "length", "must have 18 characters", "应为18位");
				case CHARACTERS -> c.reject(USCC, "统一社会信用代码", "characters",
						"may only contain digits and upper-case letters other than I, O, Z, S, V",
						"只能包含数字和大写字母（不含I、O、Z、S、V）");
				case CHECK_CHARACTER -> c.reject(USCC, "统一社会信用代码", "checkCharacter",
						"has a wrong check character (GB 32100-2015)", "校验码错误，请核对（GB 32100-2015）");
			}
		});
	}

	/**
	 * Art. 4: a provincial IP office recommends institutions of its own province (XPCC's office those
	 * in Xinjiang); industry departments recommend the institutions they manage, wherever they are.
	 */
	private void checkJurisdiction(Checks c, String province, String recommenderId) {
		recommenders.find(recommenderId).filter(Recommenders.Recommender::provincial).ifPresent(office -> {
			String jurisdiction = recommenders.isProvince(office.id()) ? office.id() : XINJIANG;
			if (!jurisdiction.equals(province)) {
				c.reject(RECOMMENDER_ID, "推荐部门", "jurisdiction",
						"a provincial office recommends only institutions in its own province (" + jurisdiction + ")",
						"省级知识产权局只推荐本辖区内的机构，请选择所在省份的知识产权局或主管的行业部门");
			}
		});
	}

	private static void checkStaff(Checks c) {
		var total = c.integer(STAFF_TOTAL, "总人数", true, 0, 100000);
		var fullTime = c.integer(STAFF_FULL_TIME, "专职人员数量", true, 0, 100000);
		var partTime = c.integer(STAFF_PART_TIME, "兼职人员数量", true, 0, 100000);
		if (total.isPresent() && fullTime.isPresent() && partTime.isPresent()
				&& total.get() != fullTime.get() + partTime.get()) {
			c.reject(STAFF_TOTAL, "总人数", "staffSum", "must equal full-time plus part-time staff",
					"应等于专职人员数量与兼职人员数量之和");
		}
	}

	/** The 备案表's fields (sections 一–六) as the start form and the API carry them; attachments aside. */
	public static List<String> fields() {
		return List.of(ORG_NAME, USCC, ORG_CATEGORY, ORG_NATURE, INDEPENDENT_LEGAL_ENTITY, ADDRESS, PLATFORM_NAME,
				PLATFORM_URL, HEAD_NAME, HEAD_TITLE, CONTACT_NAME, CONTACT_TITLE, PHONE, EMAIL, STAFF_TOTAL,
				STAFF_FULL_TIME, STAFF_PART_TIME, SERVICE_TARGETS, SERVICE_ITEMS, IP_CATEGORIES, SERVICE_ITEM_LIST, PROVINCE,
				RECOMMENDER_ID, WORK_FOUNDATION, TEAM_MEMBERS, DEVELOPMENT_PLAN, TYPICAL_CASES,
				DECLARATION_TRUTHFUL, APPLICANT_OPINION, APPLICANT_HEAD);
	}

}
