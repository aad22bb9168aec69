package org.probity.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.probity.IntegrationTest;
import org.probity.testing.CaseData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file large enough for a bulk load (foreign keys and secondary indexes dropped and
 * created again around the merge) keeps every guarantee of a row-by-row import: the
 * constraints and indexes are in force afterwards whether the import applied, was
 * rejected or failed midway. Codes here start with Q4.
 */
@IntegrationTest
class ImportBulkLoadTests {

	@Autowired
	CaseDataImports imports;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void loadCaseData() {
		applied(Dataset.UNITS,
				CaseData.csv(Dataset.UNITS)
					.row("unit_code", "Q4P", "unit_type", "PROVIDER", "parent_code", "")
					.row("unit_code", "Q4L1", "unit_type", "LDU", "parent_code", "Q4P")
					.row("unit_code", "Q4T1", "unit_type", "TEAM", "parent_code", "Q4L1")
					.text());
		applied(Dataset.STAFF, CaseData.csv(Dataset.STAFF).row("staff_code", "Q4S0001", "team_code", "Q4T1").text());
		applied(Dataset.PEOPLE, CaseData.csv(Dataset.PEOPLE).row("crn", "Q400001").text());
		applied(Dataset.EVENTS,
				CaseData.csv(Dataset.EVENTS)
					.row("event_id", "Q4E1", "crn", "Q400001", "staff_code", "Q4S0001", "team_code", "Q4T1")
					.text());
		this.jdbc.sql("delete from contact where event_id = 'Q4E1'").update();
	}

	@Test
	void aBulkLoadLeavesTheSameValidatedConstraintsAndIndexes() {
		List<String> before = constraintsAndIndexes();
		List<Long> oidsBefore = foreignKeyOids();

		ImportResult result = importContacts(contactsCsv(bulkSize(), "Q4C-LAST", "Q4E1"), "q4-bulk");

		assertThat(result.applied()).as(result.errors().toString()).isTrue();
		assertThat(result.inserted()).isEqualTo(bulkSize());
		assertThat(contacts()).isEqualTo(bulkSize());
		assertThat(constraintsAndIndexes()).isEqualTo(before);
		// created again (new oids), so the bulk path was taken, and validated
		assertThat(foreignKeyOids()).doesNotContainAnyElementsOf(oidsBefore);
		assertThat(
				this.jdbc.sql("select bool_and(convalidated) from pg_constraint where conrelid = 'contact'::regclass")
					.query(Boolean.class)
					.single())
			.isTrue();
		assertThatThrownBy(() -> this.jdbc.sql("""
				insert into contact (contact_id, crn, event_id, staff_code, contact_type, face_to_face,
				                     national_standard, arranged_on, contact_at, outcome)
				values ('Q4-ORPHAN', 'Q400001', 'Q4-NO-SUCH-EVENT', 'Q4S0001', 'SUPERVISION', true, true,
				        '2024-01-01', '2024-01-02 10:00', 'ATTENDED_COMPLIED')
				""").update()).hasMessageContaining("contact_event_id_crn_fkey");
	}

	@Test
	void aBulkLoadIntoATableWithRowsCountsNewAndChangedRowsLikeARowByRowMerge() {
		ImportResult seeded = importContacts(CaseData.csv(Dataset.CONTACTS)
			.row("contact_id", "Q4C0", "crn", "Q400001", "event_id", "Q4E1", "staff_code", "Q4S0001", "outcome",
					"RESCHEDULED")
			.row("contact_id", "Q4C1", "crn", "Q400001", "event_id", "Q4E1", "staff_code", "Q4S0001")
			.text(), "q4-seed");
		assertThat(seeded.inserted()).isEqualTo(2);
		List<String> before = constraintsAndIndexes();

		ImportResult result = importContacts(contactsCsv(bulkSize(), "Q4C-LAST", "Q4E1"), "q4-bulk-upsert");

		assertThat(result.applied()).as(result.errors().toString()).isTrue();
		assertThat(result.updated()).isEqualTo(1);
		assertThat(result.inserted()).isEqualTo(contacts() - 2);
		assertThat(this.jdbc.sql("select outcome from contact where contact_id = 'Q4C0'").query(String.class).single())
			.isNotEqualTo("RESCHEDULED");
		assertThat(constraintsAndIndexes()).isEqualTo(before);
	}

