package io.carefin.notification.channel;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SmsPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Sms.class);

	@Test
	void refusesToStartWithoutAnSmsAccountAndToken() {
		this.contexts.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("carefin.notification.sms"));
	}

	@Test
	void startsWithAnAccountAndTokenAndHidesTheTokenFromToString() {
		this.contexts
			.withPropertyValues("carefin.notification.sms.account-sid=ACabc",
					"carefin.notification.sms.auth-token=s3cret")
			.run((context) -> assertThat(context.getBean(SmsProperties.class))
				.hasToString("SmsProperties[baseUrl=http://localhost:8086]"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SmsProperties.class)
	static class Sms {

	}

}
