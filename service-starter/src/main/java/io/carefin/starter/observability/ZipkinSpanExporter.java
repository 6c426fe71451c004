package io.carefin.starter.observability;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jspecify.annotations.Nullable;
import zipkin2.Endpoint;
import zipkin2.Span;
import zipkin2.reporter.SpanBytesEncoder;
import zipkin2.reporter.AsyncReporter;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * Sends a service's spans to a Zipkin server in Zipkin's own JSON, for the local mode,
 * whose Zipkin (a jar from Maven Central) does not take OTLP; production exports by OTLP
 * to a collector. OpenTelemetry's own Zipkin exporter is no longer released, so this one
 * maps each finished span to Zipkin's model and leaves batching and sending to Zipkin's
 * reporter.
 */
final class ZipkinSpanExporter implements SpanExporter {

	private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

	private final URLConnectionSender sender;

	private final AsyncReporter<Span> reporter;

	ZipkinSpanExporter(String endpoint) {
		this.sender = URLConnectionSender.create(endpoint);
		this.reporter = AsyncReporter.builder(this.sender).build(SpanBytesEncoder.JSON_V2);
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		spans.forEach((span) -> this.reporter.report(zipkin(span)));
		return CompletableResultCode.ofSuccess();
	}

	static Span zipkin(SpanData span) {
		long startMicros = TimeUnit.NANOSECONDS.toMicros(span.getStartEpochNanos());
		long endMicros = TimeUnit.NANOSECONDS.toMicros(span.getEndEpochNanos());
		Span.Builder zipkin = Span.newBuilder()
			.traceId(span.getTraceId())
			.id(span.getSpanId())
			.parentId(span.getParentSpanContext().isValid() ? span.getParentSpanId() : null)
			.name(span.getName())
			.kind(kind(span))
			.timestamp(startMicros)
			.duration(Math.max(1, endMicros - startMicros))
			.localEndpoint(Endpoint.newBuilder().serviceName(span.getResource().getAttribute(SERVICE_NAME)).build());
		span.getAttributes().forEach((key, value) -> zipkin.putTag(key.getKey(), String.valueOf(value)));
		if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
			zipkin.putTag("error",
					span.getStatus().getDescription().isEmpty() ? "true" : span.getStatus().getDescription());
		}
		return zipkin.build();
	}

	private static Span.@Nullable Kind kind(SpanData span) {
		return switch (span.getKind()) {
			case SERVER -> Span.Kind.SERVER;
			case CLIENT -> Span.Kind.CLIENT;
			case PRODUCER -> Span.Kind.PRODUCER;
			case CONSUMER -> Span.Kind.CONSUMER;
			case INTERNAL -> null;
		};
	}

	@Override
	public CompletableResultCode flush() {
		this.reporter.flush();
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		this.reporter.close();
		this.sender.close();
		return CompletableResultCode.ofSuccess();
	}

}
