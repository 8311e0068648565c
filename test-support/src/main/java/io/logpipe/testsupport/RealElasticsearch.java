package io.logpipe.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the Spring test context at the JVM's real Elasticsearch node
 * ({@link TestServers#elasticsearch()}) by setting {@code spring.elasticsearch.uris}. The
 * node starts when the first context that needs it is created.
 *
 * <p>
 * Put it on a test class, on an enclosing class of a {@code @Nested} test, or on a
 * composed annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealElasticsearch {

}
