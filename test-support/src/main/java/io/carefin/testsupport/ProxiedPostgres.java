package io.carefin.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

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
	 * server, registers the proxy as a bean and closes it with the context.
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
			context.getBeanFactory().registerSingleton(BEAN, proxy);
			context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {

				@Override
				public void onApplicationEvent(ContextClosedEvent event) {
					proxy.close();
				}

			});
		}

	}

}
