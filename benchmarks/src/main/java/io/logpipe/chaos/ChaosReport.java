package io.logpipe.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code chaos-report.json} and {@code chaos-report.md}: per scenario {@code acked},
 * {@code lost}, {@code duplicated}, {@code recovery_s}, {@code max_answer_ms} and
 * pass/fail, as issue 12 names them.
 */
final class ChaosReport {

	private final Map<String, Object> header;

	private final List<ScenarioResult> results;

	ChaosReport(Map<String, Object> header, List<ScenarioResult> results) {
		this.header = header;
		this.results = results;
	}

	boolean passed() {
		return this.results.stream().allMatch(ScenarioResult::passed);
	}

	void write(Path directory) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("chaos-report.json"),
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(values()) + "\n");
		Files.writeString(directory.resolve("chaos-report.md"), markdown());
	}

	Map<String, Object> values() {
		Map<String, Object> values = new LinkedHashMap<>(this.header);
		values.put("passed", passed());
		values.put("scenarios", this.results.stream().map(ChaosReport::values).toList());
		return values;
	}

	private static Map<String, Object> values(ScenarioResult result) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("scenario", result.scenario());
		values.put("title", result.title());
		values.put("acked", result.acked());
		values.put("lost", result.lost());
		values.put("duplicated", result.duplicated());
		values.put("recovery_s", result.recoverySeconds());
		values.put("max_answer_ms", result.maxAnswerMillis());
		values.put("pass", result.passed());
		values.put("unacknowledged", result.unacknowledged());
		values.put("answers", result.answers());
		values.put("notes", result.notes());
		values.put("failures", result.failures());
		return values;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		this.header.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		md.append("- result: ").append(passed() ? "**pass**" : "**FAIL**").append("\n\n");
		md.append("| scenario | acked | lost | duplicated | recovery_s | max_answer_ms | result |\n");
		md.append("|---|---:|---:|---:|---:|---:|---|\n");
		for (ScenarioResult result : this.results) {
			md.append("| ")
				.append(result.scenario())
				.append(" | ")
				.append(result.acked())
				.append(" | ")
				.append(result.lost())
				.append(" | ")
				.append(result.duplicated())
				.append(" | ")
				.append((result.recoverySeconds() != null)
						? String.format(Locale.ROOT, "%.1f", result.recoverySeconds()) : "not recovered")
				.append(" | ")
				.append(result.maxAnswerMillis())
				.append(" | ")
				.append(result.passed() ? "pass" : "**FAIL**")
				.append(" |\n");
		}
		md.append('\n');
		for (ScenarioResult result : this.results) {
			md.append("**").append(result.scenario()).append("**: ").append(result.title()).append(". Answers: ");
			md.append(result.answers()).append('.');
			result.notes().forEach((note) -> md.append(' ').append(note).append('.'));
			result.failures().forEach((failure) -> md.append(" Failed: ").append(failure).append('.'));
			md.append("\n\n");
		}
		return md.toString();
	}

}
