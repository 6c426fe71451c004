package io.carefin.starter.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void neutralisesCellsThatASpreadsheetWouldReadAsFormulas() {
		assertThat(Csv.cell("=1+2")).isEqualTo("'=1+2");
		assertThat(Csv.cell("+1")).isEqualTo("'+1");
		assertThat(Csv.cell("-250.00")).isEqualTo("'-250.00");
		assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
		assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
		assertThat(Csv.cell("DEFERRED_12")).isEqualTo("DEFERRED_12");
		assertThat(Csv.cell("")).isEmpty();
	}

	@Test
	void quotesCellsWithCommasQuotesOrLineBreaks() {
		assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(Csv.cell("=HYPERLINK(\"x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
	}

	@Test
	void writesAnAbsentValueAsAnEmptyCell() {
		assertThat(Csv.row("a", null, 3)).isEqualTo("a,,3\r\n");
	}

	@Test
	void writesARowWithCrLf() {
		assertThat(Csv.row(List.of(LocalDate.of(2026, 11, 2), "FIXED_24", 1, new BigDecimal("5000.00"))))
			.isEqualTo("2026-11-02,FIXED_24,1,5000.00\r\n");
	}

}
