package io.logpipe.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: it drops what cannot be a
 * metric name (strings, label matchers, range selectors, the label lists of {@code by},
 * {@code without}, {@code on}, {@code ignoring}, {@code group_left} and
 * {@code group_right}, numbers and durations), and keeps every remaining identifier that
 * is not a keyword and not called as a function.
 */
final class PromQl {

	private static final Pattern strings = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern labelMatchers = Pattern.compile("\\{[^}]*}");

	private static final Pattern ranges = Pattern.compile("\\[[^]]*]");

	private static final Pattern labelLists = Pattern
		.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private static final Set<String> keywords = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"and", "or", "unless", "offset", "bool", "inf", "nan", "atan2");

	private PromQl() {
	}

	static Set<String> metricNames(String expression) {
		String stripped = strings.matcher(expression).replaceAll(" ");
		stripped = labelMatchers.matcher(stripped).replaceAll(" ");
		stripped = ranges.matcher(stripped).replaceAll(" ");
		stripped = labelLists.matcher(stripped).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher matcher = identifier.matcher(stripped);
		while (matcher.find()) {
			String name = matcher.group();
			boolean partOfNumber = matcher.start() > 0 && Character.isDigit(stripped.charAt(matcher.start() - 1));
			boolean called = stripped.substring(matcher.end()).stripLeading().startsWith("(");
			if (!partOfNumber && !called && !keywords.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}

}
