package org.ipoutlet.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ipoutlet.institution.Labels;

/** Rules of the register's search that need no database. */
class RegisterQueryTest {

	@Test
	void likeWildcardsAndTheEscapeCharacterAreEscaped() {
		assertThat(RegisterQuery.escapeLike("100%_a!b")).isEqualTo("100!%!_a!!b");
		assertThat(RegisterQuery.escapeLike("知识产权")).isEqualTo("知识产权");
	}

	@Test
	void blankCriteriaMeanAny_defaultIsTheActiveStatuses() {
		RegisterQuery.Criteria criteria = new RegisterQuery.Criteria(" ", "", null, "  ");
		assertThat(criteria.province()).isNull();
		assertThat(criteria.category()).isNull();
		assertThat(criteria.text()).isNull();
		assertThat(criteria.statuses()).isEmpty();
		assertThat(RegisterQuery.Criteria.active().statuses())
			.isEqualTo(Set.of(OutletStatus.FILED, OutletStatus.RECTIFYING));
	}

	@Test
	void totalPagesRoundUp() {
		assertThat(new RegisterQuery.Result(List.of(), 0, 20, 0).totalPages()).isZero();
		assertThat(new RegisterQuery.Result(List.of(), 0, 20, 20).totalPages()).isEqualTo(1);
		assertThat(new RegisterQuery.Result(List.of(), 0, 20, 21).totalPages()).isEqualTo(2);
		assertThat(new RegisterQuery.Result(List.of(), 1, 20, 21).hasNext()).isFalse();
		assertThat(new RegisterQuery.Result(List.of(), 0, 20, 21).hasNext()).isTrue();
	}

	@Test
	void labelsCoverEveryContractCode() {
		assertThat(Labels.ORG_CATEGORIES).hasSize(8).containsEntry("STI_INSTITUTION", "科技情报机构");
		assertThat(Labels.SERVICE_ITEMS.keySet()).containsExactly("CONSULTATION", "SEARCH", "TRAINING",
				"INDUSTRY_ANALYSIS", "SME_SERVICES", "DATABASE_TOOLS");
		assertThat(Labels.ipCategory("GEOGRAPHICAL_INDICATION")).isEqualTo("地理标志");
		assertThat(Labels.serviceItem("UNKNOWN")).isEqualTo("UNKNOWN");
	}

}
