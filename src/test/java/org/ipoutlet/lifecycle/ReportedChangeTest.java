package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Art. 10: which changes may be reported, and how they apply to the register entry. */
class ReportedChangeTest {

	static final OutletDetails DETAILS = new OutletDetails("旧名称", "UNIVERSITY", null, "310000", "旧地址", null, null,
			"张三", "李四", "021-1", "a@example.org", null, List.of("CONSULTATION", "SEARCH", "TRAINING"),
			List.of("PATENT"));

	@Test
	void Art10_reportedFieldsReplaceOnlyThemselves() {
		ReportedChange change = ReportedChange.of(Map.of("headName", " 王五 ", "email", "new@example.org"));
		OutletDetails after = change.applyTo(DETAILS);
		assertThat(after.headName()).isEqualTo("王五");
		assertThat(after.email()).isEqualTo("new@example.org");
		assertThat(after.orgName()).isEqualTo("旧名称");
		assertThat(after.serviceItems()).isEqualTo(DETAILS.serviceItems());
		assertThat(change.describe(DETAILS)).contains("主要负责人：张三 → 王五").contains("电子邮箱");
	}

	@Test
	void Art10_unknownFieldsAndBadValuesAreRefusedNamingTheField() {
		assertThatThrownBy(() -> ReportedChange.of(Map.of())).hasMessageContaining("changes");
		assertThatThrownBy(() -> ReportedChange.of(Map.of("uscc", "x"))).hasMessageContaining("uscc");
		assertThatThrownBy(() -> ReportedChange.of(Map.of("orgName", " "))).hasMessageContaining("orgName");
		assertThatThrownBy(() -> ReportedChange.of(Map.of("orgName", "名".repeat(101)))).hasMessageContaining("100");
		assertThatThrownBy(() -> ReportedChange.of(Map.of("phone", "12345"))).as("the 备案表's phone rule")
			.hasMessageContaining("phone");
		assertThatThrownBy(() -> ReportedChange.of(Map.of("phone", "call me"))).hasMessageContaining("phone");
		assertThatThrownBy(() -> ReportedChange.of(Map.of("serviceItems", List.of("CONSULTATION", "SEARCH",
				"TRAINING", "BAKING")))).hasMessageContaining("BAKING");
		assertThatThrownBy(() -> ReportedChange.of(Map.of("serviceItems", List.of("SEARCH", "TRAINING"))))
			.hasMessageContaining("basic services");
	}

	/** The refusal is data: every bad field with the rule it broke and a Chinese message, nothing to parse. */
	@Test
	void Art10_aRefusedReportNamesEveryFieldWithItsRuleAndAChineseMessage() {
		assertThatThrownBy(() -> ReportedChange.of(Map.of("uscc", "x", "email", "not-an-address", "orgName", " ",
				"serviceItems", List.of("SEARCH"))))
			.isInstanceOfSatisfying(InvalidInputException.class, refused -> {
				assertThat(refused.errors()).extracting(FieldError::field, FieldError::rule)
					.containsExactlyInAnyOrder(tuple("uscc", "unknown"), tuple("email", "email"),
							tuple("orgName", "required"), tuple("serviceItems", "basicServices"));
				assertThat(refused.errors()).allSatisfy(e -> assertThat(e.messageZh()).as(e.field())
					.containsPattern("\\p{IsHan}")
					.doesNotContain(e.message()));
			});
	}

	@Test
	void Art18_Art19_anUnknownCodeIsRefusedWithTheAllowedLabelsInChinese() {
		assertThatThrownBy(() -> MisconductType.parse("LATE")).isInstanceOfSatisfying(InvalidInputException.class,
				refused -> assertThat(refused.errors()).singleElement().satisfies(e -> {
					assertThat(e.field()).isEqualTo("misconductType");
					assertThat(e.rule()).isEqualTo("invalid");
					assertThat(e.messageZh()).startsWith("违规情形：").contains("在备案过程中提供虚假材料");
				}));
		assertThatThrownBy(() -> Designation.parse(null)).isInstanceOfSatisfying(InvalidInputException.class,
				refused -> assertThat(refused.errors()).extracting(FieldError::rule).containsExactly("required"));
	}

}
