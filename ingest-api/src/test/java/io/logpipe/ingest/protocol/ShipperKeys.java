package io.logpipe.ingest.protocol;

/** The API keys and the topic {@link ShipperIT} configures. */
public final class ShipperKeys {

	/** Writes for {@link #TENANT} without a rate limit. */
	public static final String APP = "app-key";

	/** One request an hour, for the OTLP test's 429. */
	public static final String OTLP_LIMITED = "otlp-limited";

	/** One request an hour, for the Loki test's 429. */
	public static final String LOKI_LIMITED = "loki-limited";

	/** One request an hour, for the GELF test's 429. */
	public static final String GELF_LIMITED = "gelf-limited";

	public static final String TENANT = "it-tenant";

	/** The raw topic of the app category. */
	public static final String RAW_TOPIC = "shippers-it-app";

	private ShipperKeys() {
	}

}
