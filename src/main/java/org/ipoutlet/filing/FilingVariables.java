package org.ipoutlet.filing;

import org.ipoutlet.institution.OutletVariables;

/**
 * The names of {@code outlet-filing} (README, "Reference"): the 备案表 fields and the filing's decision
 * variables; the ones the lifecycle shares come from {@link OutletVariables}.
 */
public final class FilingVariables extends OutletVariables {

	// Section 一 机构基本情况
	public static final String ORG_CATEGORY = "orgCategory";
	public static final String ORG_NATURE = "orgNature";
	public static final String PLATFORM_NAME = "platformName";
	public static final String PLATFORM_URL = "platformUrl";
	public static final String CONTACT_TITLE = "contactTitle";
	public static final String STAFF_PART_TIME = "staffPartTime";
	public static final String SERVICE_TARGETS = "serviceTargets";
	public static final String IP_CATEGORIES = "ipCategories";
	public static final String PROVINCIAL_OUTLET = "provincialOutlet";
	// Sections 二–五
	public static final String TEAM_MEMBERS = "teamMembers";
	public static final String TYPICAL_CASES = "typicalCases";
	// Section 六
	/** 六's opinion text (填表说明 二). */
	public static final String APPLICANT_OPINION = "applicantOpinion";
	/** 六's 经办人: set by the application to the submitting user, never typed. */
	public static final String APPLICANT_HANDLER = "applicantHandler";
	public static final String APPLICANT_HEAD = "applicantHead";
	/** 六's date (ISO, Asia/Shanghai), set by the application. */
	public static final String APPLICANT_SIGNED_ON = "applicantSignedOn";
	// Attachments: WORK_RULES and SEALED_FORM (OutletVariables, with the document kinds)

	// Set by the application
	/** The Camunda user who started the filing (camunda:initiator). */
	public static final String APPLICANT = "applicant";
	public static final String ELIGIBLE = "eligible";
	public static final String INELIGIBILITY_REASONS = "ineligibilityReasons";
	public static final String SUPPLEMENT_DEADLINE = "supplementDeadline";
	/** The instant (ISO date-time) the supplement deadline passes: the end of {@code supplementDeadline}. */
	public static final String SUPPLEMENT_DEADLINE_AT = "supplementDeadlineAt";
	public static final String PUBLICITY_STARTS = "publicityStarts";
	public static final String PUBLICITY_ENDS = "publicityEnds";
	public static final String PUBLICITY_ENDS_AT = "publicityEndsAt";
	public static final String OUTCOME = "outcome";
	/**
	 * Art. 6: whether both documents (the sealed 备案表 and the work rules) are in the documents store,
	 * set by the application when the eligible application reaches {@link #DOCUMENTS_GATEWAY}.
	 */
	public static final String DOCUMENTS_COMPLETE = "documentsComplete";

	// Decisions
	public static final String RECOMMENDATION = "recommendation";
	public static final String RECOMMENDER_OPINION = "recommenderOpinion";
	/** 七's 负责人, named in {@code preliminaryReview}. */
	public static final String RECOMMENDER_HEAD = "recommenderHead";
	/** 七's 经办人 and date, set by the application when {@code preliminaryReview} completes. */
	public static final String RECOMMENDER_HANDLER = "recommenderHandler";
	public static final String RECOMMENDER_SIGNED_ON = "recommenderSignedOn";
	public static final String FILING_DECISION = "filingDecision";
	public static final String CNIPA_OPINION = "cnipaOpinion";
	/** 八's 负责人, named in {@code cnipaReview} and {@code handleObjection}. */
	public static final String CNIPA_HEAD = "cnipaHead";
	/** The 经办人 and date of CNIPA's latest step, set by the application. */
	public static final String CNIPA_HANDLER = "cnipaHandler";
	public static final String CNIPA_SIGNED_ON = "cnipaSignedOn";
	public static final String OBJECTION = "objection";
	public static final String OBJECTOR_CONTACT = "objectorContact";
	public static final String OBJECTION_UPHELD = "objectionUpheld";
	public static final String OBJECTION_FINDING = "objectionFinding";
	/** Art. 18: the refusal found false materials; the institution is banned for three years. */
	public static final String FALSE_MATERIALS = "falseMaterials";
	/** Art. 18: CNIPA's confirmation of a recommender's finding of false materials ({@code confirmFalseMaterials}). */
	public static final String FALSE_MATERIALS_CONFIRMED = "falseMaterialsConfirmed";
	public static final String FALSE_MATERIALS_DECISION = "falseMaterialsDecision";

	// Messages
	public static final String MESSAGE_OBJECTION_RAISED = "ObjectionRaised";

	// Diagram elements the application refers to
	/** Art. 7(三): the publicity sub-process; its completion ends publicity. */
	public static final String PUBLICITY_SUBPROCESS = "SubProcess_Publicity";
	/** Art. 6: the gateway that sends an application without both documents to {@code attachDocuments}. */
	public static final String DOCUMENTS_GATEWAY = "Gateway_DocumentsComplete";

	private FilingVariables() {
	}

}
