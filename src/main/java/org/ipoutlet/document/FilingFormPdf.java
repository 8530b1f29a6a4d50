package org.ipoutlet.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.ipoutlet.document.PdfLayout.Align;
import org.ipoutlet.document.PdfLayout.Cell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Prints a {@link FilingForm} as the annex's 备案表 (README: "The 备案表 document"): the cover, the
 * 填表说明, and sections 一–八 as bordered tables on A4, filled at 四号 (14 pt, 填表说明 四) in the
 * embedded Noto Serif SC (subset: only the glyphs used are embedded). Long sections wrap and their
 * rows continue over pages (填表说明 五), so nothing is cut off; 经办人, 负责人 and 盖章 are left for the
 * hand where the filing has no value yet.
 */
@Component
class FilingFormPdf {

	static final String FONT = "fonts/NotoSerifSC-Regular.ttf";
	/** 四号. */
	static final float BODY = 14f;

	private static final Logger log = LoggerFactory.getLogger(FilingFormPdf.class);

	private static final String[] INSTRUCTIONS = {
			"一、此表为国家知识产权信息公共服务网点备案表，封面“备案机构”名称填写法人单位名称，“推荐部门”填写省级知识产权局或有关行业主管部门名称。",
			"二、第六部分“申请备案机构意见”由申请备案的服务机构填写，并由经办人和负责人签字。",
			"三、第七部分“推荐部门意见”由省级知识产权局或有关行业主管部门填写，并由经办人和负责人签字。",
			"四、除需手写和签字以外，表格其他部分均用四号仿宋_GB2312 填写。",
			"五、一般情况下，填表单位应按照表格字数要求进行填写，如确需增加内容可对表格进行自行扩展。",
			"六、备案表应盖章、签字，否则视为无效申请。" };

	/**
	 * The font, parsed once per JVM at the first document (README, "Benchmark": parsing the 14.8 MB
	 * font for every document cost more than laying the document out) and never closed; a document
	 * is laid out and subset from it one at a time, since FontBox's font is read lazily.
	 */
	private TrueTypeFont font;

	public FilingFormPdf() {
		if (!new ClassPathResource(FONT).exists()) {
			throw new IllegalStateException("The 备案表 font " + FONT + " is missing from the application");
		}
	}

