package org.ipoutlet.filing.web;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.ipoutlet.filing.FilingVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.ipoutlet.EngineCalls;
import org.ipoutlet.institution.DocumentKind;
import org.ipoutlet.document.FilingDocumentService;
import org.ipoutlet.document.web.DocumentUploads;
import org.ipoutlet.document.FilingDocuments;
import org.ipoutlet.filing.FilingApplicationRule;
import org.ipoutlet.filing.FilingApplications;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.SubmissionRule;
import org.ipoutlet.validation.SubmissionRules;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.ConflictException;
import org.ipoutlet.web.InvalidRequestException;
import org.ipoutlet.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits a 备案表 received by the API: the request's shape and the start form's rules (the same
 * {@link SubmissionRules} the engine enforces for Tasklist) are checked before the engine is
 * touched, so a refused submission leaves nothing behind; then {@code outlet-filing} starts as the
 * caller, who becomes its {@code applicant} (camunda:initiator).
 */
@Service
class FilingSubmissions {

	private final SubmissionRules rules;
	private final FilingApplications applications;
	private final RuntimeService runtime;
	private final HistoryService history;
	private final IdentityService identity;
	private final TransactionTemplate transactions;
	private final DocumentUploads documentService;

	FilingSubmissions(SubmissionRules rules, FilingApplications applications, RuntimeService runtime,
			HistoryService history, IdentityService identity, PlatformTransactionManager transactionManager,
			DocumentUploads documentService) {
		this.documentService = documentService;
		this.history = history;
		this.identity = identity;
		this.rules = rules;
		this.applications = applications;
		this.runtime = runtime;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** @return the application number (business key) of the started filing */
	String submit(FilingRequest request) {
		Checks checks = rules.check(OUTLET_FILING, SubmissionRule.START, request.values());
		List<FieldError> errors = new ArrayList<>(request.errors());
		if (!request.has(WORK_RULES) && request.errors().stream().noneMatch(e -> e.field().startsWith(WORK_RULES))) {
			// Art. 6(二): the work rules are part of the filing materials. Tasklist cannot attach files,
			// so the start form leaves them optional; the API, where documents come in, requires them.
			errors.add(new FieldError(WORK_RULES, "required", "The work rules document (Art. 6(2)) must be attached",
					"相关工作制度：须上传附件（第六条）"));
		}
		checks.errors()
			.stream()
			.filter(e -> request.errors()
				.stream()
				.noneMatch(r -> r.field().equals(e.field()) || r.field().startsWith(e.field() + ".")))
			.forEach(errors::add);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		String uscc = ((String) request.values().get(USCC)).strip();
		if (applications.hasPending(uscc)) {
			throw pending(uscc);
		}
		Map<String, Object> variables = request.variables(checks.normalized());
		try {
			// The start and the claim of the institution's pending slot are one transaction: of two
			// simultaneous submissions exactly one holds the slot; the other rolls back entirely.
			return transactions.execute(tx -> {
				String applicationNo = runtime.startProcessInstanceByKey(OUTLET_FILING, variables).getBusinessKey();
				if (!applications.holdsPendingSlot(applicationNo)) {
					throw pending(uscc);
				}
				return applicationNo;
			});
		}
		catch (ProcessEngineException ex) {
			if (FilingApplications.PendingSlotTakenException.in(ex).isPresent()) {
				throw pending(uscc);
			}
			throw SubmissionRejectedException.in(ex).<RuntimeException>map(r -> r).orElse(ex);
		}
		catch (FilingApplications.PendingSlotTakenException ex) {
			throw pending(uscc);
		}
	}

	private static ConflictException pending(String uscc) {
		return new ConflictException("Institution " + uscc + " already has a filing application in progress",
				"该机构已有正在办理的备案申请");
	}

	/**
	 * Attaches documents to an application in progress (after a start in Tasklist, which has no file
	 * picker, or to replace a document). Only the applicant who submitted it may; anyone else gets 404.
	 */
	void attach(String applicationNo, ApiUser user, Map<String, Object> documents) {
		Checks checks = new Checks(documents);
		FilingApplicationRule.checkAttachments(checks);
		if (!checks.errors().isEmpty()) {
			throw new InvalidRequestException(checks.errors());
		}
		EngineCalls.asSystem(identity, () -> {
			ProcessInstance running = runtime.createProcessInstanceQuery()
				.processDefinitionKey(OUTLET_FILING)
				.processInstanceBusinessKey(applicationNo)
				.singleResult();
			HistoricVariableInstance applicant = history.createHistoricVariableInstanceQuery()
				.processInstanceIdIn(historicInstanceIds(applicationNo))
				.variableName(APPLICANT)
				.singleResult();
			if (applicant == null || !user.id().equals(applicant.getValue())) {
				throw new NotFoundException("No filing application " + applicationNo);
			}
			if (running == null) {
				throw new ConflictException("Application " + applicationNo + " is closed: documents can no longer be "
						+ "attached", "申请已办结，不能再上传附件");
			}
			// The documents store keeps what the reviewers open (README, "The 备案表 document"); one transaction.
			transactions.executeWithoutResult(tx -> {
				documents.forEach((field, value) -> {
					FileValue file = (FileValue) value;
					documentService.upload(applicationNo, user, DocumentKind.ofField(field).orElseThrow(),
							file.getFilename(), FilingDocumentService.bytes(file), FilingDocuments.Route.ATTACH);
				});
				runtime.setVariables(running.getId(), documents);
			});
		});
	}

	private String[] historicInstanceIds(String applicationNo) {
		String[] ids = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(OUTLET_FILING)
			.processInstanceBusinessKey(applicationNo)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toArray(String[]::new);
		return ids.length == 0 ? new String[] { "none" } : ids;
	}

}
