package io.logpipe.common.id;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

	@Test
	void newIdsAreVersion7AndSortByCreation() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(EventIds.newId());
		}

		assertThat(ids).allSatisfy((id) -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
		assertThat(ids).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void derivedIdsAreStableForTheSameTenantKeyAndPosition() {
		String first = EventIds.derived("acme", "request-42", 0);

		assertThat(EventIds.derived("acme", "request-42", 0)).isEqualTo(first);
		assertThat(UUID.fromString(first).version()).isEqualTo(5);
		assertThat(EventIds.derived("acme", "request-42", 1)).isNotEqualTo(first);
		assertThat(EventIds.derived("other", "request-42", 0)).as("tenants cannot collide").isNotEqualTo(first);
	}

}
