package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.ipoutlet.register.Outlet.OutletDetails;
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

}
