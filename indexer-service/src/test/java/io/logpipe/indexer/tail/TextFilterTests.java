package io.logpipe.indexer.tail;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TextFilterTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyWordMustBeInTheMessageIgnoringCase() {
		TextFilter filter = TextFilter.of("Payment  \"declined\"");

		assertThat(filter.matches(json.readTree("{\"message\":\"payment DECLINED for order 7\"}"))).isTrue();
		assertThat(filter.matches(json.readTree("{\"message\":\"payment accepted\"}"))).isFalse();
		assertThat(filter.matches(json.readTree("{\"service\":{\"name\":\"payment declined\"}}"))).isFalse();
	}

	@Test
	void noWordsMatchEverything() {
		assertThat(TextFilter.of("  ").matches(json.readTree("{}"))).isTrue();
		assertThat(TextFilter.of(null).words()).isEmpty();
	}

}
