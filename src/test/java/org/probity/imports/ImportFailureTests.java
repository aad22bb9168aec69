package org.probity.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.probity.IntegrationTest;
import org.probity.testing.CaseData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An import that stops midway (the upload breaks, the database connection dies) leaves
 * the case data as it was and is recorded as failed. Codes here start with Z6.
 */
@IntegrationTest
class ImportFailureTests {

	@Autowired
	CaseDataImports imports;

	@Autowired
	ImportHistory history;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void loadCaseData() {
		applied(Dataset.UNITS,
				CaseData.csv(Dataset.UNITS)
					.row("unit_code", "Z6P", "unit_type", "PROVIDER", "parent_code", "")
					.row("unit_code", "Z6L1", "unit_type", "LDU", "parent_code", "Z6P")
					.row("unit_code", "Z6T1", "unit_type", "TEAM", "parent_code", "Z6L1")
					.text());
		applied(Dataset.STAFF, CaseData.csv(Dataset.STAFF).row("staff_code", "Z6S0001", "team_code", "Z6T1").text());
		applied(Dataset.PEOPLE, CaseData.csv(Dataset.PEOPLE).row("crn", "Z600001").text());
		applied(Dataset.EVENTS,
				CaseData.csv(Dataset.EVENTS)
					.row("event_id", "Z6E1", "crn", "Z600001", "staff_code", "Z6S0001", "team_code", "Z6T1")
					.text());
	}

	@Test
	void anUploadThatBreaksMidwayChangesNothing() {
		long before = contacts();
		InputStream breaking = new BreakingStream(contactsCsv(5_000).getBytes(StandardCharsets.UTF_8), 100_000, () -> {
			throw new IOException("Connection reset by peer");
		});

		assertThatThrownBy(() -> this.imports.importCsv(Dataset.CONTACTS, breaking, "z6-tester", "broken.csv"))
			.hasRootCauseMessage("Connection reset by peer");

		assertThat(contacts()).isEqualTo(before);
		assertThat(lastRunOf("z6-tester").outcome()).isEqualTo(ImportRun.Outcome.FAILED);
	}

	@Test
	void aDatabaseConnectionThatDiesMidwayChangesNothing() {
		long before = contacts();
		InputStream killing = new BreakingStream(contactsCsv(5_000).getBytes(StandardCharsets.UTF_8), 100_000,
				() -> CompletableFuture.runAsync(() -> this.jdbc.sql("""
						select pg_terminate_backend(pid) from pg_stat_activity
						where query like 'copy import_staging%' and pid <> pg_backend_pid()
						""").query().listOfRows()).join());

		assertThatThrownBy(() -> this.imports.importCsv(Dataset.CONTACTS, killing, "z6-killer", "killed.csv"))
			.isInstanceOf(RuntimeException.class);

		assertThat(contacts()).isEqualTo(before);
		assertThat(lastRunOf("z6-killer").outcome()).isEqualTo(ImportRun.Outcome.FAILED);
	}

	@Test
	void theSameFileAppliesAfterwards() {
		ImportResult result = this.imports.importCsv(Dataset.CONTACTS,
				new ByteArrayInputStream(contactsCsv(5_000).getBytes(StandardCharsets.UTF_8)), "z6-tester");

		assertThat(result.applied()).isTrue();
		assertThat(result.inserted() + result.updated()).isLessThanOrEqualTo(5_000);
		assertThat(contacts()).isEqualTo(5_000);
	}

	private long contacts() {
		return this.jdbc.sql("select count(*) from contact where event_id = 'Z6E1'").query(Long.class).single();
	}

	private ImportRun lastRunOf(String username) {
		return this.history.page(0, 200)
			.runs()
			.stream()
			.filter((run) -> run.username().equals(username))
			.findFirst()
			.orElseThrow();
	}

	private static String contactsCsv(int rows) {
		CaseData.Csv contacts = CaseData.csv(Dataset.CONTACTS);
		for (int i = 0; i < rows; i++) {
			contacts.row("contact_id", "Z6C" + i, "crn", "Z600001", "event_id", "Z6E1", "staff_code", "Z6S0001");
		}
		return contacts.text();
	}

	private void applied(Dataset dataset, String csv) {
		ImportResult result = this.imports.importCsv(dataset,
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "z6-setup");
		assertThat(result.applied()).as(result.errors().toString()).isTrue();
	}

	interface Breakage {

		void happen() throws IOException;

	}

	/** Serves the bytes, and once past a point makes something go wrong. */
	static final class BreakingStream extends InputStream {

		private final byte[] bytes;

		private final int breakAt;

		private final Breakage breakage;

		private int position;

		BreakingStream(byte[] bytes, int breakAt, Breakage breakage) {
			this.bytes = bytes;
			this.breakAt = breakAt;
			this.breakage = breakage;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.position >= this.breakAt && this.position - length < this.breakAt) {
				this.breakage.happen();
			}
			if (this.position >= this.bytes.length) {
				return -1;
			}
			int count = Math.min(Math.min(length, 4096), this.bytes.length - this.position);
			System.arraycopy(this.bytes, this.position, buffer, offset, count);
			this.position += count;
			return count;
		}

	}

}
