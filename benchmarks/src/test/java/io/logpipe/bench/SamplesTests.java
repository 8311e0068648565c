package io.logpipe.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void sizedEventsHaveTheirSizeAndSpreadOverTheServices() {
		String body = Samples.sizedBatch("scaleabcx", 3, 1_000, 12, 200);

		JsonNode events = this.json.readTree(body);
		assertThat(events).hasSize(12);
		Set<String> services = new HashSet<>();
		for (JsonNode event : events) {
			assertThat(this.json.writeValueAsString(event)).hasSize(200);
			assertThat(event.path("message").asString()).startsWith("order ");
			services.add(event.path("service").asString());
		}
		assertThat(services).containsExactlyInAnyOrder("scaleabcx0", "scaleabcx1", "scaleabcx2");
	}

	@Test
	void largeEventsDoNotRepeatEachOther() {
		JsonNode events = this.json.readTree(Samples.sizedBatch("s", 1, 0, 50, 2048));

		List<String> paddings = new ArrayList<>();
		for (JsonNode event : events) {
			assertThat(this.json.writeValueAsString(event)).hasSize(2048);
			paddings.add(event.path("message").asString().substring(20, 120));
		}
		assertThat(new HashSet<>(paddings)).hasSize(50);
	}

}
