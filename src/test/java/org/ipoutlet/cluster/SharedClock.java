package org.ipoutlet.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationContextInitializer;

/**
 * The cluster's one clock: real time plus an offset that the test moves forward (as a process test moves
 * {@code ClockUtil}), written to a file that {@link NodeClock} follows in every node. A publicity period
 * is not cut short (the application refuses that), it is lived through in simulated days.
 */
final class SharedClock {

	private final Path file;
	private final Path extension;
	private volatile long offsetMillis;

	SharedClock(Path workDirectory) throws IOException {
		this.file = workDirectory.resolve("clock-offset");
		this.extension = workDirectory.resolve("node-clock");
		write(0);
		installExtension();
	}

	/** The nodes' time. */
	Instant now() {
		return Instant.now().plusMillis(offsetMillis);
	}

	long offsetMillis() {
		return offsetMillis;
	}

	/** Moves the nodes' time forward to {@code instant} (never back). */
	void advanceTo(Instant instant) throws IOException {
		long offset = instant.toEpochMilli() - System.currentTimeMillis();
		if (offset > offsetMillis) {
			write(offset);
		}
	}

	/** The JVM arguments that put {@link NodeClock} on a node's class path (Spring Boot's PropertiesLauncher). */
	List<String> jvmArguments() {
		return List.of("-D" + NodeClock.PROPERTY + "=" + file, "-Dloader.path=" + extension);
	}

	static String launcher() {
		return "org.springframework.boot.loader.launch.PropertiesLauncher";
	}

	private void write(long offset) throws IOException {
		Path next = file.resolveSibling(file.getFileName() + ".next");
		Files.writeString(next, Long.toString(offset), StandardCharsets.US_ASCII);
		Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		offsetMillis = offset;
	}

	/** A class-path folder with the compiled {@link NodeClock} and the spring.factories entry naming it. */
	private void installExtension() throws IOException {
		String classFile = NodeClock.class.getName().replace('.', '/') + ".class";
		Path target = extension.resolve(classFile);
		Files.createDirectories(target.getParent());
		try (InputStream compiled = NodeClock.class.getClassLoader().getResourceAsStream(classFile)) {
			Files.copy(compiled, target, StandardCopyOption.REPLACE_EXISTING);
		}
		Path factories = extension.resolve("META-INF/spring.factories");
		Files.createDirectories(factories.getParent());
		Files.writeString(factories,
				ApplicationContextInitializer.class.getName() + "=" + NodeClock.class.getName() + "\n",
				StandardCharsets.UTF_8);
	}

}
