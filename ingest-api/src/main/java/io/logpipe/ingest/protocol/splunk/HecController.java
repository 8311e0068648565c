package io.logpipe.ingest.protocol.splunk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.ingest.auth.AuthenticatedClient;
import io.logpipe.ingest.auth.CredentialScheme;
import io.logpipe.ingest.auth.Credentials;
import io.logpipe.ingest.body.Utf8;
import io.logpipe.ingest.protocol.Protocol;
import io.logpipe.ingest.protocol.ProtocolEvent;
import io.logpipe.ingest.protocol.ProtocolIngest;
import io.logpipe.ingest.protocol.ProtocolItem;
import io.logpipe.ingest.protocol.RejectionPolicy;

/**
 * Splunk's HTTP Event Collector: {@code /services/collector} and
 * {@code /services/collector/event} (JSON events), {@code /services/collector/raw} (text
 * lines, with a channel), and {@code /services/collector/health}. Authorization is
 * {@code Splunk <key>}, or Basic with the key as password (Fluent Bit's
 * {@code http_user}/{@code http_passwd}).
 *
 * <p>
 * The answer is {@code 200 {"text":"Success","code":0}} once Kafka acknowledged every
 * event, never with an {@code ackId}: indexer acknowledgement is not offered, and Vector
 * would otherwise poll {@code /services/collector/ack} and drop events it never sees
 * acknowledged. Query parameters are read from the query string itself, never through the
 * servlet parameters, because splunk-logging sends its JSON as
 * {@code application/x-www-form-urlencoded} and Tomcat would consume the body.
 */
@Hidden
@RestController
@Credentials({ CredentialScheme.SPLUNK, CredentialScheme.BASIC })
class HecController {

	static final String CHANNEL_HEADER = "X-Splunk-Request-Channel";

	private final ProtocolIngest ingest;

	private final HecEventParser parser;

	private final HecResponses responses;

	HecController(ProtocolIngest ingest, EventCodec codec) {
		this.ingest = ingest;
		this.parser = new HecEventParser(codec.mapper());
		this.responses = new HecResponses(codec.mapper());
	}

	@PostMapping({ "/services/collector", "/services/collector/event", "/services/collector/event/1.0" })
	ResponseEntity<String> events(AuthenticatedClient client, HttpServletRequest request,
			HttpServletResponse response) {
		channel(request, false);
		this.ingest.ingest(Protocol.SPLUNK_HEC, client, request, response, RejectionPolicy.WHOLE_REQUEST,
				this.parser::parse);
		return this.responses.answer(HecStatus.SUCCESS);
	}

	@PostMapping({ "/services/collector/raw", "/services/collector/raw/1.0" })
	ResponseEntity<String> raw(AuthenticatedClient client, HttpServletRequest request, HttpServletResponse response) {
		channel(request, true);
		MultiValueMap<String, String> query = query(request);
		Map<String, Object> splunk = new LinkedHashMap<>();
		for (String name : new String[] { "source", "sourcetype", "index" }) {
			if (query.getFirst(name) != null) {
				splunk.put(name, query.getFirst(name));
			}
		}
		Map<String, Object> fields = splunk.isEmpty() ? Map.of() : Map.of("splunk", splunk);
		String host = query.getFirst("host");
		this.ingest.ingest(Protocol.SPLUNK_HEC, client, request, response, RejectionPolicy.WHOLE_REQUEST,
				(body) -> lines(body, fields, host));
		return this.responses.answer(HecStatus.SUCCESS);
	}

	/** No key needed, as Splunk's; Vector checks it before it sends. */
	@GetMapping({ "/services/collector/health", "/services/collector/health/1.0" })
	ResponseEntity<String> health() {
		return this.responses.answer(HecStatus.HEALTHY);
	}

	private static List<ProtocolItem> lines(byte[] body, Map<String, Object> fields, String host) {
		List<ProtocolItem> events = new ArrayList<>();
		String text = Utf8.decode(body, 0, body.length)
			.orElseThrow(() -> new HecException(HecStatus.INVALID_DATA_FORMAT, "the body is not valid UTF-8"));
		for (String line : text.split("\r?\n")) {
			if (!line.isBlank()) {
				events.add(new ProtocolEvent(line, fields, null, host, null, null, null, null,
						line.getBytes(StandardCharsets.UTF_8).length));
			}
		}
		if (events.isEmpty()) {
			throw new HecException(HecStatus.NO_DATA, "the body holds no line");
		}
		return events;
	}

	/**
	 * The request's data channel: a GUID in {@code X-Splunk-Request-Channel} or
	 * {@code ?channel=}; required where Splunk requires it.
	 */
	private static void channel(HttpServletRequest request, boolean required) {
		String channel = request.getHeader(CHANNEL_HEADER);
		if (channel == null) {
			channel = query(request).getFirst("channel");
		}
		if (channel == null || channel.isBlank()) {
			if (required) {
				throw new HecException(HecStatus.DATA_CHANNEL_MISSING,
						"give a channel GUID in " + CHANNEL_HEADER + " or ?channel=");
			}
			return;
		}
		try {
			UUID.fromString(channel.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new HecException(HecStatus.INVALID_DATA_CHANNEL, "the channel '" + channel + "' is not a GUID");
		}
	}

	private static MultiValueMap<String, String> query(HttpServletRequest request) {
		String query = request.getQueryString();
		MultiValueMap<String, String> raw = UriComponentsBuilder.newInstance()
			.query((query != null) ? query : "")
			.build()
			.getQueryParams();
		MultiValueMap<String, String> decoded = new org.springframework.util.LinkedMultiValueMap<>();
		raw.forEach(
				(name, values) -> values.forEach((value) -> decoded.add(UriUtils.decode(name, StandardCharsets.UTF_8),
						(value != null) ? UriUtils.decode(value, StandardCharsets.UTF_8) : "")));
		return decoded;
	}

}
