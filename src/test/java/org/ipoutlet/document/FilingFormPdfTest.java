package org.ipoutlet.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 备案表 printed as the annex asks (填表说明 四、五): parsed back with PDFBox, every section's values are
 * there in Chinese, in the embedded font at 四号, on A4, and a long section and a large team lose no text.
 */
class FilingFormPdfTest {

	static FilingFormPdf pdf;

	@BeforeAll
	static void font() {
		pdf = new FilingFormPdf();
	}

	/** 1,500 characters of varied Chinese text (no two lines alike, so a lost line shows). */
	static String longText(int length) {
		String base = "本机构围绕重点产业开展专利导航、知识产权风险预警和信息检索分析服务，建设专题数据库，完善人才培养和资金保障机制，";
		StringBuilder s = new StringBuilder();
		int i = 0;
		while (s.codePointCount(0, s.length()) < length) {
			s.append("第").append(i++).append("项：").append(base);
		}
		return s.substring(0, s.offsetByCodePoints(0, length));
	}

	static FilingForm complete(int teamSize, String plan) {
		List<FilingForm.TeamMember> team = new ArrayList<>();
		for (int i = 1; i <= teamSize; i++) {
			team.add(new FilingForm.TeamMember("成员" + i + "号", "分析师" + i, i % 2 == 0,
					"第" + i + "位成员，从事专利信息检索分析" + i + "年，主持完成产业专利导航项目" + i + "项，具有专利代理师资格。"));
		}
		return new FilingForm(new FilingForm.Cover("SQ-2026-000042", "上海市某高校图书馆", "上海市知识产权局", LocalDate.of(2026, 3, 9)),
				new FilingForm.BasicInfo("上海市某高校图书馆", "高校", "事业单位", "上海市徐汇区某路100号", "知识产权信息服务平台",
						"https://ip.example.edu.cn", "张三", "馆长", "李四", "主任", "021-64000000", "ip@example.edu.cn", 12, 6, 6,
						"高校师生、科研人员和区域内中小微企业", List.of("知识产权咨询服务", "知识产权信息查询检索服务")),
				"具备专利检索分析数据库和专职服务团队，已开展多年知识产权信息服务。", team, plan,
				List.of(new FilingForm.TypicalCase("新能源汽车产业专利导航", "2024年3月至12月", "为区域产业提供专利导航分析报告，支撑企业研发决策。"),
						new FilingForm.TypicalCase("中小企业专利托管", "2025年", "为二十家企业提供专利托管和预警服务。")),
				new FilingForm.Opinion(null, "本机构承诺所填材料真实、合法，支持保障条件已落实。", "李四", "张三", LocalDate.of(2026, 3, 9)),
				new FilingForm.Opinion("同意推荐", "该机构资源充足，人员实力较强，同意推荐。", "王经办", "赵处长", LocalDate.of(2026, 3, 20)),
				new FilingForm.Opinion("准予备案", "符合备案条件，准予备案。", "孙经办", "周司长", LocalDate.of(2026, 4, 2)));
	}

