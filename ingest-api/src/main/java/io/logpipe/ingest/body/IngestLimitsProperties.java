package io.logpipe.ingest.body;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much one request may carry. Every limit is enforced while reading, so that no
 * request makes ingest hold more than these sizes in memory.
 *
 * @param maxBodySize the request body, both as sent and after {@code Content-Encoding} is
 * decoded (so a compression bomb stops here)
 * @param maxEventSize one event: a JSON array element, an NDJSON or text line
 * @param maxEvents events in one request
 * @param maxFieldsPerEvent fields of one event, counted at every nesting level
 * @param maxDepth nesting depth of one event (a flat object is 1)
 */
@Validated
@ConfigurationProperties("ingest.limits")
public record IngestLimitsProperties(@NotNull @DefaultValue("10MB") DataSize maxBodySize,
		@NotNull @DefaultValue("1MB") DataSize maxEventSize, @Min(1) @DefaultValue("10000") int maxEvents,
		@Min(1) @DefaultValue("1000") int maxFieldsPerEvent, @Min(1) @Max(500) @DefaultValue("20") int maxDepth) {

	public static final String PREFIX = "ingest.limits.";

}
