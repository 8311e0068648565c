package io.logpipe.ingest.event;

import org.springframework.http.MediaType;

/** The body formats of {@code POST /api/v1/logs}, by {@code Content-Type}. */
public enum BodyFormat {

	/** One JSON event object, or an array of them. */
	JSON(MediaType.APPLICATION_JSON),

	/** One JSON event object per line. */
	NDJSON(MediaType.APPLICATION_NDJSON),

	/** One event per line; the line becomes the event's {@code message}. */
	TEXT(MediaType.TEXT_PLAIN);

	private final MediaType mediaType;

	BodyFormat(MediaType mediaType) {
		this.mediaType = mediaType;
	}

	/** The format of a {@code Content-Type} the endpoint's mapping already accepted. */
	public static BodyFormat of(String contentType) {
		MediaType type = MediaType.parseMediaType(contentType);
		for (BodyFormat format : values()) {
			if (format.mediaType.isCompatibleWith(type)) {
				return format;
			}
		}
		return JSON;
	}

}
