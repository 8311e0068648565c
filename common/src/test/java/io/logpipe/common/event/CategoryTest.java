package io.logpipe.common.event;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTest {

	@Test
	void parsesWireNamesInAnyCase() {
		assertThat(Category.parse(" Security ")).contains(Category.SECURITY);
		assertThat(Category.parse("app")).contains(Category.APP);
		assertThat(Category.parse("audit")).isEmpty();
		assertThat(Category.parse(null)).isEmpty();
	}

	@Test
	void partitionKeyKeepsOneServicesLinesTogether() {
		RawLogRecord record = new RawLogRecord(1, "id", "acme", java.time.Instant.EPOCH, Category.APP, "native",
				new Source("checkout", null, null, null), "m", null, null);

		assertThat(record.partitionKey()).isEqualTo("acme/checkout");
	}

}
