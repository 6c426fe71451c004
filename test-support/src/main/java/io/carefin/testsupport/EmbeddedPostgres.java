package io.carefin.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A PostgreSQL 17 server from embedded binaries, started on a free port the first time a
 * test asks for it and stopped when the JVM exits.
 */
public final class EmbeddedPostgres {

	private static io.zonky.test.db.postgres.embedded.@org.jspecify.annotations.Nullable EmbeddedPostgres server;

	private EmbeddedPostgres() {
	}

	/**
	 * The JDBC URL of the server's {@code postgres} database, starting the server if
	 * needed.
	 */
	public static synchronized String jdbcUrl() {
		if (server == null) {
			try {
				io.zonky.test.db.postgres.embedded.EmbeddedPostgres started = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
					.builder()
					.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
				server = started;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
			}
		}
		return server.getJdbcUrl("postgres", "postgres");
	}

	private static void close(io.zonky.test.db.postgres.embedded.EmbeddedPostgres started) {
		try {
			started.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points a Spring context's data source at the embedded server.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues
				.of("spring.datasource.url=" + jdbcUrl(), "spring.datasource.username=postgres",
						"spring.datasource.password=postgres")
				.applyTo(context);
		}

	}

}
