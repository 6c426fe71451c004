package io.carefin.starter.observability;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spans reach a Zipkin endpoint (here a plain HTTP server that keeps what is posted to
 * {@code /api/v2/spans}) as Zipkin's JSON, with the service's name, parent links, kinds,
 * tags and errors.
 */
class ZipkinSpanExporterTests {

	private final List<String> posted = new CopyOnWriteArrayList<>();

	private HttpServer zipkin;

	private SdkTracerProvider tracing;

	@BeforeEach
	void start() throws IOException {
		this.zipkin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.zipkin.createContext("/api/v2/spans", (exchange) -> {
			InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
					? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
			this.posted.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		this.zipkin.start();
		ZipkinSpanExporter exporter = new ZipkinSpanExporter(
				"http://127.0.0.1:" + this.zipkin.getAddress().getPort() + "/api/v2/spans");
		this.tracing = SdkTracerProvider.builder()
			.setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "transaction-service")))
			.addSpanProcessor(SimpleSpanProcessor.create(exporter))
			.build();
	}

	@AfterEach
	void stop() {
		this.tracing.close();
		this.zipkin.stop(0);
	}

	@Test
	void sendsAServersSpanAndItsProducerChildAsZipkinJson() {
		Tracer tracer = this.tracing.get("test");
		Span request = tracer.spanBuilder("http post /api/purchases").setSpanKind(SpanKind.SERVER).startSpan();
		try (Scope scope = request.makeCurrent()) {
			Span send = tracer.spanBuilder("transaction.purchases send")
				.setSpanKind(SpanKind.PRODUCER)
				.setAttribute("messaging.destination.name", "transaction.purchases")
				.startSpan();
			send.setStatus(StatusCode.ERROR, "broker unreachable");
			send.end();
		}
		request.end();
		this.tracing.forceFlush();

		await().atMost(Duration.ofSeconds(10)).until(() -> spans().size() == 2);
		List<JsonNode> spans = spans();
		JsonNode server = spans.stream()
			.filter((span) -> span.path("kind").asString().equals("SERVER"))
			.findFirst()
			.orElseThrow();
		JsonNode producer = spans.stream()
			.filter((span) -> span.path("kind").asString().equals("PRODUCER"))
			.findFirst()
			.orElseThrow();
		assertThat(server.path("traceId").asString()).isEqualTo(request.getSpanContext().getTraceId());
		assertThat(server.has("parentId")).isFalse();
		assertThat(server.path("localEndpoint").path("serviceName").asString()).isEqualTo("transaction-service");
		assertThat(producer.path("parentId").asString()).isEqualTo(request.getSpanContext().getSpanId());
		assertThat(producer.path("tags").path("messaging.destination.name").asString())
			.isEqualTo("transaction.purchases");
		assertThat(producer.path("tags").path("error").asString()).isEqualTo("broker unreachable");
		assertThat(producer.path("duration").asLong()).isPositive();
	}

	private List<JsonNode> spans() {
		JsonMapper json = new JsonMapper();
		return this.posted.stream().flatMap((body) -> json.readTree(body).valueStream()).toList();
	}

}
