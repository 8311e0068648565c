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
 * The indexer on a random port with five tenants' keys, reading its own topic: the search
 * and tail tests share this one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "indexer.parsed-topic=" + ReadSideIT.TOPIC,
		"indexer.metrics-topic=read-it-metrics", "indexer.dead-letter-topic=read-it-dlq",
		"spring.kafka.consumer.group-id=read-it", "logpipe.auth.keys[0].sha256=" + ReadSideIT.ACME_KEY_SHA256,
		"logpipe.auth.keys[0].tenant=" + ReadSideIT.ACME, "logpipe.auth.keys[1].sha256=" + ReadSideIT.GLOBEX_KEY_SHA256,
		"logpipe.auth.keys[1].tenant=" + ReadSideIT.GLOBEX,
		"logpipe.auth.keys[2].sha256=" + ReadSideIT.EMPTY_KEY_SHA256, "logpipe.auth.keys[2].tenant=readempty",
		"logpipe.auth.keys[3].sha256=" + ReadSideIT.TAIL_A_KEY_SHA256,
		"logpipe.auth.keys[3].tenant=" + ReadSideIT.TAIL_A,
		"logpipe.auth.keys[4].sha256=" + ReadSideIT.TAIL_B_KEY_SHA256,
		"logpipe.auth.keys[4].tenant=" + ReadSideIT.TAIL_B, "indexer.tail.max-per-tenant=2",
		"indexer.tail.queue-capacity=5", "indexer.tail.heartbeat=1s" })
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

	/**
	 * The tail tests' tenants, apart from the search tests' so that counts stay exact.
	 */
	String TAIL_A = "tailacme";

	String TAIL_B = "tailglobex";

	String TAIL_A_KEY = "tail-a-key";

	String TAIL_A_KEY_SHA256 = "ece8004b6e48206323a55b33ec4adec803433aaece95368fbef519fe0bd64ad5";

	String TAIL_B_KEY = "tail-b-key";

	String TAIL_B_KEY_SHA256 = "270e31151730296ffde35e699e8f58a17d9d00791329623b84537b67e3ba8557";

}
