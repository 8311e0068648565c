package io.logpipe.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's runnable examples: every {@code sh} block that calls {@code curl} against
 * a service on 127.0.0.1, with the answer block that directly follows it ({@code json} or
 * plain, as {@code curl -i} prints it), if any.
 *
 * <p>
 * An example opts out with an HTML comment on the line before its block,
 * {@code <!-- readme-test: skip: <why> -->}; the reason is required, so that every
 * opt-out says why it cannot run against the test's services.
 */
final class ReadmeExamples {

	private static final Pattern FENCE = Pattern.compile("^```([a-z]*)\\s*$");

	private static final Pattern OPT_OUT = Pattern.compile("^<!-- readme-test: skip: (.+\\S)\\s*-->$");

	private static final String OPT_OUT_MARK = "readme-test:";

	private ReadmeExamples() {
	}

	/**
	 * One example.
	 *
	 * @param line the 1-based line of its opening fence
	 * @param script the shell commands as written
	 * @param answer the answer as shown, or {@code null} when the README shows none
	 * @param skipReason why it opts out, or {@code null} when it runs
	 */
	record Example(int line, String script, String answer, String skipReason) {

		boolean runs() {
			return this.skipReason == null;
		}

	}

	static List<Example> of(String readme) {
		List<String> lines = readme.lines().toList();
		List<Example> examples = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			Matcher open = FENCE.matcher(lines.get(i));
			if (!open.matches()) {
				i++;
				continue;
			}
			int start = i;
			int close = closingFence(lines, start);
			String body = String.join("\n", lines.subList(start + 1, close));
			i = close + 1;
			if (!open.group(1).equals("sh") || !body.contains("curl") || !body.contains("http://127.0.0.1:")) {
				continue;
			}
			String answer = null;
			if (i < lines.size()) {
				Matcher next = FENCE.matcher(lines.get(i));
				if (next.matches() && (next.group(1).equals("json") || next.group(1).isEmpty())) {
					int answerClose = closingFence(lines, i);
					answer = String.join("\n", lines.subList(i + 1, answerClose));
					i = answerClose + 1;
				}
			}
			examples.add(new Example(start + 1, body, answer, skipReason(lines, start)));
		}
		return examples;
	}

	private static int closingFence(List<String> lines, int open) {
		for (int i = open + 1; i < lines.size(); i++) {
			if (lines.get(i).strip().equals("```")) {
				return i;
			}
		}
		throw new IllegalArgumentException("the block opened on line " + (open + 1) + " is never closed");
	}

	private static String skipReason(List<String> lines, int fence) {
		if (fence == 0) {
			return null;
		}
		String before = lines.get(fence - 1).strip();
		if (!before.contains(OPT_OUT_MARK)) {
			return null;
		}
		Matcher optOut = OPT_OUT.matcher(before);
		if (!optOut.matches()) {
			throw new IllegalArgumentException(
					"line " + fence + ": an opt-out reads '<!-- readme-test: skip: <why> -->'");
		}
		return optOut.group(1);
	}

}
