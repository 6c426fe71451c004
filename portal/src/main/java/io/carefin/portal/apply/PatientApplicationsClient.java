package io.carefin.portal.apply;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

import io.carefin.portal.api.GatewayClients;
import io.carefin.portal.api.GatewayProperties;

/**
 * The patient's API client: the gateway's, without a bearer token, with the patient's
 * browser in {@code X-Forwarded-For} (the gateway's budget for these paths counts per
 * browser), and a 400 read for the fields it names so that the form can say what to
 * change beside each.
 */
@Configuration(proxyBeanMethods = false)
class PatientApplicationsClient {

	private static final int MAX_PROBLEM_BYTES = 64 * 1024;

	@Bean
	PatientApplicationsApi patientApplicationsApi(RestClient.Builder builder, GatewayProperties gateway, Clock clock) {
		// registered before the gateway's own handler, which turns every other error
		// into the portal's exceptions
		builder.defaultStatusHandler((status) -> status.value() == 400, PatientApplicationsClient::invalid);
		return GatewayClients.proxy(GatewayClients.restClient(builder, gateway, clock), PatientApplicationsApi.class);
	}

	private static void invalid(HttpRequest request, ClientHttpResponse response) throws IOException {
		throw new InvalidApplicationException(fields(response.getBody()));
	}

	// {"errors": [{"field": "address.postalCode", "message": "…"}]}: only the field names
	// are kept, since the page says what to change in its own words
	private static List<String> fields(InputStream body) {
		List<String> fields = new ArrayList<>();
		try (body) {
			byte[] bytes = body.readNBytes(MAX_PROBLEM_BYTES);
			if (bytes.length == 0) {
				return fields;
			}
			JsonNode errors = JsonMapper.shared().readTree(bytes).path("errors");
			for (JsonNode error : errors.values()) {
				String field = error.path("field").asString("");
				if (!field.isBlank()) {
					fields.add(field.substring(field.lastIndexOf('.') + 1));
				}
			}
		}
		catch (IOException | JacksonException ex) {
			// an unreadable problem names no field: the form gives its general sentence
		}
		return fields;
	}

}
