package io.logpipe.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import io.logpipe.service.auth.ApiKeyConfiguration;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ApiKeyConfiguration.class)
public class IngestApplication {

	public static void main(String[] args) {
		SpringApplication.run(IngestApplication.class, args);
	}

}
