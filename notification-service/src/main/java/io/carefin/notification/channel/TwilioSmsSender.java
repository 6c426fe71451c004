package io.carefin.notification.channel;

import java.net.http.HttpClient;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends text messages through Twilio's Messages API, or anything that speaks it: a form
 * {@code POST} to {@code /2010-04-01/Accounts/{accountSid}/Messages.json} with basic
 * authentication and the delivery id as {@code I-Twilio-Idempotency-Token}.
 */
@Component
class TwilioSmsSender implements SmsSender {

	static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";

	private final RestClient http;

	private final SmsProperties properties;

	TwilioSmsSender(SmsProperties properties) {
		this.properties = properties;
		HttpClient client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.readTimeout());
		this.http = RestClient.builder().baseUrl(properties.baseUrl().toString()).requestFactory(requests).build();
	}

	@Override
	public String send(UUID deliveryId, String to, String body) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("To", to);
		form.add("From", this.properties.fromNumber());
		form.add("Body", body);
		try {
			Map<?, ?> answer = this.http.post()
				.uri("/2010-04-01/Accounts/{accountSid}/Messages.json", this.properties.accountSid())
				.headers((headers) -> {
					headers.setBasicAuth(this.properties.accountSid(), this.properties.authToken());
					headers.set(IDEMPOTENCY_HEADER, deliveryId.toString());
				})
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.retrieve()
				.body(Map.class);
			Object sid = (answer != null) ? answer.get("sid") : null;
			if (sid == null) {
				throw ChannelFailure.unavailable("SMS provider answered without a message sid");
			}
			return sid.toString();
		}
		catch (RestClientResponseException ex) {
			throw failure(ex.getStatusCode());
		}
		catch (ResourceAccessException ex) {
			throw ChannelFailure.unavailable("SMS provider unreachable");
		}
	}

	private static ChannelFailure failure(HttpStatusCode status) {
		String reason = "SMS provider answered " + status.value();
		if (status.is5xxServerError() || status.value() == 429 || status.value() == 408 || status.value() == 401) {
			return ChannelFailure.unavailable(reason);
		}
		return ChannelFailure.rejected(reason);
	}

}
