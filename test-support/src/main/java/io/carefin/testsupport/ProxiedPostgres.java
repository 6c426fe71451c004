package io.carefin.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The {@link EmbeddedPostgres embedded server} seen through a {@link TcpProxy}, for tests
 * that cut a service off its database: use {@link Initializer} in place of
 * {@link EmbeddedPostgres.Initializer}, and take the proxy as the bean named
 * {@value #BEAN}. The test's own context reaches the database through the proxy too;
 * other contexts in the JVM are not affected.
 */
public final class ProxiedPostgres {

	/**
	 * The name of the {@link TcpProxy} bean in front of the database.
	 */
	public static final String BEAN = "postgresProxy";

	private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/]+)/");

	private ProxiedPostgres() {
	}

	/**
	 * Points a Spring context's data source at a new proxy in front of the embedded
	 * server, registers the proxy as a bean and closes it once the context has stopped
	 * using it.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			String url = EmbeddedPostgres.jdbcUrl();
			Matcher server = HOST_AND_PORT.matcher(url);
			if (!server.find()) {
				throw new IllegalStateException("No host and port in the embedded server's JDBC URL");
			}
			TcpProxy proxy = TcpProxy.to(server.group(1));
			TestPropertyValues
				.of("spring.datasource.url=" + server.replaceFirst("//" + proxy.address() + "/"),
						"spring.datasource.username=postgres", "spring.datasource.password=postgres")
				.applyTo(context);
			// a bean, closed once the context has stopped its listeners
			((GenericApplicationContext) context).registerBean(BEAN, TcpProxy.class, () -> proxy);
		}

	}

}
