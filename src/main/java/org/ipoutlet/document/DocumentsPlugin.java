package org.ipoutlet.document;

import static org.ipoutlet.filing.FilingVariables.*;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.filing.FilingApplications;
import org.ipoutlet.institution.DocumentKind;
import org.ipoutlet.validation.EngineParseListeners;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The documents' part of {@code outlet-filing}, as built-in listeners on every deployed version
 * (README, "The 备案表 document"; a diagram edited in Modeler cannot drop them):
 * <ul>
 * <li>the documents a start or a supplement carries as File variables go into the documents store;</li>
 * <li>an eligible application reaches the recommender only with both documents (Art. 6): at
 * {@code Gateway_DocumentsComplete} the application sets {@code documentsComplete} from the store, and
 * {@code attachDocuments}, the applicant's step while one is missing, cannot complete without both
 * (README, "Without both documents there is no recommendation");</li>
 * <li>{@code preliminaryReview} cannot RECOMMEND while the 相关工作制度 or the sealed 备案表 is missing
 * (Art. 6; 填表说明 六): the completion is refused with a field error and the task stays open;</li>
 * <li>when CNIPA's decision closes the application (filed, rejected, objection upheld) the final
 * 备案表 is archived.</li>
 * </ul>
 */
@Component
class DocumentsPlugin extends AbstractProcessEnginePlugin {

	/** The end events after CNIPA's decision: FILED, REJECTED, OBJECTION_UPHELD. */
	static final Set<String> FINAL_ENDS = Set.of("EndEvent_Filed", "EndEvent_Rejected", "EndEvent_ObjectionUpheldOutcome");

	private static final Logger log = LoggerFactory.getLogger(DocumentsPlugin.class);

	private final ObjectProvider<FilingDocumentService> documents;
	private final ObjectProvider<FilingApplications> applications;

	public DocumentsPlugin(ObjectProvider<FilingDocumentService> documents, ObjectProvider<FilingApplications> applications) {
		this.documents = documents;
		this.applications = applications;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineParseListeners.addPost(configuration, new AttachDocumentSteps());
	}

	void started(DelegateExecution execution) {
		documents.getObject().captureVariables(execution.getProcessBusinessKey(), (String) execution.getVariable(APPLICANT),
				execution, FilingDocuments.Route.START);
	}

	void supplemented(DelegateTask task) {
		documents.getObject().captureVariables(task.getExecution().getProcessBusinessKey(),
				(String) task.getVariable(APPLICANT), task, FilingDocuments.Route.SUPPLEMENT);
	}

	/** Art. 6: whether the eligible application may go to the recommender, decided from the store. */
	void checkingDocuments(DelegateExecution execution) {
		String applicationNo = applications.getObject().ofProcessInstance(execution.getProcessInstanceId()).applicationNo();
		execution.setVariable(DOCUMENTS_COMPLETE, documents.getObject().missing(applicationNo).isEmpty());
	}

	/** Art. 6: the applicant's step ends only with both documents; any sent with the completion are stored first. */
	void documentsAttached(DelegateTask task) {
		String applicationNo = task.getExecution().getProcessBusinessKey();
		documents.getObject().captureVariables(applicationNo, (String) task.getVariable(APPLICANT), task,
				FilingDocuments.Route.ATTACH);
		refuseWhileMissing(applicationNo, TaskKeys.ATTACH_DOCUMENTS,
				kind -> "the " + kind.field() + " document (Art. 6) must be attached before the application goes to the recommender",
				kind -> "请先上传" + kind.label() + "（《办法》第六条）：材料齐全后申请才送推荐部门初审");
		task.setVariable(DOCUMENTS_COMPLETE, true);
	}

	void recommending(DelegateTask task) {
		if (!"RECOMMEND".equals(task.getVariable(RECOMMENDATION))) {
			return;
		}
		String applicationNo = applications.getObject().ofProcessInstance(task.getProcessInstanceId()).applicationNo();
		refuseWhileMissing(applicationNo, TaskKeys.PRELIMINARY_REVIEW,
				kind -> "cannot recommend: the applicant has not attached the " + kind.field() + " document (Art. 6)",
				kind -> "不能推荐：申请机构尚未上传" + kind.label() + "（《办法》第六条），可退回补正");
	}

	/** Art. 6: refuses the completion of {@code taskKey}, one field error per missing document; the task stays open. */
	private void refuseWhileMissing(String applicationNo, String taskKey, Function<DocumentKind, String> message,
			Function<DocumentKind, String> messageZh) {
		List<DocumentKind> missing = documents.getObject().missing(applicationNo);
		if (!missing.isEmpty()) {
			throw new SubmissionRejectedException(ProcessKeys.OUTLET_FILING + "/" + taskKey, missing.stream()
				.map(kind -> new FieldError(kind.field(), "required", message.apply(kind), messageZh.apply(kind)))
				.toList());
		}
	}

	void closed(DelegateExecution execution) {
		try {
			documents.getObject().archive(applications.getObject().ofProcessInstance(execution.getProcessInstanceId()));
		}
		catch (RuntimeException e) {
			// The decision stands whatever happens to its copy; the 备案表 can still be printed from the filing.
			log.error("Filing application {}: the final 备案表 could not be archived", execution.getProcessBusinessKey(), e);
		}
	}

	private class AttachDocumentSteps extends AbstractBpmnParseListener {

		@Override
		public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl activity) {
			// The start event's end: after the intake has given the application its number.
			if (filing(scope) && scope instanceof ProcessDefinitionEntity) {
				activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) DocumentsPlugin.this::started);
			}
		}

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (!filing(scope)) {
				return;
			}
			TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
			if (TaskKeys.SUPPLEMENT_MATERIALS.equals(activity.getId())) {
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, DocumentsPlugin.this::supplemented);
			}
			else if (TaskKeys.PRELIMINARY_REVIEW.equals(activity.getId())) {
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, DocumentsPlugin.this::recommending);
			}
			else if (TaskKeys.ATTACH_DOCUMENTS.equals(activity.getId())) {
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, DocumentsPlugin.this::documentsAttached);
			}
		}

		@Override
		public void parseExclusiveGateway(Element gatewayElement, ScopeImpl scope, ActivityImpl activity) {
			// Before the gateway chooses its way: its conditions read documentsComplete.
			if (filing(scope) && DOCUMENTS_GATEWAY.equals(activity.getId())) {
				activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
						(ExecutionListener) DocumentsPlugin.this::checkingDocuments);
			}
		}

		@Override
		public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
			if (filing(scope) && FINAL_ENDS.contains(activity.getId())) {
				activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) DocumentsPlugin.this::closed);
			}
		}

		private static boolean filing(ScopeImpl scope) {
			return ProcessKeys.OUTLET_FILING.equals(EngineParseListeners.processKey(scope));
		}

	}

}