	@Test
	void everySectionsValuesInChineseInTheEmbeddedFontOnA4At14pt() throws IOException {
		FilingForm form = complete(2, "完善服务体系，建设专题数据库，培养专业人才。");
		try (PDDocument doc = Loader.loadPDF(pdf.render(form))) {
			String text = compact(doc);
			assertThat(text).contains("编号：SQ-2026-000042", "国家知识产权信息公共服务网点", "备案表", "备案机构：上海市某高校图书馆（盖章）",
					"推荐部门：上海市知识产权局（盖章）", "填报日期：2026年3月9日", "填表说明");
			// 一
			assertThat(text).contains("一、机构基本情况", "名称上海市某高校图书馆", "机构类别高校", "机构性质事业单位", "地址上海市徐汇区某路100号",
					"知识产权信息服务平台", "https://ip.example.edu.cn", "主要负责人张三", "职务馆长", "联系人李四", "职务主任",
					"联系电话021-64000000", "邮箱ip@example.edu.cn", "总人数12", "专职人员数量6", "兼职人员数量6",
					"服务对象高校师生、科研人员和区域内中小微企业", "服务事项清单知识产权咨询服务知识产权信息查询检索服务");
			// 二–五
			assertThat(text).contains("二、工作基础和优势特点", "具备专利检索分析数据库和专职服务团队，已开展多年知识产权信息服务。",
					"三、服务团队人员情况", "1成员1号分析师1兼职第1位成员", "2成员2号分析师2专职第2位成员",
					"四、未来发展思路和支持措施", "完善服务体系，建设专题数据库，培养专业人才。", "五、开展知识产权信息公共服务典型案例",
					"新能源汽车产业专利导航", "2024年3月至12月", "为区域产业提供专利导航分析报告，支撑企业研发决策。", "中小企业专利托管");
			// 六–八
			assertThat(text).contains("六、申请备案机构意见", "本机构承诺所填材料真实、合法，支持保障条件已落实。", "经办人：李四负责人：张三日期：2026年3月9日（盖章）",
					"七、推荐部门意见", "同意推荐", "该机构资源充足，人员实力较强，同意推荐。", "经办人：王经办负责人：赵处长日期：2026年3月20日",
					"八、备案部门意见", "■准予备案□不予备案", "符合备案条件，准予备案。", "经办人：孙经办负责人：周司长日期：2026年4月2日");

			for (PDPage page : doc.getPages()) {
				assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
				assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font).isInstanceOf(PDType0Font.class);
					PDType0Font type0 = (PDType0Font) font;
					assertThat(type0.isEmbedded()).isTrue();
					assertThat(type0.getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
					// Subset: "ABCDEF+NotoSerifSC-Regular"
					assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSerifSC.*");
				}
			}
			assertThat(sizesOf(doc, "具备专利检索分析数据库")).containsExactly(14f);
			assertThat(sizesOf(doc, "上海市徐汇区某路100号")).containsExactly(14f);
		}
	}

	@Test
	void aSectionOf1500CharactersAndATeamOf12LoseNoText() throws IOException {
		String plan = longText(1500);
		FilingForm form = complete(12, plan);
		byte[] bytes = pdf.render(form);
		// For a person to look at (README: "The 备案表 document").
		java.nio.file.Files.write(java.nio.file.Path.of("target", "filing-form-sample.pdf"), bytes);
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			String text = compact(doc);
			assertThat(text).contains(compactOf(plan));
			for (FilingForm.TeamMember m : form.team()) {
				assertThat(text).contains(compactOf(m.name() + m.role()), compactOf(m.resume()));
			}
			assertThat(doc.getNumberOfPages()).isGreaterThan(5);
		}
		// The font is a subset: the whole Noto Serif SC is about 14 MB.
		assertThat(bytes.length).isLessThan(600_000);
	}

	@Test
	void aSectionLongerThanAPageContinuesOnTheNextPages() throws IOException {
		String plan = longText(4500);
		try (PDDocument doc = Loader.loadPDF(pdf.render(complete(1, plan)))) {
			assertThat(compact(doc)).contains(compactOf(plan));
		}
	}

	@Test
	void anOpinionNotYetGivenLeavesTheLinesForTheHandAndNoDecisionTicked() throws IOException {
		FilingForm given = complete(1, "计划");
		FilingForm form = new FilingForm(given.cover(), given.basic(), given.workFoundation(), given.team(),
				given.developmentPlan(), given.cases(), given.applicant(), FilingForm.Opinion.NONE, FilingForm.Opinion.NONE);
		try (PDDocument doc = Loader.loadPDF(pdf.render(form))) {
			String text = compact(doc);
			assertThat(text).contains("七、推荐部门意见", "□准予备案□不予备案").doesNotContain("■", "赵处长");
		}
	}

	/** The document's text without white space and page footers, so wrapped lines and page breaks join. */
	static String compact(PDDocument doc) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		return compactOf(stripper.getText(doc)).replaceAll("第\\d+页共\\d+页", "");
	}

	static String compactOf(String s) {
		return s.replaceAll("[\\s　]+", "");
	}

	/** The font sizes of the characters of the first occurrence of {@code text}. */
	static Set<Float> sizesOf(PDDocument doc, String text) throws IOException {
		Set<Float> sizes = new HashSet<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String string, List<TextPosition> positions) throws IOException {
				int at = string.indexOf(text);
				if (at >= 0 && sizes.isEmpty()) {
					IntStream.range(at, at + text.length()).forEach(i -> sizes.add(positions.get(i).getFontSizeInPt()));
				}
				super.writeString(string, positions);
			}
		};
		stripper.getText(doc);
		return sizes;
	}

}
