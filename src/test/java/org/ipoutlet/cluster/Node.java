package org.ipoutlet.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node: the packaged application jar in its own JVM, profile {@code postgres}, on the shared
 * database. {@link #kill()} is {@code kill -9} (SIGKILL): no shutdown hook, no graceful stop.
 */
final class Node implements AutoCloseable {

	static final String ADMIN = "clusteradmin";
	static final String ADMIN_PASSWORD = "cluster-admin-secret-2026";

	final String name;
	final int port;
	final Path log;
	private final Path jar;
	private final String jdbcUrl;
	private final Map<String, String> environment = new LinkedHashMap<>();
	private final List<String> arguments = new ArrayList<>();
	private final String readyPath;
	private SharedClock clock;
	private Process process;

	Node(String name, Path jar, String jdbcUrl, Path workDirectory, String readyPath) throws IOException {
		this.name = name;
		this.jar = jar;
		this.jdbcUrl = jdbcUrl;
		this.port = ClusterDatabase.freePort();
		this.log = workDirectory.resolve(name + ".log");
		this.readyPath = readyPath;
		environment.put("SPRING_PROFILES_ACTIVE", "postgres");
		environment.put("DB_URL", jdbcUrl);
		environment.put("DB_USER", "postgres");
		environment.put("DB_PASSWORD", "");
		environment.put("PORT", Integer.toString(port));
		environment.put("OUTLET_ADMIN_ID", ADMIN);
		environment.put("OUTLET_ADMIN_PASSWORD", ADMIN_PASSWORD);
		// Test setting: publicity of one working day (lived through on the SharedClock, not cut short).
		environment.put("OUTLET_FILING_PUBLICITYWORKINGDAYS", "1");
		environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		// Which node executed a job, in ACT_HI_JOB_LOG.HOSTNAME_.
		arguments.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
		// Test setting: a dead node's jobs are taken over after 30 s instead of the production 5 minutes.
		arguments.add("--camunda.bpm.job-execution.lock-time-in-millis=30000");
	}

	/** A node of this build, ready when its public health endpoint says UP. */
	static Node current(String name, Path jar, ClusterDatabase database, Path workDirectory) throws IOException {
		return new Node(name, jar, database.jdbcUrl(), workDirectory, "/actuator/health");
	}

	Node withEnvironment(String variable, String value) {
		if (value == null) {
			environment.remove(variable);
		}
		else {
			environment.put(variable, value);
		}
		return this;
	}

	/** The node's engine clock follows the cluster's {@link SharedClock}. */
	Node withClock(SharedClock clock) {
		this.clock = clock;
		return this;
	}

	Node withArgument(String argument) {
		arguments.add(argument);
		return this;
	}

	String baseUrl() {
		return "http://localhost:" + port;
	}

	void start() throws IOException {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:+UseSerialGC",
				"-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8"));
		if (clock == null) {
			command.addAll(List.of("-jar", jar.toString()));
		}
		else {
			command.addAll(clock.jvmArguments());
			command.addAll(List.of("-cp", jar.toString(), SharedClock.launcher()));
		}
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("OUTLET_"));
		builder.environment().putAll(environment);
		process = builder.start();
	}

	/** Waits until the node answers {@code readyPath} with 200, or fails when it exits or times out. */
	void awaitReady(Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
			}
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + readyPath))
					.timeout(Duration.ofSeconds(5))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// starting
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException(name + " not ready within " + timeout + ", see " + log);
	}

	/** Waits for the JVM to end by itself (a refused start-up) and returns its exit code. */
	int awaitExit(Duration timeout) throws InterruptedException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(name + " still running after " + timeout);
		}
		return process.exitValue();
	}

	boolean alive() {
		return process != null && process.isAlive();
	}

	/** kill -9. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** A graceful stop (SIGTERM): Spring Boot finishes its requests, the job executor its jobs. */
	void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	String logText() throws IOException {
		return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
	}

	@Override
	public void close() throws InterruptedException {
		if (alive()) {
			stop();
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	@Override
	public String toString() {
		return name + "@" + port;
	}

}
