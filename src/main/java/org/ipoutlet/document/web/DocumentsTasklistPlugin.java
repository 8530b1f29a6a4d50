package org.ipoutlet.document.web;

import java.util.Set;

import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The Tasklist plugin "备案材料" (README, "The 备案表 document"): a tab on every task of a filing that lists
 * its documents and the 备案表 PDF, and a panel where the applicant attaches its documents. Tasklist
 * loads its script {@code plugin-webapp/outlet-documents/app/plugin.js}; its resource
 * ({@link DocumentsTasklistResource}) is served under the webapp's session login and CSRF protection.
 */
public class DocumentsTasklistPlugin extends AbstractTasklistPlugin {

	public static final String ID = "outlet-documents";

	@Override
	public String getId() {
		return ID;
	}

	@Override
	public Set<Class<?>> getResourceClasses() {
		return Set.of(DocumentsTasklistResource.class);
	}

	@Override
	public String getAssetDirectory() {
		return "plugin-webapp/" + ID;
	}

}
