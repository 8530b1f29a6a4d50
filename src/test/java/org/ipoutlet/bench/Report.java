package org.ipoutlet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One benchmark's figures with the machine they were measured on, printed and written to
 * {@code target/bench/<name>.json} (README "Benchmark"). Nothing here is asserted.
 */
final class Report {

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final String name;
	private final Map<String, Object> figures = new LinkedHashMap<>();

	/** {@code -Dbench.tag=x} (e.g. through -Dbench.jvm-args): a before/after run writes {@code <name>-x.json}. */
	Report(String name, DataSource dataSource) {
		String tag = System.getProperty("bench.tag", "");
		this.name = tag.isBlank() ? name : name + "-" + tag;
		figures.put("benchmark", name);
		figures.put("machine", machine(dataSource));
	}

	Report put(String key, Object value) {
		figures.put(key, value);
		System.out.println("[bench " + name + "] " + key + " = " + value);
		return this;
	}

	Object get(String key) {
		return figures.get(key);
	}

	void write() {
		((Map<String, Object>) figures.get("machine")).put("loadAverageAtEnd", load());
		figures.put("peakHeapMiB", peakHeapMiB());
		Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
		try {
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".json");
			Files.writeString(file, JSON.writeValueAsString(figures), StandardCharsets.UTF_8);
			System.out.println("[bench " + name + "] written to " + file.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Object> machine(DataSource dataSource) {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		machine.put("loadAverageAtStart", load());
		machine.put("startedAt", Instant.now().toString());
		if (dataSource != null) {
			try (Connection connection = dataSource.getConnection()) {
				DatabaseMetaData meta = connection.getMetaData();
				machine.put("database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
				machine.put("databaseUrl", meta.getURL().replaceAll("password=[^;&]*", "password=…"));
			}
			catch (SQLException ex) {
				machine.put("database", "unknown: " + ex.getMessage());
			}
		}
		return machine;
	}

	static double load() {
		return Stats.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/** Resets the heap pools' peaks, so that {@link #peakHeapMiB()} covers what follows. */
	static void resetPeakHeap() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** The sum of the heap pools' peak usage since the last reset (an upper bound of the peak heap). */
	static long peakHeapMiB() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak / (1024 * 1024);
	}

}
