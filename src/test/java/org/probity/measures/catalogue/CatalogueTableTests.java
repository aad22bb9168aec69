package org.probity.measures.catalogue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code measure} table (migration V1_5_1, kept for the targets and for existing
 * databases) holds the catalogue's measures: the same codes, titles and order.
 */
@IntegrationTest
class CatalogueTableTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void measureTableHoldsTheCatalogueInItsOrder() {
		record Row(String code, String title, int ordinal) {
		}
		List<Row> rows = this.jdbc.sql("select code, title, ordinal from measure order by ordinal")
			.query((rs, i) -> new Row(rs.getString("code"), rs.getString("title"), rs.getInt("ordinal")))
			.list();
		List<Row> catalogue = Catalogue.all()
			.stream()
			.map((m) -> new Row(m.code(), m.title(), Catalogue.all().indexOf(m) + 1))
			.toList();
		assertThat(rows).containsExactlyElementsOf(catalogue);
	}

}
