package org.probity.measures;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.measures.catalogue.CaseRows;
import org.probity.IntegrationTest;
import org.probity.imports.Dataset;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monthly contact (AM_K) and attendance are summed into cells in one pass
 * (monthly_cells.sql) and listed case by case from their own SQL (AM_K.sql,
 * ATTENDANCE.sql): the cells must be what the listed rows add up to, after a full
 * recomputation and after a contacts import applied for its months, whether the import is
 * applied event by event or by reading its months again for every event.
 */
@IntegrationTest
class MonthlyCellsTests {

	/** What the listed rows of the derived measures add up to, cell by cell. */
	private static final String LISTED = """
			select string_agg(measure_code || ' ' || month || ' ' || team_code || ' ' || staff_code || ' '
			                  || numerator || '/' || denominator, ', ' order by measure_code, month, team_code, staff_code)
			from (
			    select measure_code, month, team_code, staff_code, sum(numerator) as numerator, sum(denominator) as denominator
			    from (%s union all %s) r
			    where team_code like 'MCT%%'
			    group by 1, 2, 3, 4
			) c
			"""
		.formatted(CaseRows.computed("AM_K", "true"), CaseRows.computed("ATTENDANCE", "true"));

	private static final String CELLS = """
			select string_agg(measure_code || ' ' || month || ' ' || team_code || ' ' || staff_code || ' '
			                  || numerator || '/' || denominator, ', ' order by measure_code, month, team_code, staff_code)
			from measure_cell
			where measure_code in ('AM_K', 'ATTENDANCE') and team_code like 'MCT%' and denominator <> 0
			""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	TransactionTemplate transactions;

	static CaseData.Estate data;

	static List<CaseData.Event> events;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation) {
		data = new CaseData(jdbc).anEstate("MCT", 'M');
		// counted from the month of allocation (on its first day) or the month after; a
		// licence and a PSS event from release; custody never
		CaseData.Event firstDay = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2025, 2, 20))
			.allocatedOn(LocalDate.of(2025, 3, 1))
			.insert();
		CaseData.Event midMonth = data.aSuspendedSentenceOrder()
			.sentencedOn(LocalDate.of(2025, 2, 20))
			.allocatedOn(LocalDate.of(2025, 3, 12))
			.inTeam(data.team(2))
			.heldBy(data.staff(2))
			.insert();
		CaseData.Event licence = data.aLicence()
			.sentencedOn(LocalDate.of(2024, 6, 1))
			.allocatedOn(LocalDate.of(2025, 3, 3))
			.releasedOn(LocalDate.of(2025, 4, 1))
			.inTeam(data.team(3))
			.heldBy(data.staff(3))
			.insert();
		CaseData.Event pss = data.aPostSentenceSupervision()
			.sentencedOn(LocalDate.of(2024, 6, 1))
			.allocatedOn(LocalDate.of(2025, 3, 3))
			.releasedOn(LocalDate.of(2025, 3, 31))
			.inTeam(data.team(3))
			.heldBy(data.staff(3))
			.insert();
		CaseData.Event custody = data.aCustodialSentence()
			.sentencedOn(LocalDate.of(2024, 6, 1))
			.allocatedOn(LocalDate.of(2025, 3, 3))
			.inTeam(data.team(3))
			.heldBy(data.staff(3))
			.insert();
		// terminated on the last day of May (counted to April) and mid-June (to May)
		CaseData.Event endsFirst = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2025, 1, 2))
			.allocatedOn(LocalDate.of(2025, 1, 6))
			.insert();
		data.terminate(endsFirst, LocalDate.of(2025, 5, 31), "COMPLETED");
		CaseData.Event endsMid = data.aCommunityOrder()
			.sentencedOn(LocalDate.of(2025, 1, 2))
			.allocatedOn(LocalDate.of(2025, 1, 6))
			.insert();
		data.terminate(endsMid, LocalDate.of(2025, 6, 17), "COMPLETED");
		events = List.of(firstDay, midMonth, licence, pss, custody, endsFirst, endsMid);
		for (CaseData.Event event : events) {
			for (int month = 1; month <= 7; month += 2) {
				data.aContact(event).on(LocalDate.of(2025, month, 14)).insert();
			}
		}
		// offered but missed, offered but not face-to-face, not national standard,
		// rescheduled
		data.aContact(midMonth).on(LocalDate.of(2025, 4, 8)).withOutcome("UNACCEPTABLE_ABSENCE").insert();
		data.aContact(firstDay).on(LocalDate.of(2025, 4, 8)).faceToFace(false).insert();
		data.aContact(endsMid).on(LocalDate.of(2025, 4, 8)).nationalStandard(false).insert();
		data.aContact(licence).on(LocalDate.of(2025, 4, 8)).withOutcome("RESCHEDULED").insert();
		data.aContact(custody).on(LocalDate.of(2025, 4, 8)).withOutcome("ACCEPTABLE_ABSENCE").insert();
		recomputation.recomputeAll();
	}

	@Test
	void cellsAreWhatTheListedRowsAddUpToAfterAFullRecomputation() {
		String cells = this.jdbc.sql(CELLS).query(String.class).single();
		assertThat(cells).isEqualTo(listed())
			// allocated on the first of March: counted from March, with the two from
			// January
			.contains("AM_K 2025-03-01 MCTT1 MCTS001 3/3")
			// one terminated on the last day of May is not counted in May
			.contains("AM_K 2025-05-01 MCTT1 MCTS001 2/2")
			// allocated on 12 March: counted from April (a missed appointment was
			// offered); no contact in June
			.contains("AM_K 2025-04-01 MCTT2 MCTS002 1/1", "AM_K 2025-06-01 MCTT2 MCTS002 0/1")
			// released on 31 March and 1 April: both from April (a rescheduled
			// contact was not offered); custody is not counted
			.contains("AM_K 2025-04-01 MCTT3 MCTS003 0/2")
			// attendance of every event, custody's too
			.contains("ATTENDANCE 2025-05-01 MCTT3 MCTS003 3/3")
			.doesNotContain("ATTENDANCE 2025-04-01 MCTT3");
	}

	@Test
	void cellsAreWhatTheListedRowsAddUpToAfterContactsAppliedForTheirMonths() {
		// a few events: the difference they make
		this.transactions.executeWithoutResult((tx) -> {
			data.aContact(events.get(0)).on(LocalDate.of(2025, 6, 3)).insert();
			data.aContact(events.get(2)).on(LocalDate.of(2025, 6, 4)).withOutcome("UNACCEPTABLE_ABSENCE").insert();
			this.recomputation.recomputeEvents(Set.of(events.get(0).id(), events.get(2).id()), Dataset.CONTACTS,
					LocalDate.of(2025, 6, 3), LocalDate.of(2025, 6, 4));
		});
		assertThat(this.jdbc.sql(CELLS).query(String.class).single()).isEqualTo(listed())
			.contains("AM_K 2025-06-01 MCTT1 MCTS001 1/1");
		// every event: its months read again for all
		List<String> all = this.jdbc.sql("select event_id from event").query(String.class).list();
		this.transactions.executeWithoutResult((tx) -> {
			data.aContact(events.get(1)).on(LocalDate.of(2025, 8, 5)).insert();
			data.aContact(events.get(3)).on(LocalDate.of(2025, 8, 6)).withOutcome("ATTENDED_FAILED_TO_COMPLY").insert();
			this.recomputation.recomputeEvents(all, Dataset.CONTACTS, LocalDate.of(2025, 8, 5),
					LocalDate.of(2025, 8, 6));
		});
		String applied = this.jdbc.sql(CELLS).query(String.class).single();
		assertThat(applied).isEqualTo(listed()).contains("ATTENDANCE 2025-08-01 MCTT2 MCTS002 1/1");
		this.recomputation.recomputeAll();
		assertThat(this.jdbc.sql(CELLS).query(String.class).single()).isEqualTo(applied);
	}

	private String listed() {
		return this.jdbc.sql(LISTED)
			.param("from", LocalDate.of(1900, 1, 1))
			.param("to", LocalDate.of(9999, 12, 1))
			.query(String.class)
			.single();
	}

}
