package io.logpipe.ingest.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.logpipe.ingest.problem.ProblemType;

/**
 * The OpenAPI document served at {@code /v3/api-docs} (springdoc). The problem types come
 * from {@link ProblemType} itself, so the document cannot drift from the code: as the
 * {@code type} enum of the {@code Problem} schema, and with status and title in the
 * {@code x-problem-types} extension.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM_SCHEMA = "Problem";

	static final String BEARER = "apiKey";

	@Bean
	OpenAPI logpipeOpenApi() {
		OpenAPI api = new OpenAPI()
			.info(new Info().title("logpipe ingest API")
				.version("v1")
				.description("Accepts log events over HTTP and answers 2xx only after Kafka acknowledged every "
						+ "accepted event. Errors are RFC 9457 problem details (application/problem+json) "
						+ "whose `type` is one of the problem types listed in `x-problem-types`.")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("An API key; its SHA-256 is configured in logpipe.auth.keys"))
				.addSchemas(PROBLEM_SCHEMA, problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
		api.addExtension("x-problem-types", problemTypes());
		return api;
	}

	private static Schema<?> problemSchema() {
		StringSchema type = new StringSchema();
		type.setEnum(Arrays.stream(ProblemType.values()).map((problem) -> problem.uri().toString()).toList());
		ObjectSchema rejection = new ObjectSchema();
		rejection.addProperty("index", new IntegerSchema().description("the event's position in the request, from 0"));
		rejection.addProperty("type", new StringSchema().description("the problem type of this event"));
		rejection.addProperty("detail", new StringSchema());
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details");
		problem.addProperty("type", type);
		problem.addProperty("title", new StringSchema());
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema());
		problem.addProperty("instance", new StringSchema());
		problem.addProperty("rejected",
				new ArraySchema().items(rejection).description("no-valid-events: every event with its reason"));
		problem.addProperty("limit", new StringSchema().description("413: the configuration property of the limit"));
		problem.addProperty("limitValue", new StringSchema().description("413: the limit's configured value"));
		return problem;
	}

	private static List<Map<String, Object>> problemTypes() {
		return Arrays.stream(ProblemType.values()).map((problem) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("type", problem.uri().toString());
			entry.put("status", problem.status().value());
			entry.put("title", problem.title());
			return entry;
		}).toList();
	}

}
