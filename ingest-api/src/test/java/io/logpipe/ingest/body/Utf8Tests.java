package io.logpipe.ingest.body;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Tests {

	@Test
	void decodesValidUtf8IncludingASentReplacementCharacter() {
		byte[] bytes = "x \u00e9 \ud83d\ude00 \ufffd".getBytes(StandardCharsets.UTF_8);

		assertThat(Utf8.decode(bytes, 0, bytes.length)).hasValue("x \u00e9 \ud83d\ude00 \ufffd");
		assertThat(Utf8.decode(bytes, 0, 1)).hasValue("x");
	}

	@Test
	void refusesBytesThatAreNotUtf8() {
		assertThat(Utf8.decode(new byte[] { 'a', (byte) 0xff }, 0, 2)).isEmpty();
		assertThat(Utf8.decode(new byte[] { (byte) 0xc3, 0x28 }, 0, 2)).isEmpty();
		// An encoded surrogate half is not UTF-8 either.
		assertThat(Utf8.decode(new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, 0, 3)).isEmpty();
		// A multi-byte character cut by the end of the range.
		byte[] cut = "\u00e9".getBytes(StandardCharsets.UTF_8);
		assertThat(Utf8.decode(cut, 0, 1)).isEmpty();
	}

}
