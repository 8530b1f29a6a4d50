package org.ipoutlet.filing;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.ipoutlet.filing.FilingVariables.*;

import java.util.List;

import org.ipoutlet.institution.DocumentChecks;
import org.ipoutlet.institution.DocumentKind;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.institution.BasicInformation;
import org.ipoutlet.institution.FilingFormDefinition;
import org.ipoutlet.validation.FormDefinition;
import org.ipoutlet.validation.FormField;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.SubmissionRule;
import org.ipoutlet.institution.Uscc;

/**
 * The 备案表 (sections 一–六): what a complete, well-formed application looks like. Every field, its
 * label and its limits come from the form itself (README, "One definition of the 备案表"): the rule
 * walks the form's fields in order and checks each with the form's own rules; only what a form cannot
 * say is written here (the USCC's check character, the staff sum, the recommender's jurisdiction, the
 * options from the configured recommenders, the named rules of phone and URL). A field added to the
 * form is checked by its form rules without a change here. Whether the institution is eligible is a
 * separate question (see the eligibility rules): an application may be well-formed and still
 * ineligible, and is then recorded with its reasons.
 */
public class FilingApplicationRule implements SubmissionRule {

	/** XPCC's office recommends institutions in Xinjiang. */
	static final String XINJIANG = "650000";

	private final String step;
	private final Recommenders recommenders;
	private final FormDefinition form;

	FilingApplicationRule(String step, Recommenders recommenders) {
		this(step, recommenders, FilingFormDefinition.standard());
	}

	/** The rule of a 备案表 defined by {@code form} (the released one, or a changed copy in a test). */
	public FilingApplicationRule(String step, Recommenders recommenders, FormDefinition form) {
		this.step = step;
		this.recommenders = recommenders;
		this.form = form;
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
		for (FormField field : form.fields()) {
			switch (field.key()) {
				case USCC -> checkUscc(c, field);
				case PHONE -> BasicInformation.check(c, PHONE, form);
				case PLATFORM_URL -> field.text(c, "url", "an http(s) URL", "以http://或https://开头的网址");
				case STAFF_TOTAL -> checkStaff(c);
				case STAFF_FULL_TIME, STAFF_PART_TIME -> {
					// with the total
				}
				case PROVINCE -> checkRecommender(c);
				case RECOMMENDER_ID -> {
					// with the province
				}
				// Everything else as the form says, e.g. 六's opinion and its 负责人 (填表说明 二; the 经办人 is the
				// submitting user, recorded by the application, never typed: README, "Sections 六–八").
				default -> checkByForm(c, field);
			}
		}
		// Facts that must agree (README, "The team and the service items"): section 三 against 一 (Art. 5(一)),
		// the itemised 服务事项清单 against the ticked codes (Art. 8, 12, 13).
		form.find(TEAM_MEMBERS).ifPresent(team -> FilingEvidence.checkTeam(c, team.label()));
		form.find(SERVICE_ITEM_LIST).ifPresent(list -> FilingEvidence.checkServiceItems(c, list.label()));
		// Attachments: optional at submission (Tasklist has no file picker; the applicant attaches them
		// in its step attachDocuments before the recommender sees the application, Art. 6)
		checkAttachments(c);
	}

	/** The options are the configured ones (the form's mirror them); Art. 4 jurisdiction. */
	private void checkRecommender(Checks c) {
		var province = form.field(PROVINCE).oneOf(c, recommenders.provinces().keySet());
		var recommender = form.field(RECOMMENDER_ID)
			.oneOf(c, recommenders.recommenders().stream().map(Recommenders.Recommender::id).toList());
		if (province.isPresent() && recommender.isPresent()) {
			checkJurisdiction(c, province.get(), recommender.get());
		}
	}

	/** A field the form's rules say all about; a list's items field by field. */
	private void checkByForm(Checks c, FormField field) {
		if (field.list()) {
			List<FormField> children = form.children(field.key());
			field.records(c, (item, i) -> children.forEach(child -> child.check(item)));
		}
		else {
			field.check(c);
		}
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

	private static void checkUscc(Checks c, FormField field) {
		// The form's pattern is the browser's summary; the server tells length, characters and check character apart.
		String label = field.label();
		c.text(USCC, label, field.required(), field.maxLength()).flatMap(Uscc::violation).ifPresent(v -> {
			switch (v) {
				case REQUIRED -> c.reject(USCC, label, "required", "must not be empty", "必填");
				case LENGTH -> c.reject(USCC, label, "length", "must have 18 characters", "应为18位");
				case CHARACTERS -> c.reject(USCC, label, "characters",
						"may only contain digits and upper-case letters other than I, O, Z, S, V",
						"只能包含数字和大写字母（不含I、O、Z、S、V）");
				case CHECK_CHARACTER -> c.reject(USCC, label, "checkCharacter",
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
				c.reject(RECOMMENDER_ID, form.field(RECOMMENDER_ID).label(), "jurisdiction",
						"a provincial office recommends only institutions in its own province (" + jurisdiction + ")",
						"省级知识产权局只推荐本辖区内的机构，请选择所在省份的知识产权局或主管的行业部门");
			}
		});
	}

	/**
	 * 总人数 = 专职 + 兼职: the form says so with FEEL bounds, which only the browser evaluates; the
	 * counts' own bounds are the form's, the total's follow from them.
	 */
	private void checkStaff(Checks c) {
		FormField totalField = form.field(STAFF_TOTAL);
		FormField fullTimeField = form.field(STAFF_FULL_TIME);
		FormField partTimeField = form.field(STAFF_PART_TIME);
		var total = totalField.integer(c, 0,
				Math.toIntExact(fullTimeField.maximum().orElseThrow() + partTimeField.maximum().orElseThrow()));
		var fullTime = fullTimeField.integer(c);
		var partTime = partTimeField.integer(c);
		if (total.isPresent() && fullTime.isPresent() && partTime.isPresent()
				&& total.get() != fullTime.get() + partTime.get()) {
			c.reject(STAFF_TOTAL, totalField.label(), "staffSum", "must equal full-time plus part-time staff",
					"应等于" + fullTimeField.label() + "与" + partTimeField.label() + "之和");
		}
	}

	/** The 备案表's fields (sections 一–六) as the start form and the API carry them; attachments aside. */
	public static List<String> fields() {
		return FilingFormDefinition.standard().keys();
	}

}
