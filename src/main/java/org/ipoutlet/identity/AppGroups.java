package org.ipoutlet.identity;

import org.camunda.bpm.engine.authorization.Groups;

/** The fixed Camunda groups (README, "Reference"); recommender groups come from {@link Recommenders}. */
public final class AppGroups {

	/** System administrators: Admin app, deployments through /engine-rest (Camunda Modeler). */
	public static final String ADMIN = Groups.CAMUNDA_ADMIN;

	/** 国家知识产权局公共服务司: national review. */
	public static final String CNIPA_REVIEWERS = "cnipa-reviewers";

	/** Applicant institutions and filed outlets, one user per institution. */
	public static final String OUTLETS = "outlets";

	/** Audit and supervision: read-only. */
	public static final String AUDITORS = "auditors";

	private AppGroups() {
	}

}
