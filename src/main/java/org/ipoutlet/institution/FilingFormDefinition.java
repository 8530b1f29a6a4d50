package org.ipoutlet.institution;

import org.ipoutlet.validation.FormDefinition;

/**
 * The one definition of the 备案表's fields (README, "One definition of the 备案表"): the start form
 * {@code forms/filing-application.form}, as the engine deploys it. Its keys, labels and limits are
 * what the server's rules, the API's request type and OpenAPI schema, and the change-report rules
 * (Art. 10) use; {@code supplement-materials} shows the same fields again and must define them alike.
 */
public final class FilingFormDefinition {

	/** The start form of {@code outlet-filing}, on the classpath. */
	public static final String START_FORM = "forms/filing-application.form";

	/** The applicant's supplement after a RETURN: the same 备案表 again. */
	public static final String SUPPLEMENT_FORM = "forms/supplement-materials.form";

	private FilingFormDefinition() {
	}

	/** The 备案表 as released (read once). */
	public static FormDefinition standard() {
		return FormDefinition.classpath(START_FORM);
	}

}
