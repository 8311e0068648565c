package io.logpipe.indexer.tail;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.indexer.search.SearchException;
import io.logpipe.indexer.search.SearchProblem;
import io.logpipe.indexer.search.Tenant;

/**
 * The open tails of this instance, by tenant, and the fan-out of each parsed document to
 * those of its tenant whose filters it passes.
 *
 * <p>
 * Concurrency: {@link #open} and {@link #close} run on request threads and are
 * serialized, so the limits hold exactly; {@link #publish} runs on the tail's consumer
 * thread and reads the copy-on-write lists without a lock. A document is parsed only when
 * its tenant has a tail open.
 */
@Component
class TailHub {

	private final Map<String, List<TailSubscriber>> byTenant = new ConcurrentHashMap<>();

	private final TailProperties properties;

	private final ObjectMapper json;

	private int open;

	TailHub(TailProperties properties, EventCodec codec) {
		this.properties = properties;
		this.json = codec.mapper();
	}

	/**
	 * Registers a tail.
	 * @throws SearchException 429 when the tenant or this instance is at its limit
	 */
	synchronized void open(TailSubscriber subscriber) {
		String tenant = subscriber.tenant().id();
		List<TailSubscriber> tenantTails = this.byTenant.getOrDefault(tenant, List.of());
		if (tenantTails.size() >= this.properties.maxPerTenant()) {
			throw new SearchException(SearchProblem.TOO_MANY_TAILS, "tenant '" + tenant + "' has " + tenantTails.size()
					+ " live tails open, the most allowed (indexer.tail.max-per-tenant)");
		}
		if (this.open >= this.properties.maxPerInstance()) {
			throw new SearchException(SearchProblem.TOO_MANY_TAILS, "this indexer instance has " + this.open
					+ " live tails open, the most allowed" + " (indexer.tail.max-per-instance); retry later");
		}
		this.byTenant.computeIfAbsent(tenant, (t) -> new CopyOnWriteArrayList<>()).add(subscriber);
		this.open++;
	}

	synchronized void close(TailSubscriber subscriber) {
		subscriber.close();
		List<TailSubscriber> tenantTails = this.byTenant.get(subscriber.tenant().id());
		if (tenantTails != null && tenantTails.remove(subscriber)) {
			this.open--;
			if (tenantTails.isEmpty()) {
				this.byTenant.remove(subscriber.tenant().id());
			}
		}
	}

	synchronized int openTails() {
		return this.open;
	}

	boolean isIdle() {
		return this.byTenant.isEmpty();
	}

	/**
	 * Offers a parsed document to the tails of its tenant.
	 * @param key the record's key, {@code <tenant>/<service>} as ingest-api writes it:
	 * documents of tenants without a tail are skipped without parsing them
	 */
	void publish(String key, byte[] document) {
		if (this.byTenant.isEmpty() || document == null) {
			return;
		}
		int slash = (key != null) ? key.indexOf('/') : -1;
		if (slash > 0 && !this.byTenant.containsKey(key.substring(0, slash))) {
			return;
		}
		JsonNode parsed;
		try {
			parsed = this.json.readTree(document);
		}
		catch (JacksonException ex) {
			return; // the indexer dead-letters it; a tail shows only documents
		}
		// The tenant is the document's own organization.id, not the key's.
		JsonNode tenant = parsed.at("/organization/id");
		List<TailSubscriber> tails = tenant.isString() ? this.byTenant.get(tenant.asString()) : null;
		if (tails == null) {
			return;
		}
		for (TailSubscriber tail : tails) {
			if (tail.filter().matches(parsed) && tail.text().matches(parsed)) {
				tail.offer(document);
			}
		}
	}

}