	@Test
	void aBulkLoadThatFailsValidationLeavesTheConstraints() {
		List<String> before = constraintsAndIndexes();
		List<Long> oidsBefore = foreignKeyOids();

		ImportResult result = importContacts(contactsCsv(bulkSize(), "Q4C-LAST", "Q4-NO-SUCH-EVENT"), "q4-rejected");

		assertThat(result.applied()).isFalse();
		assertThat(result.errorCount()).isEqualTo(1);
		assertThat(contacts()).isZero();
		assertThat(constraintsAndIndexes()).isEqualTo(before);
		assertThat(foreignKeyOids()).isEqualTo(oidsBefore);
	}

	@Test
	void aBulkLoadThatFailsMidwayInTheMergeLeavesTheConstraintsAndNoRows() {
		List<String> before = constraintsAndIndexes();
		List<Long> oidsBefore = foreignKeyOids();
		// a rule the checks do not know, broken by the last row: the merge fails after
		// the
		// constraints have been dropped
		this.jdbc.sql("""
				create function q4_refuse() returns trigger language plpgsql as $$
				begin
				    if new.contact_id = 'Q4-REFUSED' then
				        raise exception 'refused for the test' using errcode = 'check_violation';
				    end if;
				    return new;
				end $$
				""").update();
		this.jdbc.sql("create trigger q4_refuse before insert on contact for each row execute function q4_refuse()")
			.update();
		try {
			String csv = contactsCsv(bulkSize(), "Q4-REFUSED", "Q4E1");

			assertThatThrownBy(() -> importContacts(csv, "q4-failed")).hasMessageContaining("refused for the test");
		}
		finally {
			this.jdbc.sql("drop trigger q4_refuse on contact").update();
			this.jdbc.sql("drop function q4_refuse()").update();
		}

		assertThat(contacts()).isZero();
		assertThat(constraintsAndIndexes()).isEqualTo(before);
		assertThat(foreignKeyOids()).isEqualTo(oidsBefore);
	}

	/** Enough new rows for a bulk load whatever other tests have left in the table. */
	private int bulkSize() {
		long existing = this.jdbc.sql("select count(*) from contact").query(Long.class).single();
		return (int) Math.max(ImportMerge.MIN_BULK_ROWS, (long) Math.ceil(existing * ImportMerge.BULK_FRACTION) + 10);
	}

	private List<String> constraintsAndIndexes() {
		return this.jdbc.sql("""
				select conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated from pg_constraint
				where conrelid = 'contact'::regclass
				union all
				select indexdef from pg_indexes where tablename = 'contact'
				order by 1
				""").query(String.class).list();
	}

	private List<Long> foreignKeyOids() {
		return this.jdbc
			.sql("select oid::bigint from pg_constraint where conrelid = 'contact'::regclass and contype = 'f'")
			.query(Long.class)
			.list();
	}

	private long contacts() {
		return this.jdbc.sql("select count(*) from contact where event_id = 'Q4E1'").query(Long.class).single();
	}

	/** Contacts of event Q4E1, but the last row has this id and event. */
	private static String contactsCsv(int rows, String lastContactId, String lastEventId) {
		CaseData.Csv contacts = CaseData.csv(Dataset.CONTACTS);
		for (int i = 0; i < rows - 1; i++) {
			contacts.row("contact_id", "Q4C" + i, "crn", "Q400001", "event_id", "Q4E1", "staff_code", "Q4S0001");
		}
		contacts.row("contact_id", lastContactId, "crn", "Q400001", "event_id", lastEventId, "staff_code", "Q4S0001");
		return contacts.text();
	}

	private ImportResult importContacts(String csv, String username) {
		return this.imports.importCsv(Dataset.CONTACTS, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				username);
	}

	private void applied(Dataset dataset, String csv) {
		ImportResult result = this.imports.importCsv(dataset,
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "q4-setup");
		assertThat(result.applied()).as(result.errors().toString()).isTrue();
	}

}
