package org.ipoutlet.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs inside a node's JVM (added to the packaged jar's class path by {@link SharedClock}, never part of
 * the application): keeps the engine's clock at the offset the test writes to the file named by the
 * system property {@code cluster.clock}, so that every node of a cluster sees the same time and a
 * publicity period of one working day passes without waiting a real day. The offset only moves
 * forward; the clock keeps running.
 */
public class NodeClock implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String PROPERTY = "cluster.clock";

	private static volatile long applied = Long.MIN_VALUE;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String file = System.getProperty(PROPERTY);
		if (file == null || applied != Long.MIN_VALUE) {
			return;
		}
		Path path = Path.of(file);
		follow(path);
		Thread follower = new Thread(() -> {
			while (true) {
				follow(path);
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "cluster-clock");
		follower.setDaemon(true);
		follower.start();
	}

	private static void follow(Path path) {
		try {
			long offset = Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).trim());
			if (offset != applied) {
				ClockUtil.offset(offset);
				applied = offset;
			}
		}
		catch (IOException | NumberFormatException notWrittenYet) {
			// the test writes the file before it starts a node; a half-written file is read again
		}
	}

}
