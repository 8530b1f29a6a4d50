package org.ipoutlet.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The variables each form submits: its enabled fields, lists as one variable, display fields never. */
class FormFieldsTest {

	private static Set<String> fields(String form) throws IOException {
		InputStream in = Files.newInputStream(Path.of("forms", form + ".form"));
		return FormFields.of(in);
	}

	@Test
	void aReviewFormSubmitsOnlyItsDecision() throws IOException {
		assertThat(fields("preliminary-review")).containsExactlyInAnyOrder("recommendation", "recommenderOpinion", "recommenderHead",
				"falseMaterials");
	}

	@Test
	void theApplicationFormSubmitsItsFieldsWithListsAsOneVariable() throws IOException {
		Set<String> fields = fields("filing-application");
		assertThat(fields).contains("orgName", "uscc", "teamMembers", "typicalCases", "serviceItems", "declarationTruthful")
			.doesNotContain("name", "role", "resume", "content", "period", "fullTime");
	}

	@Test
	void disabledDisplayFieldsAreNeverSubmitted() throws IOException {
		assertThat(fields("cnipa-review")).doesNotContain("orgName", "uscc", "recommendation", "recommenderOpinion")
			.contains("filingDecision", "cnipaOpinion");
	}

}
