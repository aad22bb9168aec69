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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probity.measures.CaseDataFactory.CO;

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
		CaseDataFactory data = new CaseDataFactory(this.jdbc, "ICR", 'K').estate();
		LocalDate allocated = LocalDate.of(2024, 10, 7);
		CaseDataFactory.Event event = data.event(CO, allocated, allocated, null);
		this.recomputation.recomputeAll();
		Period october = Period.parse("2024-10");
		assertThat(this.results.unitResult("SL001R", october, data.team(1)).numerator()).isZero();

		String csv = """
				contact_id,crn,event_id,requirement_id,staff_code,contact_type,face_to_face,national_standard,arranged_on,contact_at,outcome
				ICR-IMPORTED-1,%s,%s,,%s,INITIAL_APPOINTMENT,Y,Y,2024-10-07,2024-10-10T10:00,ATTENDED_COMPLIED
				"""
			.formatted(event.crn(), event.id(), data.staff(1));
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
