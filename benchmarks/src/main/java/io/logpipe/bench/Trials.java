package io.logpipe.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Folds the reports of repeated trials into one: every number becomes the median of the
 * trials that measured it, and its spread (min, max and {@code (max - min) / median})
 * goes into the {@code spread} map under its path ({@code ingest_batched_eps},
 * {@code cpu_s_per_million.parser-service}, {@code scaling.services_100.pipeline_eps}).
 * On a shared machine one trial can land beside a neighbour's build; the median of three
 * is not moved by one such trial, and the spread says how much to trust the figure.
 *
 * <p>
 * Ratios are the median of each trial's own ratio, not the ratio of two medians: a ratio
 * compares a figure with its baseline measured minutes apart in the same trial, which is
 * the point of measuring them together.
 */
final class Trials {

	static final String SPREAD = "spread";

	private Trials() {
	}

	/**
	 * The median report of {@code trials} (in trial order), with a {@value #SPREAD} map
	 * when there is more than one trial.
	 */
	static Map<String, Object> merge(List<Map<String, Object>> trials) {
		if (trials.isEmpty()) {
			throw new IllegalArgumentException("no trial to merge");
		}
		if (trials.size() == 1) {
			return new LinkedHashMap<>(trials.getFirst());
		}
		Map<String, Object> spread = new LinkedHashMap<>();
		@SuppressWarnings("unchecked")
		Map<String, Object> merged = (Map<String, Object>) merge("", new ArrayList<>(trials), spread);
		merged.put(SPREAD, spread);
		return merged;
	}

	@SuppressWarnings("unchecked")
	private static Object merge(String path, List<Object> values, Map<String, Object> spread) {
		List<Object> present = values.stream().filter(Objects::nonNull).toList();
		if (present.stream().allMatch(Number.class::isInstance)) {
			List<Double> numbers = present.stream().map((value) -> ((Number) value).doubleValue()).sorted().toList();
			double median = median(numbers);
			double min = numbers.getFirst();
			double max = numbers.getLast();
			Map<String, Object> range = new LinkedHashMap<>();
			range.put("min", Report.round(min));
			range.put("max", Report.round(max));
			range.put("relative", (median == 0) ? 0.0 : Report.round((max - min) / Math.abs(median)));
			range.put("trials", numbers.size());
			spread.put(path, range);
			return Report.round(median);
		}
		if (present.stream().allMatch(Map.class::isInstance)) {
			Set<String> keys = new LinkedHashSet<>();
			present.forEach((map) -> keys.addAll(((Map<String, Object>) map).keySet()));
			Map<String, Object> merged = new LinkedHashMap<>();
			for (String key : keys) {
				List<Object> column = new ArrayList<>();
				present.forEach((map) -> column.add(((Map<String, Object>) map).get(key)));
				merged.put(key, merge(path.isEmpty() ? key : path + "." + key, column, spread));
			}
			return merged;
		}
		// Text (ids, versions, modes): the last trial's.
		return present.getLast();
	}

	/** The median of sorted numbers; the mean of the middle two for an even count. */
	static double median(List<Double> sorted) {
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
