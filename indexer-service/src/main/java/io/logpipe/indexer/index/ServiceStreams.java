package io.logpipe.indexer.index;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.logpipe.indexer.IndexerProperties;

/**
 * Chooses a document's data stream and holds each tenant to
 * {@code indexer.tenants.max-services-per-tenant} of them (issue #12: one tenant cannot
 * exhaust the cluster). A service whose stream the tenant already has keeps it; a new one
 * gets its own stream while the tenant is under the bound, and otherwise goes to the
 * tenant's overflow stream ({@link DataStreamNames#overflow}), counted in
 * {@link IndexingMetrics#overflowed}.
 *
 * <p>
 * What a tenant has is Elasticsearch's list ({@link TenantDataStreams}), read on a
 * tenant's first document and again every {@code indexer.tenants.refresh}, plus the
 * streams this instance admitted since the last reading (their first bulk may not have
 * created them yet). Other instances admit on their own view, so the bound can be
 * overshot by what they created within one refresh. While Elasticsearch cannot be asked,
 * the last reading stands; with none yet the document's batch fails as a whole and is
 * redelivered, as it would when the bulk itself cannot reach Elasticsearch.
 *
 * <p>
 * Called by every consumer thread; each tenant's view is guarded by its own lock, held
 * for the reading too, so one slow reading holds back only that tenant's documents. A
 * listener asks once per batch for each service and tenant ({@link #forBatch}), not once
 * per document: the names, the lock and the clock cost little each, but per document they
 * were a share of the indexer's CPU. Tenants are the ones the API keys name (ingest-api
 * sets {@code organization.id} from the key), so the map of views is as bounded as the
 * configuration.
 */
@Component
public class ServiceStreams {

	private static final Logger logger = LoggerFactory.getLogger(ServiceStreams.class);

	private final TenantDataStreams streams;

	private final IndexingMetrics metrics;

	private final Clock clock;

	private final int maxServices;

	private final Duration refresh;

	private final ConcurrentMap<String, TenantView> tenants = new ConcurrentHashMap<>();

	ServiceStreams(TenantDataStreams streams, IndexingMetrics metrics, Clock clock, IndexerProperties properties) {
		this.streams = streams;
		this.metrics = metrics;
		this.clock = clock;
		this.maxServices = properties.tenants().maxServicesPerTenant();
		this.refresh = properties.tenants().refresh();
	}

	/**
	 * {@code logs-<service>-<tenant>}, or the tenant's overflow stream when that would be
	 * one stream too many.
	 * @throws IOException when the tenant's streams were never read and cannot be now
	 */
	public String dataStream(String service, String tenant) throws IOException {
		return decide(service, tenant).stream();
	}

	private Decision decide(String service, String tenant) throws IOException {
		String stream = DataStreamNames.of(service, tenant);
		TenantView view = this.tenants.computeIfAbsent(DataStreamNames.part(tenant), (part) -> new TenantView());
		if (view.admits(stream, tenant)) {
			return new Decision(stream, false);
		}
		this.metrics.overflowed(tenant);
		return new Decision(DataStreamNames.overflow(tenant), true);
	}

	/**
	 * A view for one batch: each (service, tenant) pair of it is decided once, and every
	 * document of the pair goes where the first went (the decision can only change at a
	 * refresh, and one batch may as well see one).
	 */
	public Batch forBatch() {
		return new Batch();
	}

	/** The decisions of one batch; used by one thread. */
	public final class Batch {

		/** tenant, then service: no key object per lookup. */
		private final Map<String, Map<String, Decision>> decided = new HashMap<>();

		private Batch() {
		}

		/** As {@link ServiceStreams#dataStream}, decided once per batch. */
		public String dataStream(String service, String tenant) throws IOException {
			Map<String, Decision> services = this.decided.computeIfAbsent(tenant, (t) -> new HashMap<>());
			Decision decision = services.get(service);
			if (decision == null) {
				decision = decide(service, tenant);
				services.put(service, decision);
			}
			else if (decision.overflow()) {
				// counted per document, as the first was
				ServiceStreams.this.metrics.overflowed(tenant);
			}
			return decision.stream();
		}

	}

	private record Decision(String stream, boolean overflow) {
	}

	/** One tenant's streams as this instance knows them. */
	private final class TenantView {

		private Set<String> known = new HashSet<>();

		/** Admitted since the last reading, which may not have listed them yet. */
		private final Set<String> admitted = new HashSet<>();

		private Instant readAt;

		private boolean warned;

		synchronized boolean admits(String stream, String tenant) throws IOException {
			Instant now = ServiceStreams.this.clock.instant();
			if (this.readAt == null || !now.isBefore(this.readAt.plus(ServiceStreams.this.refresh))) {
				read(tenant, now);
			}
			if (this.known.contains(stream)) {
				return true;
			}
			if (this.known.size() < ServiceStreams.this.maxServices) {
				this.known.add(stream);
				this.admitted.add(stream);
				return true;
			}
			if (!this.warned) {
				// once per refresh: the overflow metric counts the rest
				this.warned = true;
				logger.warn(
						"Tenant {} has {} data streams (indexer.tenants.max-services-per-tenant={}): documents of "
								+ "further services go to {}",
						tenant, this.known.size(), ServiceStreams.this.maxServices, DataStreamNames.overflow(tenant));
			}
			return false;
		}

		private void read(String tenant, Instant now) throws IOException {
			Set<String> listed;
			try {
				listed = ServiceStreams.this.streams.serviceStreams(tenant);
			}
			catch (IOException | RuntimeException ex) {
				if (this.readAt == null) {
					throw new IOException("could not read the data streams of tenant " + tenant, ex);
				}
				logger.warn("Could not read the data streams of tenant {} again, keeping the {} known: {}", tenant,
						this.known.size(), ex.toString());
				this.readAt = now;
				return;
			}
			Set<String> next = new HashSet<>(listed);
			next.addAll(this.admitted);
			this.admitted.clear();
			this.known = next;
			this.readAt = now;
			this.warned = false;
		}

	}

}
