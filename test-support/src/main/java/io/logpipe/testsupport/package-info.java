/**
 * Real Kafka and Elasticsearch servers for integration tests ({@code *IT}, failsafe), one
 * of each per test JVM, started on first use and stopped when the JVM exits. No Docker
 * engine is needed; where one exists, Testcontainers provides the same servers.
 *
 * <table>
 * <caption>Classes</caption>
 * <tr>
 * <th>class</th>
 * <th>what it does</th>
 * </tr>
 * <tr>
 * <td>{@link io.logpipe.testsupport.TestServers}</td>
 * <td>the entry point: {@code kafka()} and {@code elasticsearch()} start the JVM's
 * servers once and choose local servers or containers</td>
 * </tr>
 * <tr>
 * <td>{@link io.logpipe.testsupport.KafkaServer},
 * {@link io.logpipe.testsupport.ElasticsearchServer}</td>
 * <td>what a test gets: {@code bootstrapServers()} and {@code uri()}</td>
 * </tr>
 * <tr>
 * <td>{@link io.logpipe.testsupport.RealKafka @RealKafka},
 * {@link io.logpipe.testsupport.RealElasticsearch @RealElasticsearch}</td>
 * <td>on a Spring test class: set {@code spring.kafka.bootstrap-servers} and
 * {@code spring.elasticsearch.uris} to the shared servers</td>
 * </tr>
 * <tr>
 * <td>{@link io.logpipe.testsupport.DedicatedElasticsearchNode}</td>
 * <td>an Elasticsearch node of one test's own that it may stop and restart on the same
 * port and data folder (outage tests), optionally with its data on a file system of the
 * test's own</td>
 * </tr>
 * <tr>
 * <td>{@link io.logpipe.testsupport.LoopFileSystem}</td>
 * <td>a small ext4 file system mounted on a loop device, which a ballast file fills for
 * real (full-disk tests; needs root, else the test skips)</td>
 * </tr>
 * <tr>
 * <td>{@link io.logpipe.testsupport.ServiceProcess}</td>
 * <td>a service started from its built jar on a free port, ready when its readiness group
 * is UP; the end-to-end test and the benchmark run the services this way</td>
 * </tr>
 * <tr>
 * <td>{@code TestServersContextCustomizerFactory},
 * {@code TestServersContextCustomizer}</td>
 * <td>the Spring TestContext hook behind the annotations (registered in
 * {@code META-INF/spring.factories})</td>
 * </tr>
 * <tr>
 * <td>{@code LocalKafkaServer}</td>
 * <td>spring-kafka-test's embedded KRaft broker, set up for transactions and consumer
 * groups on one node</td>
 * </tr>
 * <tr>
 * <td>{@code LocalElasticsearchServer}</td>
 * <td>the unpacked Elasticsearch distribution in a child process, as {@code nobody} when
 * the JVM is root</td>
 * </tr>
 * <tr>
 * <td>{@code ContainerServers}, {@code DockerEngine}</td>
 * <td>the Testcontainers fallback and the fast check for a Docker engine</td>
 * </tr>
 * <tr>
 * <td>{@link io.logpipe.testsupport.fuzz.Fuzz},
 * {@link io.logpipe.testsupport.fuzz.Inputs}</td>
 * <td>the fuzz tests' harness: a property over seeded, generated hostile inputs with a
 * time budget per try, and the generators (bytes, text, JSON, mutations of examples)</td>
 * </tr>
 * </table>
 */
package io.logpipe.testsupport;
