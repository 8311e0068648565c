package io.logpipe.indexer.search;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [from, to]} range of a search, from the request's {@code from} and
 * {@code to}: each is absent, {@code now}, an ISO-8601 instant
 * ({@code 2026-11-21T10:00:00Z}) or a time before now ({@code 15m}, {@code 2h},
 * {@code 7d}, {@code 30s}).
 *
 * @param from the earliest {@code @timestamp}, inclusive
 * @param to the latest {@code @timestamp}, inclusive
 */
public record TimeRange(Instant from, Instant to) {

	private static final Pattern RELATIVE = Pattern.compile("(\\d{1,9})(s|m|h|d)");

	/**
	 * @throws SearchException 400 when a bound cannot be read, {@code from} is after
	 * {@code to}, or the range is wider than {@code maxRange}
	 */
	public static TimeRange of(String from, String to, Instant now, Duration defaultRange, Duration maxRange) {
		Instant end = (to == null || to.isBlank()) ? now : instant("to", to, now);
		Instant start = (from == null || from.isBlank()) ? end.minus(defaultRange) : instant("from", from, now);
		if (start.isAfter(end)) {
			throw new SearchException(SearchProblem.INVALID_PARAMETER,
					"'from' (" + start + ") is after 'to' (" + end + ")");
		}
		if (Duration.between(start, end).compareTo(maxRange) > 0) {
			throw new SearchException(SearchProblem.RANGE_TOO_WIDE,
					"the range " + start + " to " + end + " is wider than the "
							+ maxRange.toString().substring(2).toLowerCase()
							+ " a search may cover (indexer.search.max-range): narrow 'from' and 'to'");
		}
		return new TimeRange(start, end);
	}

	static Instant instant(String name, String text, Instant now) {
		String value = text.strip();
		if (value.equals("now")) {
			return now;
		}
		Matcher relative = RELATIVE.matcher(value);
		if (relative.matches()) {
			long amount = Long.parseLong(relative.group(1));
			Duration ago = switch (relative.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
			return now.minus(ago);
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new SearchException(SearchProblem.INVALID_PARAMETER, "'" + name + "' is '" + value
					+ "': expected now, a time ago like 15m, 2h, 7d, or an instant like 2026-11-21T10:00:00Z");
		}
	}

	public Duration length() {
		return Duration.between(this.from, this.to);
	}

}
