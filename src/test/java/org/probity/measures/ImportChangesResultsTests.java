package org.probity.measures;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.probity.measures.results.MeasureResults;
import org.probity.IntegrationTest;
import org.probity.imports.CaseDataImports;
import org.probity.imports.Dataset;
import org.probity.imports.ImportResult;
import org.probity.shared.Period;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures follow the data: an import through the case data import changes them at
 * once.
 */
@IntegrationTest
class ImportChangesResultsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	MeasureResults results;

	@Autowired
	CaseDataImports imports;

	@Test
	void importingAContactMakesALateCaseMeetInitialContact() {
		CaseData.Estate data = new CaseData(this.jdbc).anEstate("ICR", 'K');
		LocalDate allocated = LocalDate.of(2024, 10, 7);
		CaseData.Event event = data.aCommunityOrder().sentencedOn(allocated).insert();
		this.recomputation.recomputeAll();
		Period october = Period.parse("2024-10");
		assertThat(this.results.unitResult("SL001R", october, data.team(1)).numerator()).isZero();

		String csv = CaseData.csv(Dataset.CONTACTS)
			.row("contact_id", "ICR-IMPORTED-1", "crn", event.crn(), "event_id", event.id(), "staff_code",
					data.staff(1), "arranged_on", "2024-10-07", "contact_at", "2024-10-10T10:00")
			.text();
		ImportResult result = this.imports.importCsv(Dataset.CONTACTS,
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "admin");
		assertThat(result.applied()).as("%s", result.errors()).isTrue();

		var after = this.results.unitResult("SL001R", october, data.team(1));
		assertThat(after.numerator()).isEqualTo(1);
		assertThat(after.denominator()).isEqualTo(1);
		assertThat(this.results.unitResult("SL001R", october, data.provider()).numerator()).isEqualTo(1);
		assertThat(this.results.cases("SL001R", october, data.team(1), null)).singleElement()
			.satisfies((c) -> assertThat(c.reason())
				.isEqualTo("first face-to-face contact 3 business days after allocation"));
	}

}
