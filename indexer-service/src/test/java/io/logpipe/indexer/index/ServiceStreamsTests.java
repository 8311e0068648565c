package io.logpipe.indexer.index;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.logpipe.indexer.IndexerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.mockito.Mockito.mock;

class ServiceStreamsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private Instant now = Instant.parse("2026-12-01T12:00:00Z");

	/** Answers {@link #now} to {@code instant()}, the one method the bound asks. */
	private final Clock clock = mock(Clock.class, (invocation) -> this.now);

	/**
	 * What Elasticsearch lists, per tenant; tests add what "another instance" created.
	 */
	private final Map<String, Set<String>> elasticsearch = Map.of("acme", new HashSet<>(), "globex", new HashSet<>());

	private boolean elasticsearchDown;

	private int readings;

	private final ServiceStreams streams = new ServiceStreams(this::listed,
			new IndexingMetrics(this.registry, this.clock), this.clock, properties(2, Duration.ofMinutes(1)));

	@Test
	void admitsNewServicesUpToTheBoundThenSendsFurtherOnesToTheTenantsOverflowStream() throws IOException {
		assertThat(this.streams.dataStream("checkout", "acme")).isEqualTo("logs-checkout-acme");
		assertThat(this.streams.dataStream("cart", "acme")).isEqualTo("logs-cart-acme");
		assertThat(this.streams.dataStream("search", "acme")).isEqualTo("logs-logpipe.overflow-acme");
		assertThat(this.streams.dataStream("users", "acme")).isEqualTo("logs-logpipe.overflow-acme");
		assertThat(this.streams.dataStream("checkout", "acme")).isEqualTo("logs-checkout-acme");

		assertThat(overflowed("acme")).isEqualTo(2);
	}

	@Test
	void eachTenantHasABoundOfItsOwn() throws IOException {
		this.streams.dataStream("checkout", "acme");
		this.streams.dataStream("cart", "acme");
		this.streams.dataStream("search", "acme");

		assertThat(this.streams.dataStream("checkout", "globex")).isEqualTo("logs-checkout-globex");
		assertThat(this.streams.dataStream("cart", "globex")).isEqualTo("logs-cart-globex");
		assertThat(overflowed("globex")).isZero();
	}

	@Test
	void streamsElasticsearchAlreadyHasCountSoTheBoundHoldsAcrossRestarts() throws IOException {
		this.elasticsearch.get("acme").addAll(Set.of("logs-checkout-acme", "logs-cart-acme", "logs-users-acme"));

		assertThat(this.streams.dataStream("search", "acme")).isEqualTo("logs-logpipe.overflow-acme");
		// a bound lowered below what a tenant has keeps its streams in use
		assertThat(this.streams.dataStream("users", "acme")).isEqualTo("logs-users-acme");
	}

	@Test
	void readsElasticsearchAgainAfterTheRefreshAndKeepsWhatItAdmittedMeanwhile() throws IOException {
		this.streams.dataStream("checkout", "acme");
		// another indexer instance created one stream; this one does not know yet
		this.elasticsearch.get("acme").add("logs-cart-acme");
		assertThat(this.streams.dataStream("users", "acme")).isEqualTo("logs-users-acme");

		this.elasticsearch.get("acme").add("logs-checkout-acme");
		this.now = this.now.plus(Duration.ofMinutes(1));

		// checkout's first bulk may not have run yet: it still counts, and cart, and
		// users
		assertThat(this.streams.dataStream("search", "acme")).isEqualTo("logs-logpipe.overflow-acme");
		assertThat(this.streams.dataStream("cart", "acme")).isEqualTo("logs-cart-acme");
	}

	@Test
	void keepsTheLastReadingWhileElasticsearchCannotBeAskedAgain() throws IOException {
		this.streams.dataStream("checkout", "acme");
		this.elasticsearchDown = true;
		this.now = this.now.plus(Duration.ofMinutes(2));

		assertThat(this.streams.dataStream("checkout", "acme")).isEqualTo("logs-checkout-acme");
		assertThat(this.streams.dataStream("cart", "acme")).isEqualTo("logs-cart-acme");
		assertThat(this.streams.dataStream("search", "acme")).isEqualTo("logs-logpipe.overflow-acme");
	}

	@Test
	void aBatchDecidesEachServiceOnceAndCountsEveryOverflowedDocument() throws IOException {
		ServiceStreams.Batch batch = this.streams.forBatch();
		assertThat(batch.dataStream("checkout", "acme")).isEqualTo("logs-checkout-acme");
		assertThat(batch.dataStream("cart", "acme")).isEqualTo("logs-cart-acme");
		assertThat(batch.dataStream("search", "acme")).isEqualTo("logs-logpipe.overflow-acme");
		this.now = this.now.plus(Duration.ofMinutes(2));

		assertThat(batch.dataStream("search", "acme")).isEqualTo("logs-logpipe.overflow-acme");
		assertThat(batch.dataStream("checkout", "acme")).isEqualTo("logs-checkout-acme");
		assertThat(this.readings).as("the batch asked the tenant's view once per service, not per document")
			.isEqualTo(1);
		assertThat(overflowed("acme")).isEqualTo(2);

		assertThat(this.streams.forBatch().dataStream("checkout", "acme")).isEqualTo("logs-checkout-acme");
		assertThat(this.readings).as("the next batch sees the refresh").isEqualTo(2);
	}

	@Test
	void failsTheDocumentWhenTheTenantsStreamsWereNeverRead() {
		this.elasticsearchDown = true;

		assertThatIOException().isThrownBy(() -> this.streams.dataStream("checkout", "acme"))
			.withMessageContaining("acme");
		assertThat(overflowed("acme")).isZero();
	}

	private Set<String> listed(String tenant) throws IOException {
		this.readings++;
		if (this.elasticsearchDown) {
			throw new IOException("Connection refused");
		}
		return Set.copyOf(this.elasticsearch.get(tenant));
	}

	private double overflowed(String tenant) {
		Counter counter = this.registry.find("logpipe.indexer.overflow.documents").tag("tenant", tenant).counter();
		return (counter != null) ? counter.count() : 0;
	}

	static IndexerProperties properties(int maxServices, Duration refresh) {
		return new Binder(new MapConfigurationPropertySource(Map.of("indexer.tenants.max-services-per-tenant",
				String.valueOf(maxServices), "indexer.tenants.refresh", refresh.toString())))
			.bindOrCreate("indexer", IndexerProperties.class);
	}

}
