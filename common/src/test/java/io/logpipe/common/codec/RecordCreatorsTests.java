package io.logpipe.common.codec;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordCreatorsTests {

	private final JsonMapper mapper = JsonMapper.builder().addModule(RecordCreators.module()).build();

	@Test
	void bindsEveryComponentOfARecordIncludingNestedRecordsAndMaps() {
		Order order = this.mapper
			.readValue("{\"id\":\"o-1\",\"count\":3,\"customer\":{\"name\":\"Ann\"},\"extra\":{\"a\":1}}", Order.class);

		assertThat(order).isEqualTo(new Order("o-1", 3, new Customer("Ann"), Map.of("a", 1)));
	}

	@Test
	void reportsAConstructorsFailureAsJacksonDoesWithoutTheModule() {
		String json = "{\"id\":\"o-1\",\"count\":-1}";

		assertThatThrownBy(() -> this.mapper.readValue(json, Order.class))
			.isInstanceOf(ValueInstantiationException.class)
			.hasMessageContaining("count must not be negative");
		assertThatThrownBy(() -> JsonMapper.builder().build().readValue(json, Order.class))
			.isInstanceOf(ValueInstantiationException.class)
			.hasMessageContaining("count must not be negative");
	}

	public record Customer(String name) {
	}

	public record Order(String id, int count, Customer customer, Map<String, Object> extra) {

		public Order {
			if (count < 0) {
				throw new IllegalArgumentException("count must not be negative");
			}
		}

	}

}
