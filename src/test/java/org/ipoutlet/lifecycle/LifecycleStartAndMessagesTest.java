package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipoutlet.ProcessTest;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Starting the lifecycle (Art. 8, 9) and its message API's refusals. */
@ProcessTest
class LifecycleStartAndMessagesTest extends LifecycleTestSupport {

	@Autowired
	BannedInstitutions banned;

	@Test
	void Art9_startVariablesMustMatchTheRegister() {
		String filingNo = "LCX-" + System.nanoTime();
		outlets.insert(Outlet.file(filingNo, "APP-1", "91310000MA1FL4XXXX", details(), "310000", "outlet-x",
				LocalDate.of(2027, 3, 10), LocalDate.of(2030, 3, 9), ClockUtil.getCurrentTime().toInstant()));
		Map<String, Object> vars = new HashMap<>(Map.of("filingNo", filingNo, "uscc", "91310000MA1FL4XXXX", "orgName",
				"某网点", "recommenderId", "310000", "outletUser", "outlet-x", "validFrom", "2027-03-10"));

		vars.put("validUntil", "2031-03-09");
		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("outlet-lifecycle", filingNo, vars))
			.hasMessageContaining(filingNo);
		vars.put("validUntil", "09/03/2030");
		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("outlet-lifecycle", filingNo, vars))
			.hasMessageContaining("validUntil");
		vars.put("validUntil", "2030-03-09");
		vars.remove("outletUser");
		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("outlet-lifecycle", filingNo, vars))
			.hasMessageContaining("outletUser");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(filingNo).count()).isZero();

		vars.put("outletUser", "outlet-x");
		runtimeService.startProcessInstanceByKey("outlet-lifecycle", filingNo, vars);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(filingNo).count()).isOne();
	}

	@Test
	void Art18_aMessageNoInstanceAwaitsFailsClearlyAndChangesNothing() {
		String filingNo = "LCY-" + System.nanoTime();
		String uscc = "91310000MA1FL4YYYY";
		outlets.insert(Outlet.file(filingNo, "APP-2", uscc, details(), "310000", "outlet-y", LocalDate.of(2027, 3, 10),
				LocalDate.of(2030, 3, 9), ClockUtil.getCurrentTime().toInstant()));

		assertThatThrownBy(() -> messages.reportMisconduct(filingNo, "ILLEGAL_ACTIVITY", "经查实的违规事实", "撤销备案，三年内不得再提交备案申请", "cnipa"))
			.isInstanceOf(NoAwaitingInstanceException.class)
			.hasMessageContaining(filingNo)
			.hasMessageContaining("MisconductFound");
		assertThat(outlets.get(filingNo).status()).isEqualTo(OutletStatus.FILED);
		assertThat(banned.banEnds(uscc)).isEmpty();
		assertThatThrownBy(() -> messages.reportChange(filingNo, Map.of("phone", "021-1234567")))
			.isInstanceOf(NoAwaitingInstanceException.class);
		assertThatThrownBy(() -> messages.reportMisconduct(null, "ILLEGAL_ACTIVITY", "经查实的违规事实", "撤销备案，三年内不得再提交备案申请", "cnipa"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("filingNo");
	}

	private static OutletDetails details() {
		return new OutletDetails("某网点", "UNIVERSITY", null, "310000", "地址", null, null, "张三", "李四", "021-1",
				"a@example.org", null, List.of("CONSULTATION", "SEARCH", "TRAINING"), List.of("PATENT"));
	}

}
