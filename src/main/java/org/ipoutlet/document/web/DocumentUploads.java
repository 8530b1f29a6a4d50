package org.ipoutlet.document.web;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.ipoutlet.EngineCalls;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.document.FilingDocumentService;
import org.ipoutlet.document.FilingDocuments;
import org.ipoutlet.filing.FilingApplication;
import org.ipoutlet.filing.FilingApplications;
import org.ipoutlet.institution.DocumentChecks;
import org.ipoutlet.institution.DocumentKind;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.ConflictException;
import org.ipoutlet.web.InvalidRequestException;
import org.ipoutlet.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may open and who may upload the filing's documents through the API (README, "The 备案表
 * document"): the applicant, its recommender, CNIPA and auditors read; only the applicant uploads,
 * until the recommendation, and every upload goes through {@link DocumentChecks}.
 */
@Service
public class DocumentUploads {

	private final FilingApplications applications;
	private final FilingDocumentService documents;
	private final TaskService tasks;
	private final IdentityService identity;

	DocumentUploads(FilingApplications applications, FilingDocumentService documents, TaskService tasks,
			IdentityService identity) {
		this.applications = applications;
		this.documents = documents;
		this.tasks = tasks;
		this.identity = identity;
	}

	/** The application, if {@code user} may see it; otherwise 404. */
	public FilingApplication readable(String applicationNo, ApiUser user) {
		return applications.find(applicationNo)
			.filter(a -> user.id().equals(a.applicant()) || user.isRecommender(a.recommenderId()) || user.isCnipa()
					|| user.isAuditor())
			.orElseThrow(() -> new NotFoundException("No filing application " + applicationNo));
	}

	/**
	 * Stores one document of the applicant; refused with field errors (nothing stored) when it fails a
	 * check, 404 for anyone but the applicant, 409 once the application was recommended or closed.
	 */
	@Transactional
	public FilingDocuments.StoredDocument upload(String applicationNo, ApiUser user, DocumentKind kind, String fileName,
			byte[] content, FilingDocuments.Route route) {
		FilingApplication application = applications.find(applicationNo)
			.filter(a -> user.id().equals(a.applicant()))
			.orElseThrow(() -> new NotFoundException("No filing application " + applicationNo));
		if (!kind.uploadable()) {
			throw new InvalidRequestException(new FieldError("kind", "enum", "Only workRules and sealedForm are uploaded",
					"只能上传相关工作制度或盖章备案表扫描件"));
		}
		DocumentChecks.Checked checked = DocumentChecks.check(kind, fileName, content);
		if (!checked.accepted()) {
			throw new InvalidRequestException(checked.fieldErrors(kind));
		}
		if (!FilingDocumentService.OPEN_FOR_UPLOADS.contains(application.status())) {
			throw new ConflictException("Application " + applicationNo + " is " + application.status()
					+ ": documents can be (re)placed only until the recommendation", "申请已推荐或已办结，不能再上传或更换材料");
		}
		FilingDocuments.StoredDocument stored = documents.store(applicationNo, kind, checked, content, user.id(), route);
		submitWhenComplete(application);
		return stored;
	}

	/**
	 * Art. 6: the upload that completes the documents of an application waiting in the applicant's
	 * {@code attachDocuments} ends that step, so the application goes to the recommender whichever
	 * route the document came by (an API client has no task to complete). The application has checked
	 * the applicant itself, so the engine call runs as the system; in the upload's transaction.
	 */
	private void submitWhenComplete(FilingApplication application) {
		if (!documents.missing(application.applicationNo()).isEmpty() || application.processInstanceId() == null) {
			return;
		}
		EngineCalls.asSystem(identity, () -> tasks.createTaskQuery()
			.processInstanceId(application.processInstanceId())
			.taskDefinitionKey(TaskKeys.ATTACH_DOCUMENTS)
			.list()
			.forEach(task -> tasks.complete(task.getId())));
	}

}
