package io.logpipe.parser.parse.time;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an event's timestamp, whatever way it is written, into an instant, and says what
 * it had to assume.
 *
 * <ul>
 * <li>numbers and digit strings are epoch seconds, millis, micros or nanos by magnitude
 * (seconds up to 10^11, i.e. the year 5138; millis up to 10^14; micros up to 10^17);
 * fractions of seconds are kept;</li>
 * <li>ISO 8601 / RFC 3339 with or without zone, with {@code T} or a space, with any
 * fraction; without a zone the source's default zone is assumed ({@code zone});</li>
 * <li>the access-log format {@code 21/Nov/2026:10:00:00 +0100} and RFC 1123;</li>
 * <li>RFC 3164 {@code Nov 21 10:00:00}: no year, so the most recent year in which that
 * moment is not in the future ({@code year}), and the default zone ({@code zone});</li>
 * <li>the configured patterns ({@link DateTimeFormatter} syntax), in order.</li>
 * </ul>
 * A time more than the allowed skew after receipt is clamped to the time of receipt (the
 * tag {@code _logpipe_timestamp_clamped}): a wrong clock or a wrong guess must not put
 * the event where no dashboard looks for days. Thread-safe.
 */
public final class TimestampResolver {

	private static final Pattern EPOCH = Pattern.compile("^\\d{1,20}(?:\\.\\d{1,9})?$");