	/** The PDF's bytes. */
	public synchronized byte[] render(FilingForm form) {
		try (PDDocument document = new PDDocument(); PdfLayout layout = new PdfLayout(document, font())) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle("国家知识产权信息公共服务网点备案表 " + nz(form.cover().applicationNo()));
			info.setCreator("ip-outlet-filing");
			cover(layout, form.cover());
			instructions(layout);
			layout.newPage();
			basic(layout, form.basic());
			longSection(layout, "二、工作基础和优势特点（1000字左右）",
					"（含软硬件条件、知识产权信息公共服务工作开展情况、资金和资源保障等，相关工作制度等全文请以附件形式提交）",
					form.workFoundation());
			team(layout, form.team());
			longSection(layout, "四、未来发展思路和支持措施（1500字左右）", "（含场地、人才、信息化建设、资金、运行保障、发展方向等）",
					form.developmentPlan());
			cases(layout, form.cases());
			opinion(layout, "六、申请备案机构意见", "（含材料真实性、合法性、支持保障条件落实等情况）", form.applicant(), null);
			opinion(layout, "七、推荐部门意见", "（含资源、人员实力等评价和支持措施，是否同意推荐等情况）", form.recommender(), null);
			opinion(layout, "八、备案部门意见", null, form.cnipa(), List.of("准予备案", "不予备案"));
			byte[] pdf = layout.finish();
			if (layout.missingGlyphs() > 0) {
				log.warn("备案表 {}: {} character(s) without a glyph in the font were printed as '?'",
						form.cover().applicationNo(), layout.missingGlyphs());
			}
			return pdf;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot render the 备案表 of " + form.cover().applicationNo(), e);
		}
	}

	private TrueTypeFont font() throws IOException {
		if (font == null) {
			try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
				TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
				// Glyph substitution adds nothing to horizontal Chinese and only joins Latin letters of
				// e-mail addresses and URLs into ligatures; without it every character is its own glyph, and
				// the look-up per character (two fifths of the rendering in the benchmark's profile) is
				// gone (README, "Benchmark").
				parsed.setEnableGsub(false);
				font = parsed;
			}
		}
		return font;
	}

	private static void cover(PdfLayout layout, FilingForm.Cover cover) {
		layout.newPage();
		layout.paragraph("编号：" + nz(cover.applicationNo()), BODY, Align.LEFT);
		layout.moveTo(640);
		layout.paragraph("国家知识产权信息公共服务网点", 26f, Align.CENTER);
		layout.space(16);
		layout.paragraph("备  案  表", 26f, Align.CENTER);
		layout.moveTo(430);
		float x = PdfLayout.MARGIN + 40;
		float width = layout.contentWidth() - 80;
		layout.paragraph("备案机构：" + nz(cover.orgName()) + "（盖章）", 16f, Align.LEFT, x, width);
		layout.space(18);
		layout.paragraph("推荐部门：" + nz(cover.recommenderName()) + "（盖章）", 16f, Align.LEFT, x, width);
		layout.space(18);
		layout.paragraph("填报日期：" + date(cover.submittedOn()), 16f, Align.LEFT, x, width);
		layout.moveTo(170);
		layout.paragraph("国家知识产权局", 16f, Align.CENTER);
		layout.paragraph("2024 年制", 16f, Align.CENTER);
	}

	private static void instructions(PdfLayout layout) {
		layout.newPage();
		layout.paragraph("填 表 说 明", 18f, Align.CENTER);
		layout.space(12);
		for (String item : INSTRUCTIONS) {
			layout.paragraph(item, BODY, Align.LEFT);
			layout.space(6);
		}
	}

	private static void basic(PdfLayout layout, FilingForm.BasicInfo b) {
		float w = layout.contentWidth();
		float label = 100;
		float half = (w - 2 * label) / 2;
		float staffLabel = 86;
		float staffValue = (w - 3 * staffLabel) / 3;
		header(layout, "一、机构基本情况");
		layout.row(BODY, 0, Cell.label(label, "名称"), Cell.value(w - label, b.orgName()));
		layout.row(BODY, 0, Cell.label(label, "机构类别"), Cell.value(half, b.orgCategory()), Cell.label(label, "机构性质"),
				Cell.value(half, b.orgNature()));
		layout.row(BODY, 0, Cell.label(label, "地址"), Cell.value(w - label, b.address()));
		layout.row(BODY, 0, Cell.label(label, "线上服务平台（选填）"), Cell.label(60, "名称"),
				Cell.value(w - label - 60, b.platformName()));
		layout.row(BODY, 0, Cell.label(label, "线上服务平台（选填）"), Cell.label(60, "网址"),
				Cell.value(w - label - 60, b.platformUrl()));
		layout.row(BODY, 0, Cell.label(label, "主要负责人"), Cell.value(half, b.headName()), Cell.label(label, "职务"),
				Cell.value(half, b.headTitle()));
		layout.row(BODY, 0, Cell.label(label, "联系人"), Cell.value(half, b.contactName()), Cell.label(label, "职务"),
				Cell.value(half, b.contactTitle()));
		layout.row(BODY, 0, Cell.label(label, "联系电话"), Cell.value(half, b.phone()), Cell.label(label, "邮箱"),
				Cell.value(half, b.email()));
		layout.row(BODY, 0, Cell.label(staffLabel, "总人数"), Cell.value(staffValue, number(b.staffTotal())),
				Cell.label(staffLabel, "专职人员数量"), Cell.value(staffValue, number(b.staffFullTime())),
				Cell.label(staffLabel, "兼职人员数量"), Cell.value(staffValue, number(b.staffPartTime())));
		layout.row(BODY, 0, Cell.label(label, "服务对象"), Cell.value(w - label, b.serviceTargets()));
		layout.row(BODY, 0, Cell.label(label, "服务事项清单"), Cell.value(w - label, String.join("\n", b.serviceItems())));
	}

	private static void longSection(PdfLayout layout, String title, String hint, String text) {
		header(layout, title + "\n" + hint);
		layout.row(BODY, 160, Cell.value(layout.contentWidth(), text));
	}

	private static void team(PdfLayout layout, List<FilingForm.TeamMember> team) {
		float w = layout.contentWidth();
		float[] col = { 40, 76, 86, 56 };
		float resume = w - col[0] - col[1] - col[2] - col[3];
		header(layout, "三、服务团队人员情况\n（含主要负责人、专职人员个人情况及知识产权信息公共服务相关工作经历简介等，每人200字左右）");
		layout.row(BODY, 0, Cell.label(col[0], "序号"), Cell.label(col[1], "姓名"), Cell.label(col[2], "职务"),
				Cell.label(col[3], "专职/兼职"), Cell.label(resume, "个人情况及相关工作经历简介"));
		int i = 1;
		for (FilingForm.TeamMember m : team) {
			String kind = m.fullTime() == null ? "" : m.fullTime() ? "专职" : "兼职";
			layout.row(BODY, 0, Cell.label(col[0], String.valueOf(i++)), Cell.value(col[1], m.name()),
					Cell.value(col[2], m.role()), Cell.label(col[3], kind), Cell.value(resume, m.resume()));
		}
		if (team.isEmpty()) {
			layout.row(BODY, 60, Cell.label(col[0], "1"), Cell.value(col[1], ""), Cell.value(col[2], ""),
					Cell.value(col[3], ""), Cell.value(resume, ""));
		}
	}

	private static void cases(PdfLayout layout, List<FilingForm.TypicalCase> cases) {
		float w = layout.contentWidth();
		float no = 40;
		float label = 90;
		float time = 120;
		header(layout, "五、开展知识产权信息公共服务典型案例（1-2个，每个500字左右）");
		List<FilingForm.TypicalCase> shown = cases.isEmpty() ? List.of(new FilingForm.TypicalCase(null, null, null)) : cases;
		int i = 1;
		for (FilingForm.TypicalCase c : shown) {
			String n = String.valueOf(i++);
			layout.row(BODY, 0, Cell.label(no, n), Cell.label(label, "名称"), Cell.value(w - no - 2 * label - time, c.name()),
					Cell.label(label, "实施时间"), Cell.value(time, c.period()));
			layout.row(BODY, 120, Cell.label(no, n), Cell.label(label, "内容和效果"), Cell.value(w - no - label, c.content()));
		}
	}

	private static void opinion(PdfLayout layout, String title, String hint, FilingForm.Opinion opinion,
			List<String> choices) {
		float w = layout.contentWidth();
		header(layout, hint == null ? title : title + "\n" + hint);
		StringBuilder text = new StringBuilder();
		if (choices != null) {
			for (String choice : choices) {
				text.append(choice.equals(opinion.decision()) ? "■ " : "□ ").append(choice).append("　　　");
			}
			text.append('\n');
		}
		else if (opinion.decision() != null) {
			text.append(opinion.decision()).append('\n');
		}
		if (opinion.text() != null) {
			text.append(opinion.text());
		}
		layout.row(BODY, 110, Cell.value(w, text.toString().strip()));
		layout.row(BODY, 0, Cell.value(w, "经办人：" + blank(opinion.handler()) + "　　负责人：" + blank(opinion.head())
				+ "　　日期：" + (opinion.date() == null ? "　　　　　　" : date(opinion.date())) + "　　（盖章）"));
	}

	private static void header(PdfLayout layout, String title) {
		layout.row(BODY, 0, Cell.value(layout.contentWidth(), title));
	}

	static String date(LocalDate date) {
		return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	private static String number(Integer n) {
		return n == null ? "" : n.toString();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? "　　　　　　" : s;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
