package org.ipoutlet.diagrams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's process pictures (src/main/resources/static/diagrams/*.svg, rendered by bpmn-js from
 * bpmn/ with .ci/lint/render-diagrams.mjs) show the diagrams as they are: every shape and edge of a
 * diagram is in its picture, nothing else is, and every element carries its current name. CI also
 * re-renders the pictures and fails when a committed one differs byte for byte (.ci/run).
 */
class DiagramImagesTest {

	private static final Path IMAGES = Path.of("src/main/resources/static/diagrams");

	static Stream<Path> diagrams() throws IOException {
		try (Stream<Path> list = Files.list(Path.of("bpmn"))) {
			return list.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("diagrams")
	void thePictureShowsEveryElementOfTheDiagramWithItsCurrentName(Path diagram) throws Exception {
		Path image = IMAGES.resolve(diagram.getFileName().toString().replace(".bpmn", ".svg"));
		assertThat(image).as("picture of " + diagram + " (run .ci/lint/diagrams.sh --update)").exists();
		BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
		Map<String, String> drawn = new TreeMap<>();
		for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
			drawn.put(shape.getBpmnElement().getId(), name(shape.getBpmnElement()));
		}
		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			drawn.put(edge.getBpmnElement().getId(), name(edge.getBpmnElement()));
		}

		Map<String, String> pictured = picturedTexts(image);
		Set<String> pictureIds = new TreeSet<>(pictured.keySet());
		pictureIds.removeIf(id -> id.endsWith("_label"));
		assertThat(pictureIds).as(image + " is stale: run .ci/lint/diagrams.sh --update").isEqualTo(drawn.keySet());
		drawn.forEach((id, name) -> {
			String text = pictured.get(id) + pictured.getOrDefault(id + "_label", "");
			assertThat(text).as("label of " + id + " in " + image + " (run .ci/lint/diagrams.sh --update)")
				.isEqualTo(name);
		});
	}

	private static String name(org.camunda.bpm.model.bpmn.instance.BaseElement element) {
		String name = element instanceof FlowElement flow ? flow.getName()
				: element.getAttributeValue("name");
		return name == null ? "" : name.replaceAll("\\s", "");
	}

	/** Element id → the text drawn in its own visual (not in nested children), whitespace removed. */
	private static Map<String, String> picturedTexts(Path image) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		// bpmn-js writes the SVG 1.1 DOCTYPE: read it without fetching the DTD.
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		factory.setExpandEntityReferences(false);
		var document = factory.newDocumentBuilder().parse(image.toFile());
		NodeList groups = document.getElementsByTagName("g");
		Map<String, String> texts = new HashMap<>();
		for (int i = 0; i < groups.getLength(); i++) {
			Element group = (Element) groups.item(i);
			String id = group.getAttribute("data-element-id");
			if (id.isEmpty()) {
				continue;
			}
			StringBuilder text = new StringBuilder();
			for (Element visual : children(group, "djs-visual")) {
				text.append(visual.getTextContent().replaceAll("\\s", ""));
			}
			texts.put(id, text.toString());
		}
		return texts;
	}

	private static List<Element> children(Element parent, String cssClass) {
		List<Element> found = new java.util.ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element child && child.getAttribute("class").equals(cssClass)) {
				found.add(child);
			}
		}
		return found;
	}

}
