package io.logpipe.ingest.protocol.elasticsearch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How ingest presents itself to Elasticsearch clients.
 *
 * @param version the version {@code GET /} reports. Shippers choose their behaviour by
 * it: 8 or newer makes rsyslog and Logstash use the modern bulk format; a 9.x makes
 * Logstash look for index templates some of its releases do not ship. 8.19.0 suits every
 * current shipper.
 * @param clusterName the cluster name probes report
 */
@Validated
@ConfigurationProperties("ingest.protocols.elasticsearch")
public record ElasticsearchProperties(
		@NotBlank @Pattern(regexp = "[89]\\.[0-9]{1,3}\\.[0-9]{1,3}",
				message = "must be an 8.x.y or 9.x.y version") @DefaultValue("8.19.0") String version,
		@NotBlank @DefaultValue("logpipe") String clusterName) {

}
