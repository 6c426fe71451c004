package io.carefin.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Gives a test method a {@link RestTestClient} bound to the server its Spring test
 * context started on a random port, servlet or reactive alike.
 */
public class RunningServer implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == RestTestClient.class;
	}

	@Override
	public RestTestClient resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		ApplicationContext context = SpringExtension.getApplicationContext(extension);
		String port = context.getEnvironment().getRequiredProperty("local.server.port");
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

}
