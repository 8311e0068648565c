package io.logpipe.common.codec;

import java.time.Instant;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;

/**
 * The property writes the codec's writers share: each leaves the property out when its
 * value is {@code null}, as the mapper's {@code NON_NULL} inclusion did.
 */
final class Json {

	private Json() {
	}

	static void string(JsonGenerator out, SerializableString name, String value) {
		if (value != null) {
			out.writeName(name);
			out.writeString(value);
		}
	}

	/** An instant as {@link IsoInstants} writes it for the mapper. */
	static void instant(JsonGenerator out, SerializableString name, Instant value) {
		if (value != null) {
			out.writeName(name);
			out.writeString(IsoInstants.format(value));
		}
	}

}
