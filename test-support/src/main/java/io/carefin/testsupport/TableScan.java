package io.carefin.testsupport;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds text at rest: the tables of a service's schema with a row that holds it, every
 * column of the row read as text. Secret scans use it to prove that a password, token,
 * code or link is stored nowhere in clear.
 */
public final class TableScan {

	private TableScan() {
	}

	/**
	 * The tables of the connection's current schema.
	 */
	public static List<String> tables(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
				""").query(String.class).list();
	}

	/**
	 * The tables of the connection's current schema that hold the text in some row.
	 */
	public static List<String> tablesHolding(JdbcClient jdbc, String text) {
		return tables(jdbc).stream()
			.filter((table) -> jdbc.sql("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE :text")
				.param("text", "%" + text + "%")
				.query(Integer.class)
				.single() > 0)
			.toList();
	}

}
