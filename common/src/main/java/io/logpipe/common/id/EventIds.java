package io.logpipe.common.id;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.NameBasedGenerator;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Event ids. An id is assigned once at ingest and becomes the Elasticsearch {@code _id},
 * so a record delivered twice is stored once.
 */
public final class EventIds {

	/**
	 * Namespace of derived ids (a fixed, random UUID; changing it would change every
	 * derived id).
	 */
	private static final UUID IDEMPOTENCY_NAMESPACE = UUID.fromString("6f0d2a52-6d43-4a8e-9a3e-1c4f3a0f6b1e");

	private static final TimeBasedEpochGenerator TIME_ORDERED = Generators.timeBasedEpochGenerator();

	private static final NameBasedGenerator DERIVED = Generators.nameBasedGenerator(IDEMPOTENCY_NAMESPACE);

	private EventIds() {
	}

	/** A new time-ordered id (UUIDv7, RFC 9562): ids sort by the time they were made. */
	public static String newId() {
		return TIME_ORDERED.generate().toString();
	}

	/**
	 * The id of the event at {@code position} in a request the client marked with
	 * {@code idempotencyKey}: a retried request gets the same ids back (UUIDv5, RFC
	 * 9562).
	 */
	public static String derived(String tenant, String idempotencyKey, int position) {
		String name = tenant + '\u0000' + idempotencyKey + '\u0000' + position;
		return DERIVED.generate(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
