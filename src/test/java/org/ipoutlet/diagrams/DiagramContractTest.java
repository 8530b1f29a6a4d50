package org.ipoutlet.diagrams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.ipoutlet.TaskKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What administrators and auditors rely on in every diagram of bpmn/: it opens in Camunda Modeler
 * with its layout, targets Camunda Platform 7.24.0, keeps its history for a set time, and speaks
 * Chinese to the people who read it.
 */
class DiagramContractTest {

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	static Stream<Path> diagrams() throws IOException {
		List<Path> files;
		try (Stream<Path> list = Files.list(Path.of("bpmn"))) {
			files = list.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
		}
		assertThat(files).extracting(p -> p.getFileName().toString())
			.contains("outlet-filing.bpmn", "outlet-lifecycle.bpmn", "annual-report.bpmn");
		return files.stream();
	}

	@ParameterizedTest
	@MethodSource("diagrams")
	void targetsCamunda724AndSetsHistoryTimeToLive(Path file) throws IOException {
		String xml = Files.readString(file);
		assertThat(xml).contains("modeler:executionPlatform=\"Camunda Platform\"")
			.contains("modeler:executionPlatformVersion=\"7.24.0\"");
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Bpmn.validateModel(model);
		for (Process process : model.getModelElementsByType(Process.class)) {
			assertThat(process.isExecutable()).as(process.getId()).isTrue();
			assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
			assertThat(process.getName()).as(process.getId()).matches(s -> CJK.matcher(s).find(), "is Chinese");
		}
	}

	@ParameterizedTest
	@MethodSource("diagrams")
	void everyElementIsLaidOutForModeler(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		List<String> missing = new ArrayList<>();
		for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
			if ((element instanceof FlowNode || element instanceof SequenceFlow)
					&& ((BaseElement) element).getDiagramElement() == null) {
				missing.add(element.getId());
			}
		}
		assertThat(missing).as("elements without BPMN DI in " + file).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("diagrams")
	void everyTaskAndEventIsNamedInChinese(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		List<String> unnamed = new ArrayList<>();
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			boolean joiningGateway = node.getElementType().getTypeName().endsWith("Gateway")
					&& node.getIncoming().size() > 1;
			if (!joiningGateway && (node.getName() == null || !CJK.matcher(node.getName()).find())) {
				unnamed.add(node.getId());
			}
		}
		assertThat(unnamed).as("flow nodes without a Chinese name in " + file).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("diagrams")
	void everyUserTaskReferencesACamundaForm(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getCamundaFormRef()).as(task.getId()).isNotBlank();
		}
	}

	/**
	 * The user task keys are declared once, in {@link TaskKeys} (README, "Reference"): every user task
	 * of every diagram has its constant there, and every constant names a task that exists.
	 */
	@Test
	void taskKeysNameExactlyTheDiagramsUserTasks() throws Exception {
		Set<String> inDiagrams = new TreeSet<>();
		for (Path file : diagrams().toList()) {
			Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)
				.forEach(task -> inDiagrams.add(task.getId()));
		}
		Set<String> declared = new TreeSet<>();
		for (Field field : TaskKeys.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				declared.add((String) field.get(null));
			}
		}
		assertThat(declared).isEqualTo(inDiagrams);
	}

}
