package org.ipoutlet.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Median, p95 and maximum of measured times (README "Benchmark"). */
final class Stats {

	private Stats() {
	}

	record Summary(int n, double median, double p95, double max, double mean) {
	}

	static Summary millis(Collection<Long> nanos) {
		List<Double> ms = new ArrayList<>();
		nanos.forEach(n -> ms.add(n / 1_000_000.0));
		return of(ms);
	}

	static Summary of(Collection<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		if (sorted.isEmpty()) {
			return new Summary(0, 0, 0, 0, 0);
		}
		Collections.sort(sorted);
		double sum = 0;
		for (double v : sorted) {
			sum += v;
		}
		return new Summary(sorted.size(), round(percentile(sorted, 50)), round(percentile(sorted, 95)),
				round(sorted.get(sorted.size() - 1)), round(sum / sorted.size()));
	}

	/** Nearest-rank percentile of a sorted list. */
	static double percentile(List<Double> sorted, double p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	static double round(double v) {
		return Math.round(v * 100.0) / 100.0;
	}

}
