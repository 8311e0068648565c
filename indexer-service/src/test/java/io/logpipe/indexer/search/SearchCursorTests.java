package io.logpipe.indexer.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import io.logpipe.service.problem.ProblemException;

class SearchCursorTests {

	@Test
	void aCursorReadsBackAsTheSortValuesItWasMadeOf() {
		SearchCursor cursor = new SearchCursor(1_795_000_000_123L, "01a20086-4829-7a5d-a89a-344c8846ea9d");

		SearchCursor read = SearchCursor.decode(cursor.encode());

		assertThat(read).isEqualTo(cursor);
		assertThat(read.searchAfter()).containsExactly(1_795_000_000_123L, "01a20086-4829-7a5d-a89a-344c8846ea9d");
	}

	@Test
	void refusesWhatIsNotACursor() {
		for (String text : List.of("not base64!", "bm9wZQ", "OmlkLW9ubHk", "eDppZA")) {
			assertThatExceptionOfType(ProblemException.class).as(text)
				.isThrownBy(() -> SearchCursor.decode(text))
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(SearchProblem.INVALID_PARAMETER));
		}
	}

}
