package io.logpipe.indexer.search;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import io.logpipe.testsupport.RealElasticsearch;
import io.logpipe.testsupport.RealKafka;

/**
 * The indexer on a random port with three tenants' keys, reading its own topic: the
 * search and tail tests share this one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "indexer.parsed-topic=" + ReadSideIT.TOPIC,
		"indexer.metrics-topic=read-it-metrics", "indexer.dead-letter-topic=read-it-dlq",
		"spring.kafka.consumer.group-id=read-it", "logpipe.auth.keys[0].sha256=" + ReadSideIT.ACME_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=" + ReadSideIT.ACME, "logpipe.auth.keys[1].sha256=" + ReadSideIT.GLOBEX_KEY_SHA256,
		"logpipe.auth.keys[1].tenant=" + ReadSideIT.GLOBEX,
		"logpipe.auth.keys[2].sha256=" + ReadSideIT.EMPTY_KEY_SHA256, "logpipe.auth.keys[2].tenant=readempty",
		"indexer.tail.max-per-tenant=2", "indexer.tail.queue-capacity=5", "indexer.tail.heartbeat=1s" })
@RealKafka
@RealElasticsearch
public @interface ReadSideIT {

	String TOPIC = "read-it-parsed";

	String ACME = "readacme";

	String GLOBEX = "readglobex";

	String ACME_KEY = "acme-key";

	String ACME_KEY_SHA256 = "afacab3575137afa4e00d9cbcafcb14c9ae25f779d964eb0ea5b2c4eb5dfd163";

	String GLOBEX_KEY = "globex-key";

	String GLOBEX_KEY_SHA256 = "f2a455b59b858a04c51108416af2042203cb6ac35fa4141fba4148bc856e78d4";

	String EMPTY_KEY = "empty-key";

	String EMPTY_KEY_SHA256 = "9bf0c74a551ed61c6f4222ae3dac39b66b4ef1bbb9e1c4162001d440285d5c26";

}
