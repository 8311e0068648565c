package io.logpipe.parser.parse.enrich;

import org.junit.jupiter.api.Test;

import io.logpipe.common.event.LogDocument;

import static org.assertj.core.api.Assertions.assertThat;

class UserAgentParserTests {

	private final UserAgentParser parser = new UserAgentParser();

	@Test
	void readsBrowserOsAndDevice() {
		LogDocument.UserAgent agent = this.parser.parse(
				"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1");

		assertThat(agent.name()).isEqualTo("Mobile Safari");
		assertThat(agent.version()).isEqualTo("17.1");
		assertThat(agent.os().name()).isEqualTo("iOS");
		assertThat(agent.device().name()).isEqualTo("iPhone");
	}

	@Test
	void keepsTheOriginalOfAnUnknownAgent() {
		LogDocument.UserAgent agent = this.parser.parse("-- --");

		assertThat(agent.original()).isEqualTo("-- --");
		assertThat(agent.name()).isNull();
		assertThat(agent.os()).isNull();
	}

}
