package io.carefin.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 17 from the embedded binaries on Maven Central, its data kept between runs,
 * with one database and role per service.
 */
final class Postgres implements AutoCloseable {

	private final EmbeddedPostgres server;

	private Postgres(EmbeddedPostgres server) {
		this.server = server;
	}

	static Postgres start(Path dataDirectory, int port) {
		try {
			EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("max_connections", "200")
				.start();
			return new Postgres(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL in " + dataDirectory, ex);
		}
	}

	/**
	 * Creates each database, owned by a role of the same name and password, where
	 * missing.
	 */
	void createDatabases(List<String> names) {
		try (Connection connection = this.server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String name : names) {
				try (ResultSet role = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")) {
					if (!role.next()) {
						statement.execute("CREATE ROLE \"" + name + "\" LOGIN PASSWORD '" + name + "'");
					}
				}
				try (ResultSet database = statement
					.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
					if (!database.next()) {
						statement.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + name + "\"");
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the services' databases", ex);
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