	private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.append(DateTimeFormatter.ISO_LOCAL_TIME)
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HH", "Z")
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private static final DateTimeFormatter ACCESS_LOG = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
			Locale.ENGLISH);

	private static final DateTimeFormatter RFC_3164 = new DateTimeFormatterBuilder().appendPattern("MMM")
		.appendLiteral(' ')
		.padNext(2)
		.appendValue(ChronoField.DAY_OF_MONTH)
		.appendLiteral(' ')
		.append(DateTimeFormatter.ISO_LOCAL_TIME)
		.toFormatter(Locale.ENGLISH);

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private final ZoneId defaultZone;

	private final Map<String, ZoneId> zonesByService;

	private final List<DateTimeFormatter> patterns;

	private final Duration maxFutureSkew;

	/**
	 * @param defaultZone the zone of timestamps that name none
	 * @param zonesByService a different default zone per service
	 * @param patterns further patterns, in {@link DateTimeFormatter} syntax
	 * @param maxFutureSkew how far after receipt an event's time may lie before it is
	 * clamped
	 */
	public TimestampResolver(ZoneId defaultZone, Map<String, ZoneId> zonesByService, List<String> patterns,
			Duration maxFutureSkew) {
		this.defaultZone = defaultZone;
		this.zonesByService = Map.copyOf(zonesByService);
		this.patterns = patterns.stream()
			.map((pattern) -> DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH))
			.toList();
		this.maxFutureSkew = maxFutureSkew;
	}

	/**
	 * The event time of a record.
	 * @param value the timestamp as the event carried it (a string or a number), or
	 * {@code null}
	 * @param service the record's service, which decides the default zone
	 * @param receivedAt when ingest accepted the record
	 */
	public ResolvedTime resolve(Object value, String service, Instant receivedAt) {
		ZoneId zone = this.zonesByService.getOrDefault(service, this.defaultZone);
		List<String> inferred = new ArrayList<>(2);
		Optional<Instant> parsed = parse(value, zone, receivedAt, inferred);
		if (parsed.isEmpty()) {
			return new ResolvedTime(receivedAt, List.of(ResolvedTime.INFERRED_TIMESTAMP), false,
					(value != null) ? value.toString() : null);
		}
		Instant instant = parsed.get();
		if (instant.isAfter(receivedAt.plus(this.maxFutureSkew))) {
			return new ResolvedTime(receivedAt, List.copyOf(inferred), true, value.toString());
		}
		return new ResolvedTime(instant, List.copyOf(inferred), false, inferred.isEmpty() ? null : value.toString());
	}

	private Optional<Instant> parse(Object value, ZoneId zone, Instant receivedAt, List<String> inferred) {
		if (value instanceof Number number) {
			return epoch(new BigDecimal(number.toString()));
		}
		if (!(value instanceof String raw) || raw.isBlank()) {
			return Optional.empty();
		}
		String text = raw.strip();
		if (EPOCH.matcher(text).matches()) {
			return epoch(new BigDecimal(text));
		}
		Optional<Instant> iso = iso(text.replace(',', '.'), zone, inferred);
		if (iso.isPresent()) {
			return iso;
		}
		for (DateTimeFormatter formatter : List.of(ACCESS_LOG, DateTimeFormatter.RFC_1123_DATE_TIME)) {
			try {
				return Optional.of(ZonedDateTime.parse(text, formatter).toInstant());
			}
			catch (DateTimeParseException ex) {
				// next
			}
		}
		Optional<Instant> bsd = rfc3164(text, zone, receivedAt, inferred);
		if (bsd.isPresent()) {
			return bsd;
		}
		for (DateTimeFormatter formatter : this.patterns) {
			Optional<Instant> configured = configured(text, formatter, zone, inferred);
			if (configured.isPresent()) {
				return configured;
			}
		}
		return Optional.empty();
	}

	/** Seconds, millis, micros or nanos since the epoch, told apart by magnitude. */
	static Optional<Instant> epoch(BigDecimal number) {
		if (number.signum() < 0) {
			return Optional.empty();
		}
		BigDecimal seconds = number;
		BigDecimal magnitude = number.abs();
		if (magnitude.compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0) {
			seconds = seconds.divide(THOUSAND);
			if (magnitude.compareTo(BigDecimal.valueOf(100_000_000_000_000L)) >= 0) {
				seconds = seconds.divide(THOUSAND);
				if (magnitude.compareTo(BigDecimal.valueOf(100_000_000_000_000_000L)) >= 0) {
					seconds = seconds.divide(THOUSAND);
				}
			}
		}
		long whole = seconds.longValue();
		long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
		try {
			return Optional.of(Instant.ofEpochSecond(whole, nanos));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Instant> iso(String text, ZoneId zone, List<String> inferred) {
		try {
			TemporalAccessor parsed = ISO.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
			if (parsed instanceof OffsetDateTime offset) {
				return Optional.of(offset.toInstant());
			}
			inferred.add(ResolvedTime.INFERRED_ZONE);
			return Optional.of(((LocalDateTime) parsed).atZone(zone).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Instant> rfc3164(String text, ZoneId zone, Instant receivedAt, List<String> inferred) {
		TemporalAccessor parsed;
		try {
			parsed = RFC_3164.parse(text);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
		MonthDay day = MonthDay.from(parsed);
		LocalTime time = LocalTime.from(parsed);
		inferred.add(ResolvedTime.INFERRED_YEAR);
		inferred.add(ResolvedTime.INFERRED_ZONE);
		return Optional.of(mostRecentNotInTheFuture(day, time, zone, receivedAt));
	}

	/**
	 * The latest year in which {@code day time} is not after {@code receivedAt}; 29
	 * February goes back to the last leap year.
	 */
	static Instant mostRecentNotInTheFuture(MonthDay day, LocalTime time, ZoneId zone, Instant receivedAt) {
		int year = receivedAt.atZone(zone).getYear();
		for (int candidate = year; candidate > year - 8; candidate--) {
			if (day.isValidYear(candidate)) {
				Instant instant = day.atYear(candidate).atTime(time).atZone(zone).toInstant();
				if (!instant.isAfter(receivedAt)) {
					return instant;
				}
			}
		}
		return day.atYear(year - 1).atTime(time).atZone(zone).toInstant();
	}

	private static Optional<Instant> configured(String text, DateTimeFormatter formatter, ZoneId zone,
			List<String> inferred) {
		try {
			TemporalAccessor parsed = formatter.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
			if (parsed instanceof ZonedDateTime zoned) {
				return Optional.of(zoned.toInstant());
			}
			inferred.add(ResolvedTime.INFERRED_ZONE);
			return Optional.of(((LocalDateTime) parsed).atZone(zone).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
