package io.carefin.starter.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;

import io.carefin.starter.idempotency.Idempotency;

/**
 * Every servlet service's OpenAPI document ({@code /v3/api-docs}, springdoc) says what
 * the house rules say: callers present a bearer token; every error is an RFC 9457 problem
 * document ({@code application/problem+json}) whose {@code type} is one of
 * {@code docs/problems.md}; and a money-moving request needs its {@code Idempotency-Key}.
 * The public API these documents describe is checked against DESIGN §7 by the end-to-end
 * suite.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@PropertySource("classpath:io/carefin/starter/web/api-docs.properties")
public class ApiDocsAutoConfiguration {

	static final String BEARER = "bearer";

	static final String PROBLEM = "Problem";

	/**
	 * The document's server is the gateway that serves it ({@code /}), not the service's
	 * own address, which no client outside the cluster reaches: "Try it out" in the
	 * gateway's Swagger UI calls the gateway.
	 */
	@Bean
	@ConditionalOnMissingBean(OpenAPI.class)
	OpenAPI carefinOpenApi() {
		return new OpenAPI().servers(List.of(new Server().url("/").description("the CareFin gateway")));
	}

	@Bean
	OpenApiCustomizer carefinApiConventions(Environment environment) {
		String service = environment.getProperty("spring.application.name", "service");
		return (api) -> {
			api.info(new Info().title("CareFin " + service)
				.version("1")
				.description("Errors are application/problem+json (RFC 9457), their types listed in "
						+ "docs/problems.md under " + ProblemTypes.BASE + "."));
			Components components = (api.getComponents() != null) ? api.getComponents() : new Components();
			components.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An access token of auth-service (practice users) or of Keycloak's realm "
								+ "carefin-staff (staff), audience carefin-api."));
			components.addSchemas(PROBLEM, problem());
			api.components(components);
			api.addSecurityItem(new SecurityRequirement().addList(BEARER));
			if (api.getPaths() != null) {
				api.getPaths()
					.values()
					.forEach((path) -> path.readOperations().forEach(ApiDocsAutoConfiguration::conventions));
			}
		};
	}

	private static void conventions(Operation operation) {
		if (operation.getParameters() != null) {
			for (Parameter parameter : operation.getParameters()) {
				if ("header".equals(parameter.getIn()) && Idempotency.HEADER.equalsIgnoreCase(parameter.getName())) {
					parameter.required(true)
						.description("Names this request, so that a retry with the same key and body replays the "
								+ "first answer instead of acting twice (kept 24 hours, per practice or staff "
								+ "member). Without it: 400; the same key with another body: 422; while the "
								+ "first is in flight: 409.");
				}
			}
		}
		operation.getResponses()
			.addApiResponse("default",
					new ApiResponse().description("A problem document (RFC 9457)")
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	private static Schema<?> problem() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.properties(Map.of("type", new StringSchema().format("uri").example(ProblemTypes.BASE + "not-found"),
					"title", new StringSchema(), "status", new IntegerSchema(), "detail", new StringSchema(),
					"instance", new StringSchema().format("uri")));
	}

}
