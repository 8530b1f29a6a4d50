package org.ipoutlet.bench;

import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.ipoutlet.institution.OutletVariables;
import org.ipoutlet.institution.Uscc;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the register fast (README "Benchmark", scale): outlets filed today, each its register row and
 * its {@code outlet-lifecycle} started as the system, exactly as registration starts it, 100 per
 * transaction in two threads. Each lifecycle waits on its far-future timers (annual summary, renewal
 * window, expiry).
 */
final class Register {

	private static final AtomicInteger NUMBERS = new AtomicInteger(1);

	private final OutletRepository outlets;
	private final RuntimeService runtime;
	private final TransactionTemplate transactions;

	Register(OutletRepository outlets, RuntimeService runtime, TransactionTemplate transactions) {
		this.outlets = outlets;
		this.runtime = runtime;
		this.transactions = transactions;
	}

	/** Files {@code count} outlets of the given recommenders (round robin); returns their filing numbers. */
	List<String> file(int count, List<String> recommenders, LocalDate validFrom) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<List<String>>> batches = new ArrayList<>();
		for (int from = 0; from < count; from += 100) {
			int size = Math.min(100, count - from);
			batches.add(pool.submit(() -> transactions.execute(status -> {
				List<String> filed = new ArrayList<>();
				for (int i = 0; i < size; i++) {
					filed.add(fileOne(recommenders, validFrom));
				}
				return filed;
			})));
		}
		List<String> all = new ArrayList<>();
		try {
			for (Future<List<String>> batch : batches) {
				all.addAll(batch.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		return all;
	}

	private String fileOne(List<String> recommenders, LocalDate validFrom) {
		int n = NUMBERS.getAndIncrement();
		String recommenderId = recommenders.get(n % recommenders.size());
		String province = TasklistLoadScenario.province(recommenderId);
		String filingNo = String.format("WD-2000-%05d", n);
		String uscc = Uscc.complete("91" + province.substring(0, 2) + "0000" + String.format("%09d", 500_000_000 + n));
		String outletUser = "bench-outlet-" + n;
		LocalDate validUntil = validFrom.plusYears(3).minusDays(1);
		OutletDetails details = new OutletDetails("基准网点" + n, "UNIVERSITY", "事业单位", province, "某市某路1号", null, null,
				"张三", "李四", "010-12345678", "contact@example.org", "企业",
				List.of("CONSULTATION", "SEARCH", "TRAINING"), List.of("PATENT"));
		outlets.insert(Outlet.file(filingNo, "BENCH-" + n, uscc, details, recommenderId, outletUser, validFrom, validUntil,
				Instant.now()));
		Map<String, Object> vars = new HashMap<>();
		vars.put(OutletVariables.FILING_NO, filingNo);
		vars.put(OutletVariables.APPLICATION_NO, "BENCH-" + n);
		vars.put(OutletVariables.USCC, uscc);
		vars.put(OutletVariables.ORG_NAME, details.orgName());
		vars.put(OutletVariables.RECOMMENDER_ID, recommenderId);
		vars.put(OutletVariables.PROVINCE, province);
		vars.put(OutletVariables.OUTLET_USER, outletUser);
		vars.put(OutletVariables.VALID_FROM, validFrom.toString());
		vars.put(OutletVariables.VALID_UNTIL, validUntil.toString());
		runtime.startProcessInstanceByKey(OUTLET_LIFECYCLE, filingNo, vars);
		return filingNo;
	}

}
