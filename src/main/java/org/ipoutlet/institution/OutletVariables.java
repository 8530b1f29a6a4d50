package org.ipoutlet.institution;

/**
 * The variable names that more than one process carries (README, "Reference"): the outlet's basic
 * information and the numbers that {@code outlet-filing} hands to {@code outlet-lifecycle} when it
 * registers an outlet (Art. 8), and the recommender and summary year that {@code outlet-lifecycle}
 * and {@code annual-report} share (Art. 17). Each process's own names class extends this one, so
 * {@code FilingVariables.FILING_NO} and {@code LifecycleVariables.FILING_NO} are one constant.
 */
public class OutletVariables {

	/** The filing number (Art. 8), the business key of {@code outlet-lifecycle}. */
	public static final String FILING_NO = "filingNo";
	/** The application number, the business key of {@code outlet-filing}. */
	public static final String APPLICATION_NO = "applicationNo";

	// The 备案表's basic information (Art. 6) that the register keeps; Art. 10 lets a change report alter
	// name, address and province, head and head's title, contact, phone, email and service items.
	public static final String ORG_NAME = "orgName";
	public static final String USCC = "uscc";
	public static final String ADDRESS = "address";
	public static final String HEAD_NAME = "headName";
	/** 主要负责人职务 (Art. 10). */
	public static final String HEAD_TITLE = "headTitle";
	public static final String CONTACT_NAME = "contactName";
	public static final String PHONE = "phone";
	public static final String EMAIL = "email";
	public static final String SERVICE_ITEMS = "serviceItems";
	public static final String PROVINCE = "province";
	public static final String RECOMMENDER_ID = "recommenderId";
	/** The recommender's name, for the forms. */
	public static final String RECOMMENDER_NAME = "recommenderName";

	/** The Camunda user of the filed outlet (its applicant), who works the outlet's tasks. */
	public static final String OUTLET_USER = "outletUser";
	/** Art. 8: the first and the last day of validity (ISO dates). */
	public static final String VALID_FROM = "validFrom";
	public static final String VALID_UNTIL = "validUntil";

	/**
	 * The filing's documents (Art. 6) as File variables: 相关工作制度 and the signed and sealed 备案表
	 * (README, "The 备案表 document"); {@link DocumentKind} names its kinds by them.
	 */
	public static final String WORK_RULES = "workRules";
	public static final String SEALED_FORM = "sealedForm";

	/** The applicant's declaration that the materials are true (备案表 section 六, a renewal, Art. 9). */
	public static final String DECLARATION_TRUTHFUL = "declarationTruthful";

	// The 备案表's staff and plans, which a renewal application gives again (Art. 9)
	/** Art. 5(一): 是否独立法人单位, asked by the 备案表 and again by a renewal (Art. 9). */
	public static final String INDEPENDENT_LEGAL_ENTITY = "independentLegalEntity";
	public static final String STAFF_TOTAL = "staffTotal";
	public static final String STAFF_FULL_TIME = "staffFullTime";
	public static final String WORK_FOUNDATION = "workFoundation";
	public static final String DEVELOPMENT_PLAN = "developmentPlan";

	/** Art. 17: the year an annual summary covers, an Integer. */
	public static final String SUMMARY_YEAR = "summaryYear";

	protected OutletVariables() {
	}

}
