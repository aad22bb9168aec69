package org.probity.demo;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Loads a small generated provider through the real import path. Skipped until the
 * imports module provides {@code CaseDataImports}; from then on it proves that every
 * generated row passes the import's own validation.
 */
@IntegrationTest
class DemoCaseDataTests {

	@Autowired
	DemoCaseData caseData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void generatedProviderLoadsThroughTheImportPathRowForRow() {
		assumeTrue(this.caseData.importsAvailable(), "the imports module is not present yet");
		// codes no other test uses: provider Z9D, CRNs Z900001 onwards
		DemoProvider.Parameters parameters = new DemoProvider.Parameters(42, 300, LocalDate.of(2026, 10, 31), "Z9D",
				"Loader Test, Invented Provider", 'Z', 900_001, 1, 1, 2);

		DemoProvider.Summary summary = this.caseData.load(parameters);

		assertThat(count("select count(*) from unit where unit_code like 'Z9D%'"))
			.isEqualTo(summary.rows().get("units"));
		assertThat(count("select count(*) from staff where staff_code like 'Z9D%'"))
			.isEqualTo(summary.rows().get("staff"));
		assertThat(count("select count(*) from person where crn between 'Z900001' and 'Z900300'"))
			.isEqualTo(summary.rows().get("people"));
		assertThat(count("select count(*) from event where team_code like 'Z9D%'"))
			.isEqualTo(summary.rows().get("events"));
		assertThat(
				count("select count(*) from requirement r join event e using (event_id) where e.team_code like 'Z9D%'"))
			.isEqualTo(summary.rows().get("requirements"));
		assertThat(count("select count(*) from contact c join event e using (event_id) where e.team_code like 'Z9D%'"))
			.isEqualTo(summary.rows().get("contacts"));
		assertThat(count("select count(*) from plan p join event e using (event_id) where e.team_code like 'Z9D%'"))
			.isEqualTo(summary.rows().get("plans"));
		assertThat(count("select count(*) from referral r join event e using (event_id) where e.team_code like 'Z9D%'"))
			.isEqualTo(summary.rows().get("referrals"));
		assertThat(count(
				"select count(*) from accommodation a join event e using (event_id) where e.team_code like 'Z9D%'"))
			.isEqualTo(summary.rows().get("accommodation"));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
