package org.ipoutlet.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where the cluster tests find the packaged jar and keep their databases, node logs and results. */
final class ClusterSupport {

	private ClusterSupport() {
	}

	/** The jar {@code mvn package} built (failsafe passes it as {@code cluster.jar}). */
	static Path jar() {
		String jar = System.getProperty("cluster.jar");
		if (jar == null || !Files.exists(Path.of(jar))) {
			throw new IllegalStateException("cluster.jar not found (" + jar + "): run mvn verify -Pcluster");
		}
		return Path.of(jar);
	}

	/** A fresh directory {@code target/cluster/<name>}: the database and the nodes' logs stay there for reading. */
	static Path workDirectory(String name) throws IOException {
		Path directory = Path.of("target", "cluster", name).toAbsolutePath();
		if (Files.exists(directory)) {
			try (Stream<Path> files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
		return Files.createDirectories(directory);
	}

	/** Prints a result line and appends it to {@code target/cluster/results.txt}. */
	static void report(String line) throws IOException {
		System.out.println("[cluster] " + line);
		Path results = Files.createDirectories(Path.of("target", "cluster")).resolve("results.txt");
		Files.writeString(results, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

}
