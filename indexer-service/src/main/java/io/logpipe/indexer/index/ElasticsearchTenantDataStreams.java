package io.logpipe.indexer.index;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.logpipe.common.codec.EventCodec;
import io.logpipe.indexer.IndexerProperties;

/**
 * Asks Elasticsearch which data streams match {@code logs-*-<tenant>}: its list is the
 * one every indexer instance shares and the one that outlives their restarts. The
 * question is {@code GET _resolve/index/logs-*-<tenant>}, a core API, rather than
 * {@code GET _data_stream}, which lives in a module that not every distribution carries
 * (the tests' has none). Only the names come back ({@code filter_path}), over the
 * low-level client the bulk writer uses.
 */
@Component
class ElasticsearchTenantDataStreams implements TenantDataStreams {

	private final Rest5Client client;

	private final ObjectMapper json;

	private final RequestOptions options;

	ElasticsearchTenantDataStreams(Rest5Client client, EventCodec codec, IndexerProperties properties) {
		this.client = client;
		this.json = codec.mapper();
		// A frozen node accepts the connection and never answers: wait a bounded time
		// (then ServiceStreams keeps its last reading and the bulk's watchdog sees the
		// freeze), not the client's socket timeout.
		this.options = RequestOptions.DEFAULT.toBuilder()
			.setRequestConfig(
					RequestConfig.custom().setResponseTimeout(Timeout.of(properties.tenants().readTimeout())).build())
			.build();
	}

	@Override
	public Set<String> serviceStreams(String tenant) throws IOException {
		Request request = new Request("GET", "/_resolve/index/" + DataStreamNames.tenantLogsPattern(tenant));
		// hidden ones too: a stream counts against the bound however it is flagged
		request.addParameter("expand_wildcards", "all");
		request.addParameter("filter_path", "data_streams.name");
		request.setOptions(this.options);
		Response response = this.client.performRequest(request);
		int status = response.getStatusCode();
		if (status != 200) {
			// the low-level client throws only for 5xx; a 4xx answer is no list
			EntityUtils.consume(response.getEntity());
			throw new IOException("Elasticsearch answered " + status + " to " + request.getEndpoint());
		}
		JsonNode answer;
		try (InputStream body = response.getEntity().getContent()) {
			answer = this.json.readTree(body);
		}
		String overflow = DataStreamNames.overflow(tenant);
		Set<String> names = new HashSet<>();
		for (JsonNode stream : answer.path("data_streams")) {
			String name = stream.path("name").asString("");
			if (!name.isEmpty() && !name.equals(overflow)) {
				names.add(name);
			}
		}
		return names;
	}

}
