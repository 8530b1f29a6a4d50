package org.ipoutlet.filing;

import java.time.Instant;
import java.time.LocalDate;

import org.ipoutlet.institution.Labels;

/**
 * One signed and dated opinion of the 备案表 (填表说明 二、三; sections 六, 七, 八): what was decided,
 * the opinion's text, the 经办人 (the authenticated user who completed the step, never typed), the
 * 负责人 named in the form, and the server's date in Asia/Shanghai. Section 八 proper is the row of
 * step {@link Step#FINAL_DECISION}; CNIPA's review before publicity and its objection findings are
 * kept as the steps that led to it.
 */
public record FilingOpinion(String applicationNo, Section section, Step step, String decision, String opinion,
		String handler, String head, boolean falseMaterials, Instant decidedAt, LocalDate decidedOn) {

	/** The sections of the 备案表 that carry an opinion. */
	public enum Section {

		SIX, SEVEN, EIGHT;

		public String label() {
			return Labels.section(name());
		}

	}

	/** The step of {@code outlet-filing} that signed the opinion. */
	public enum Step {

		SUBMISSION(Section.SIX), SUPPLEMENT(Section.SIX), PRELIMINARY_REVIEW(Section.SEVEN),
		CNIPA_REVIEW(Section.EIGHT), OBJECTION_FINDING(Section.EIGHT), FALSE_MATERIALS_REVIEW(Section.EIGHT),
		FINAL_DECISION(Section.EIGHT);

		private final Section section;

		Step(Section section) {
			this.section = section;
		}

		public Section section() {
			return section;
		}

	}

	/** 八's final decisions (Art. 7(三)): filed after publicity, or not filed with the reason. */
	public static final String FILED = "FILED";

	public static final String NOT_FILED = "NOT_FILED";

	/** The Chinese label of a decision code as the 备案表 prints it. */
	public static String decisionLabel(String decision) {
		return Labels.decision(decision);
	}

}
