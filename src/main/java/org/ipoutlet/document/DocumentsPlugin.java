package org.ipoutlet.document;

import static org.ipoutlet.filing.FilingVariables.*;

import java.util.List;
import java.util.Set;

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

	void recommending(DelegateTask task) {
		if (!"RECOMMEND".equals(task.getVariable(RECOMMENDATION))) {
			return;
		}
		String applicationNo = applications.getObject().ofProcessInstance(task.getProcessInstanceId()).applicationNo();
		List<DocumentKind> missing = documents.getObject().missing(applicationNo);
		if (!missing.isEmpty()) {
			throw new SubmissionRejectedException(ProcessKeys.OUTLET_FILING + "/" + TaskKeys.PRELIMINARY_REVIEW, missing.stream()
				.map(kind -> new FieldError(kind.field(), "required",
						"cannot recommend: the applicant has not attached the " + kind.field() + " document (Art. 6)",
						"不能推荐：申请机构尚未上传" + kind.label() + "（《办法》第六条），可退回补正"))
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
