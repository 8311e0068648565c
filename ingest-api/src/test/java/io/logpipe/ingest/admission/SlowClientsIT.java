package io.logpipe.ingest.admission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.logpipe.ingest.IngestClient;
import io.logpipe.testsupport.RealKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slowloris on loopback: a thousand connections from 25 addresses send their headers
 * and then trickle their bodies a byte every half second. Ingest keeps serving a normal
 * client within its normal latency while all of them are held, turns away one request
 * over the per-address bound at once, and answers every trickler 408 once its body falls
 * under the minimum rate. Every socket stays on 127.0.0.0/8.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logpipe.auth.keys[0].sha256=2924a27d7fc715372a952b03583ae5f1221556bcdabbf2a57ff5de577efe11c1",
				"logpipe.auth.keys[0].tenant=it-tenant", "ingest.kafka.topics.app=slow-clients-it-app",
				"ingest.clients.max-requests-per-address=" + SlowClientsIT.PER_ADDRESS,
				// Held long enough to measure others while every trickler is in flight.
				"ingest.clients.min-body-rate-after=10s", "ingest.clients.body-timeout=40s" })
@RealKafka
class SlowClientsIT {

	private static final Logger logger = LoggerFactory.getLogger(SlowClientsIT.class);

	static final int PER_ADDRESS = 40;

	private static final int ADDRESSES = 25;

	private static final int SAMPLES = 15;

	private static final byte[] EVENT = "{\"message\":\"served\"}".getBytes(StandardCharsets.UTF_8);

	@LocalServerPort
	private int port;

	@Autowired
	private AddressLimit addressLimit;

	private final List<Socket> tricklers = new CopyOnWriteArrayList<>();

	private final ExecutorService trickle = Executors.newSingleThreadExecutor();

	@AfterEach
	void closeAll() throws IOException {
		this.trickle.shutdownNow();
		for (Socket socket : this.tricklers) {
			socket.close();
		}
	}

	@Test
	void aThousandTricklingBodiesLeaveOthersServedInTheirNormalLatencyAndEachGets408() throws Exception {
		IngestClient client = new IngestClient(this.port);
		long[] before = latencies(client);

		for (int a = 0; a < ADDRESSES; a++) {
			for (int i = 0; i < PER_ADDRESS; i++) {
				this.tricklers.add(startTrickling(address(a)));
			}
		}
		this.trickle.submit(this::trickleForever);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> IntStream.range(0, ADDRESSES).map((a) -> this.addressLimit.inFlight(address(a))).sum(),
					(held) -> held == ADDRESSES * PER_ADDRESS);

		long[] during = latencies(client);
		logger.info("Normal client with {} tricklers held: {} ms; before: {} ms", ADDRESSES * PER_ADDRESS,
				Arrays.toString(during), Arrays.toString(before));
		String overTheBound;
		try (Socket oneMore = startTrickling(address(0))) {
			overTheBound = firstLine(oneMore, Duration.ofSeconds(10));
		}

		// Under a platform-thread pool of 200 the thousand would hold every request
		// thread
		// and these samples would wait until the tricklers timed out.
		assertThat(median(during)).as("median ms during the slowloris, before it %s", Arrays.toString(before))
			.isLessThanOrEqualTo(3 * median(before) + 100);
		assertThat(max(during)).isLessThan(2_000);
		assertThat(overTheBound).isEqualTo("HTTP/1.1 429 ");

		List<String> answers = new ArrayList<>();
		for (Socket socket : this.tricklers) {
			answers.add(firstLine(socket, Duration.ofSeconds(40)));
		}
		assertThat(answers).hasSize(ADDRESSES * PER_ADDRESS).containsOnly("HTTP/1.1 408 ");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> IntStream.range(0, ADDRESSES).map((a) -> this.addressLimit.inFlight(address(a))).sum(),
					(held) -> held == 0);
		assertThat(client.post("application/json", EVENT, "Authorization", "Bearer app-key").statusCode())
			.isEqualTo(202);
	}

	private static String address(int index) {
		return "127.0.1." + (index + 1);
	}

	private long[] latencies(IngestClient client) {
		long[] millis = new long[SAMPLES];
		for (int i = 0; i < SAMPLES; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = client.post("application/json", EVENT, "Authorization", "Bearer app-key");
			millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		}
		return millis;
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static long max(long[] values) {
		return Arrays.stream(values).max().orElseThrow();
	}

	/**
	 * Connects from {@code source}, sends the headers of a 100 KB body and its first
	 * byte.
	 */
	private Socket startTrickling(String source) throws IOException {
		Socket socket = new Socket();
		socket.bind(new InetSocketAddress(source, 0));
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 10_000);
		String head = "POST /api/v1/logs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer app-key\r\n"
				+ "Content-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n{";
		socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
		return socket;
	}

	private void trickleForever() {
		while (!Thread.currentThread().isInterrupted()) {
			for (Socket socket : this.tricklers) {
				try {
					OutputStream out = socket.getOutputStream();
					out.write(' ');
					out.flush();
				}
				catch (IOException ex) {
					// answered and closed by ingest: nothing more to send
				}
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** The status line's protocol and code, as far as {@code "HTTP/1.1 408 "}. */
	private static String firstLine(Socket socket, Duration timeout) {
		try {
			socket.setSoTimeout((int) timeout.toMillis());
			InputStream in = socket.getInputStream();
			byte[] line = in.readNBytes(13);
			return new String(line, StandardCharsets.US_ASCII);
		}
		catch (SocketTimeoutException ex) {
			return "no answer within " + timeout;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
