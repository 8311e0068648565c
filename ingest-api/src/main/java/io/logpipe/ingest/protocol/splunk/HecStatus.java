package io.logpipe.ingest.protocol.splunk;

import org.springframework.http.HttpStatus;

/**
 * The HEC status codes and texts ingest answers with, as Splunk's documentation lists
 * them; clients read the HTTP status and {@code code}.
 */
enum HecStatus {

	SUCCESS(0, "Success", HttpStatus.OK),

	TOKEN_REQUIRED(2, "Token is required", HttpStatus.UNAUTHORIZED),

	INVALID_AUTHORIZATION(3, "Invalid authorization", HttpStatus.UNAUTHORIZED),

	INVALID_TOKEN(4, "Invalid token", HttpStatus.FORBIDDEN),

	NO_DATA(5, "No data", HttpStatus.BAD_REQUEST),

	INVALID_DATA_FORMAT(6, "Invalid data format", HttpStatus.BAD_REQUEST),

	SERVER_BUSY(9, "Server is busy", HttpStatus.SERVICE_UNAVAILABLE),

	DATA_CHANNEL_MISSING(10, "Data channel is missing", HttpStatus.BAD_REQUEST),

	INVALID_DATA_CHANNEL(11, "Invalid data channel", HttpStatus.BAD_REQUEST),

	EVENT_FIELD_REQUIRED(12, "Event field is required", HttpStatus.BAD_REQUEST),

	EVENT_FIELD_BLANK(13, "Event field cannot be blank", HttpStatus.BAD_REQUEST),

	INDEXED_FIELDS(15, "Error in handling indexed fields", HttpStatus.BAD_REQUEST),

	HEALTHY(17, "HEC is healthy", HttpStatus.OK);

	private final int code;

	private final String text;

	private final HttpStatus httpStatus;

	HecStatus(int code, String text, HttpStatus httpStatus) {
		this.code = code;
		this.text = text;
		this.httpStatus = httpStatus;
	}

	int code() {
		return this.code;
	}

	String text() {
		return this.text;
	}

	HttpStatus httpStatus() {
		return this.httpStatus;
	}

}
