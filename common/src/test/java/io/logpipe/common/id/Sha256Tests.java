package io.logpipe.common.id;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Tests {

	@Test
	void hashesUtf8TextAsTheStandardVectorsSay() {
		// FIPS 180-2 test vector
		assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Sha256.hex("abc", 4)).isEqualTo("ba7816bf");
		assertThat(Sha256.digest("abc")).hasSize(32);
	}

}
