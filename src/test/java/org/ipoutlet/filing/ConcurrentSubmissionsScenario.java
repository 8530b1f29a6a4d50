package org.ipoutlet.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.web.FilingApi;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Simultaneous submissions through {@code POST /api/filings} (README, "The filing's steps are
 * guaranteed by the application"): numbers stay unique without a 500, and of two identical
 * submissions exactly one proceeds. Threads are released together by a latch; each test moves the
 * clock to a year no other test uses, so its first submission really is the year's first. The
 * database is the subclass's (H2 or PostgreSQL).
 */
abstract class ConcurrentSubmissionsScenario {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Test
	void twentySimultaneousFirstSubmissionsOfAYearAllGetTheirOwnNumber() throws Exception {
		startYear(2031);
		FilingApi api = new FilingApi(port);
		List<Supplier<Response>> submissions = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String uscc = FilingFixtures.newUscc();
			submissions.add(() -> api.submit("applicant", FilingApi.body(uscc)));
		}

		List<Response> responses = simultaneously(submissions);

		assertThat(responses).allSatisfy(r -> {
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			assertNoInternals(r);
		});
		List<String> numbers = responses.stream().map(r -> r.json().get("applicationNo").asText()).toList();
		assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("SQ-2031-\\d{6}"));
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike("SQ-2031-%").count())
			.isEqualTo(20);
	}

	@Test
	void ofTwoIdenticalSimultaneousSubmissionsExactlyOneProceeds() throws Exception {
		startYear(2032);
		FilingApi api = new FilingApi(port);
		List<String> usccs = new ArrayList<>();
		List<Supplier<Response>> submissions = new ArrayList<>();
		for (int pair = 0; pair < 5; pair++) {
			String uscc = FilingFixtures.newUscc();
			usccs.add(uscc);
			submissions.add(() -> api.submit("applicant", FilingApi.body(uscc)));
			submissions.add(() -> api.submit("applicant", FilingApi.body(uscc)));
		}

		List<Response> responses = simultaneously(submissions);

		for (int pair = 0; pair < 5; pair++) {
			List<Response> both = responses.subList(2 * pair, 2 * pair + 2);
			assertThat(both).extracting(Response::status).as(both.toString()).containsExactlyInAnyOrder(201, 409);
			both.forEach(this::assertNoInternals);
			Response conflict = both.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
			assertThat(conflict.contentType()).startsWith("application/problem+json");
			String uscc = usccs.get(pair);
			assertThat(jdbc.queryForObject("select count(*) from filing_application where uscc = ?", Integer.class, uscc))
				.as("the refused submission left no row").isEqualTo(1);

			String applicationNo = both.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json()
				.get("applicationNo").asText();
			ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
				.singleResult();
			Jobs.runDue(management, pi.getId());
			assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("preliminaryReview")
				.count()).as("the accepted one is not refused as APPLICATION_PENDING").isEqualTo(1);
		}
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike("SQ-2032-%").count())
			.as("the refused ones left no instance, not even in history").isEqualTo(5);
		assertThat(management.createJobQuery().list().stream()
			.filter(j -> j.getProcessInstanceId() != null)
			.filter(j -> runtime.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId()).singleResult()
				.getBusinessKey().startsWith("SQ-2032-"))
			.count()).as("and no job").isZero();
	}

	private void startYear(int year) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(year + "-03-03T09:00:00+08:00").toInstant()));
		assertThat(jdbc.queryForObject("select count(*) from number_sequence where seq_year = ?", Integer.class, year))
			.as("no number was drawn in " + year + " yet").isZero();
	}

	private void assertNoInternals(Response r) {
		assertThat(r.status()).isNotEqualTo(500);
		assertThat(r.body()).doesNotContainIgnoringCase("insert into")
			.doesNotContainIgnoringCase("select ")
			.doesNotContainIgnoringCase("constraint")
			.doesNotContainIgnoringCase("Exception")
			.doesNotContain("\tat ");
	}

	private static List<Response> simultaneously(List<Supplier<Response>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch ready = new CountDownLatch(calls.size());
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Response>> futures = new ArrayList<>();
			for (Supplier<Response> call : calls) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return call.get();
				}));
			}
			ready.await(30, TimeUnit.SECONDS);
			go.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> f : futures) {
				responses.add(f.get(5, TimeUnit.MINUTES));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
