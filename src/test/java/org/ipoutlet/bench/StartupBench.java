package org.ipoutlet.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Start-up to ready (README "Benchmark"): the application and the bare starter
 * ({@link org.ipoutlet.bench.bare.BareStarter}), each a fresh JVM on a fresh in-memory H2, interleaved,
 * {@code bench.startups} times each; ready = the first 200 of Camunda's welcome page. Also the
 * resident memory right after ready.
 */
class StartupBench {

	static final String WELCOME = "/camunda/app/welcome/default/";

	@Test
	void startUpToReady() throws Exception {
		int runs = Integer.getInteger("bench.startups", 3);
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> entries = List.of(classPath.split(File.pathSeparator));
		String appClasses = entries.stream().filter(e -> e.endsWith("classes") && !e.endsWith("test-classes")).findFirst()
			.orElseThrow();
		// The bare starter sees neither the application's classes nor its configuration.
		String bareClassPath = String.join(File.pathSeparator, entries.stream().filter(e -> !e.equals(appClasses)).toList());
		String appClassPath = String.join(File.pathSeparator,
				entries.stream().filter(e -> !e.endsWith("test-classes")).toList());
		Report report = new Report("startup", null);
		List<Double> app = new ArrayList<>();
		List<Double> bare = new ArrayList<>();
		List<Double> appRss = new ArrayList<>();
		List<Double> bareRss = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			double[] a = start(appClassPath, "org.ipoutlet.OutletFilingApplication",
					"--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1");
			app.add(a[0]);
			appRss.add(a[1]);
			double[] b = start(bareClassPath, "org.ipoutlet.bench.bare.BareStarter",
					"--spring.config.location=classpath:/bench/bare-starter.yaml");
			bare.add(b[0]);
			bareRss.add(b[1]);
		}
		Stats.Summary appSummary = Stats.of(app);
		Stats.Summary bareSummary = Stats.of(bare);
		report.put("applicationSeconds", appSummary).put("bareStarterSeconds", bareSummary);
		report.put("medianRatio", Stats.round(appSummary.median() / bareSummary.median()));
		Stats.Summary appRssSummary = Stats.of(appRss);
		Stats.Summary bareRssSummary = Stats.of(bareRss);
		report.put("applicationRssMiB", appRssSummary).put("bareStarterRssMiB", bareRssSummary);
		report.put("rssRatio", Stats.round(appRssSummary.median() / bareRssSummary.median()));
		report.write();
	}

	/** Starts a JVM; returns seconds to ready and its resident memory (MiB) then; stops it. */
	private static double[] start(String classPath, String main, String... args) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-cp", classPath, main,
				"--server.port=" + port));
		command.addAll(List.of(args));
		Path log = Files.createTempFile("bench-startup", ".log");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
			long deadline = start + Duration.ofMinutes(5).toNanos();
			while (true) {
				if (!process.isAlive()) {
					throw new IllegalStateException(main + " ended: " + Files.readString(log));
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(main + " not ready in 5 minutes");
				}
				try {
					HttpResponse<Void> response = http.send(
							HttpRequest.newBuilder(URI.create("http://localhost:" + port + WELCOME)).GET().build(),
							HttpResponse.BodyHandlers.discarding());
					if (response.statusCode() == 200) {
						break;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(100);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			return new double[] { Stats.round(seconds), rssMiB(process.pid()) };
		}
		finally {
			process.destroy();
			process.waitFor();
			Files.deleteIfExists(log);
		}
	}

	private static double rssMiB(long pid) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Stats.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
			}
		}
		return -1;
	}


}
