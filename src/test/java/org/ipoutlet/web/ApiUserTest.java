package org.ipoutlet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The caller's roles follow from the contract's Camunda groups. */
class ApiUserTest {

	@Test
	void rolesComeFromGroups() {
		ApiUser cnipa = new ApiUser("cnipa", List.of("cnipa-reviewers"));
		assertThat(cnipa.isCnipa()).isTrue();
		assertThat(cnipa.isAuditor()).isFalse();
		assertThat(cnipa.isOutlet()).isFalse();
		assertThat(cnipa.isAdmin()).isFalse();
		assertThat(cnipa.recommenderIds()).isEmpty();

		assertThat(new ApiUser("auditor", List.of("auditors")).isAuditor()).isTrue();
		assertThat(new ApiUser("applicant", List.of("outlets")).isOutlet()).isTrue();
		assertThat(new ApiUser("admin", List.of("camunda-admin")).isAdmin()).isTrue();
	}

	@Test
	void recommenderIdsAreTheGroupsWithoutPrefix() {
		ApiUser user = new ApiUser("both", List.of("recommender-310000", "outlets", "recommender-mct"));

		assertThat(user.recommenderIds()).containsExactly("310000", "mct");
		assertThat(user.isRecommender("mct")).isTrue();
		assertThat(user.isRecommender("110000")).isFalse();
		assertThat(user.isCnipa()).isFalse();
	}

}
