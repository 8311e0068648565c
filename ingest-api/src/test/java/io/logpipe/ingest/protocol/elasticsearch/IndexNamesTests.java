package io.logpipe.ingest.protocol.elasticsearch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IndexNamesTests {

	@Test
	void readsServiceAndEnvironmentFromADataStreamName() {
		assertThat(IndexNames.of("logs-checkout-prod")).isEqualTo(new IndexNames("checkout", "prod"));
		assertThat(IndexNames.of("logs-nginx.access-default")).isEqualTo(new IndexNames("nginx.access", null));
		assertThat(IndexNames.of("logs-generic-default")).isEqualTo(new IndexNames(null, null));
	}

	@Test
	void dropsTheVersionOrDateShippersAppendToOtherNames() {
		assertThat(IndexNames.of("filebeat-8.19.0")).isEqualTo(new IndexNames("filebeat", null));
		assertThat(IndexNames.of("logstash-2026.12.01-000001")).isEqualTo(new IndexNames("logstash", null));
		assertThat(IndexNames.of("my-app")).isEqualTo(new IndexNames("my-app", null));
		assertThat(IndexNames.of("Syslog")).isEqualTo(new IndexNames("syslog", null));
	}

}
