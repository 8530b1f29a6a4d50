package org.ipoutlet.layout;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package picture of the README ("Project layout"): the dependencies between the packages of
 * the main code form no cycle and go only the directions the picture draws. A new package goes
 * into {@link #MAY_USE} (and into the README's picture) before it can have classes.
 */
class PackageLayoutTest {

	private static final String BASE = "org.ipoutlet";

	/** Below everything: settings and process keys, working days, users and groups, the rule language. */
	private static final Set<String> FOUNDATION = Set.of("", "calendar", "identity", "validation");

	/** What the stages share: institutions, bans and exemptions, refused transitions. */
	private static final Set<String> KERNEL = union(FOUNDATION, Set.of("institution"));

	/** Each package of the main code and the packages of ours it may use (besides itself). */
	static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();
	static {
		MAY_USE.put("", Set.of());
		MAY_USE.put("validation", Set.of());
		MAY_USE.put("calendar", Set.of(""));
		MAY_USE.put("identity", Set.of(""));
		MAY_USE.put("institution", Set.of("", "calendar", "validation"));
		MAY_USE.put("register", KERNEL);
		MAY_USE.put("filing", union(KERNEL, Set.of("register")));
		MAY_USE.put("filing.eligibility", union(KERNEL, Set.of("register", "filing")));
		MAY_USE.put("lifecycle", union(KERNEL, Set.of("register", "annualreport", "filing.eligibility")));
		MAY_USE.put("annualreport", union(KERNEL, Set.of("register")));
		MAY_USE.put("annualreport.web", union(KERNEL, Set.of("register", "annualreport", "web")));
		MAY_USE.put("web", Set.of("", "validation", "identity", "institution"));
		MAY_USE.put("register.web", union(KERNEL, Set.of("register", "web")));
		MAY_USE.put("filing.web",
				union(KERNEL, Set.of("register", "filing", "filing.eligibility", "web", "document", "document.web")));
		MAY_USE.put("document", union(KERNEL, Set.of("filing")));
		MAY_USE.put("document.web", union(KERNEL, Set.of("filing", "document", "web")));
		MAY_USE.put("lifecycle.web", union(KERNEL, Set.of("register", "lifecycle", "web")));
		MAY_USE.put("tasklist.web", union(KERNEL, Set.of("register", "filing", "lifecycle", "web")));
		MAY_USE.put("guard", Set.of("", "validation", "identity", "institution"));
		MAY_USE.put("web.security", Set.of("", "web", "guard", "identity", "validation"));
		MAY_USE.put("operations", union(KERNEL, Set.of("register", "filing", "lifecycle", "annualreport", "web")));
		MAY_USE.put("admin", union(KERNEL, Set.of("register", "filing", "lifecycle", "annualreport", "web")));
	}

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages(BASE);

	@Test
	void noCycleBetweenPackages() {
		assertThat(MAIN).as("the main classes are imported").hasSizeGreaterThan(100);
		noCycles(BASE).check(MAIN);
	}

	@Test
	void dependenciesGoOnlyTheWaysOfThePicture() {
		directions().check(MAIN);
	}

	@Test
	void everyPackageIsInThePicture() {
		classes().should()
			.resideInAnyPackage(MAY_USE.keySet().stream().map(PackageLayoutTest::pkg).toArray(String[]::new))
			.because("a new package goes into the README's picture and into this test's table first")
			.check(MAIN);
	}

	@Test
	void nothingBelowTheWebKnowsHttpPackages() {
		noClasses().that()
			.resideOutsideOfPackages(BASE + ".web..", BASE + ".*.web..", BASE + ".operations..", BASE + ".admin..")
			.and()
			.resideInAPackage(BASE + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE + ".web..", BASE + ".*.web..")
			.check(MAIN);
	}

	/** The rules bite: a cycle and a forbidden direction in the fixture packages are reported. */
	@Test
	void theRulesFailOnACycleAndOnAForbiddenDirection() {
		JavaClasses fixture = new ClassFileImporter().importPackages(BASE + ".layout.fixture");
		assertThat(fixture).hasSize(2);
		assertThat(noCycles(BASE + ".layout.fixture").evaluate(fixture).hasViolation()).as("a cycle").isTrue();
		ArchRule leftUsesNothing = noClasses().that()
			.resideInAPackage(BASE + ".layout.fixture.left")
			.should()
			.dependOnClassesThat(resideInAPackage(BASE + ".layout.fixture.right"));
		assertThat(leftUsesNothing.evaluate(fixture).hasViolation()).as("a forbidden direction").isTrue();
		assertThat(directions().evaluate(MAIN).hasViolation()).as("the main code keeps the picture").isFalse();
	}

	private static ArchRule noCycles(String base) {
		return slices().matching(base + ".(**)").should().beFreeOfCycles();
	}

	private static ArchRule directions() {
		List<ArchRule> rules = new ArrayList<>();
		MAY_USE.forEach((from, allowed) -> {
			String[] ours = Stream.concat(Stream.of(from), allowed.stream()).map(PackageLayoutTest::pkg)
				.toArray(String[]::new);
			rules.add(noClasses().that()
				.resideInAPackage(pkg(from))
				.should()
				.dependOnClassesThat(resideInAPackage(BASE + "..").and(not(resideInAnyPackage(ours))))
				.as(label(from) + " uses only " + allowed.stream().map(PackageLayoutTest::label).sorted().toList()));
		});
		return CompositeArchRule.of(rules);
	}

	private static String pkg(String name) {
		return name.isEmpty() ? BASE : BASE + "." + name;
	}

	private static String label(String name) {
		return name.isEmpty() ? "(the application's settings)" : name;
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		return Stream.of(sets).flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

}
