package io.logpipe.ingest.protocol.otlp;

import java.util.Locale;

/**
 * The two encodings of OTLP/HTTP. The answer is written in the encoding of the request,
 * as the specification asks: the OpenTelemetry Collector matches the response
 * {@code Content-Type} exactly and fails the export when a 2xx body does not parse.
 */
enum OtlpEncoding {

	PROTOBUF("application/x-protobuf"), JSON("application/json");

	private final String mediaType;

	OtlpEncoding(String mediaType) {
		this.mediaType = mediaType;
	}

	String mediaType() {
		return this.mediaType;
	}

	/** JSON for {@code application/json}, protobuf for anything else (its default). */
	static OtlpEncoding of(String contentType) {
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
			return JSON;
		}
		return PROTOBUF;
	}

}
