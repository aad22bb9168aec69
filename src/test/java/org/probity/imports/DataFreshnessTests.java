package org.probity.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.shared.Clocks;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Case data up to" names the last full day the data covers: the latest contact date
 * before the day of the latest import (or before today). Each case runs in a transaction
 * that is rolled back, in 2041, later than any other test's data.
 */
@IntegrationTest
class DataFreshnessTests {

	static final LocalDate IMPORTED_ON = LocalDate.of(2041, 3, 2);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final Clock today = Clock.fixed(IMPORTED_ON.atTime(15, 0).atZone(Clocks.LONDON).toInstant(), Clocks.LONDON);

	@Test
	void anExtractImportedOnTheSecondRunsToTheFirstThoughSomeContactsAreDatedTheSecondOrLater() {
		String sentence = rolledBack(() -> {
			contacts(LocalDateTime.of(2041, 3, 1, 14, 0), LocalDateTime.of(2041, 3, 2, 5, 30),
					LocalDateTime.of(2041, 3, 9, 10, 0));
			imported(IMPORTED_ON.atTime(6, 10));
			return new DataFreshness(this.jdbc, this.today).sentence();
		});
		assertThat(sentence).isEqualTo("Case data up to 1 March 2041, imported 2 March 2041 at 6:10am.");
	}

	@Test
	void withNoContactOnTheDayBeforeTheImportItIsTheLatestContactDay() {
		LocalDate upTo = rolledBack(() -> {
			contacts(LocalDateTime.of(2041, 2, 27, 11, 0), LocalDateTime.of(2041, 3, 2, 8, 0));
			imported(IMPORTED_ON.atTime(9, 0));
			return new DataFreshness(this.jdbc, this.today).currency().dataUpTo();
		});
		assertThat(upTo).isEqualTo(LocalDate.of(2041, 2, 27));
	}

	@Test
	void withoutAnImportTodaysContactsAreNotYetAFullDay() {
		DataFreshness.Currency currency = rolledBack(() -> {
			this.jdbc.sql("delete from import_run").update();
			contacts(LocalDateTime.of(2041, 3, 1, 16, 0), LocalDateTime.of(2041, 3, 2, 9, 0));
			return new DataFreshness(this.jdbc, this.today).currency();
		});
		assertThat(currency.dataUpTo()).isEqualTo(LocalDate.of(2041, 3, 1));
		assertThat(currency.importedAt()).isNull();
	}

	private <T> T rolledBack(java.util.function.Supplier<T> work) {
		return this.transactions.execute((status) -> {
			status.setRollbackOnly();
			return work.get();
		});
	}

	private void contacts(LocalDateTime... at) {
		CaseData cases = new CaseData(this.jdbc);
		cases.aProvider("DFP").named("DF Provider").insert();
		cases.aTeam("DFT").named("DF Team").under("DFP").insert();
		cases.aStaffMember("DFA0001").named("Dee", "Fresh").inTeam("DFT").insert();
		cases.aPerson("D410001").named("Ann", "Fresh").bornOn(LocalDate.of(1990, 1, 1)).insert();
		cases.aCommunityOrder("DFE1")
			.forPerson("D410001")
			.sentencedOn(LocalDate.of(2041, 1, 5))
			.heldBy("DFA0001")
			.inTeam("DFT")
			.insert();
		for (int i = 0; i < at.length; i++) {
			cases.aContact("DFC" + i).of("D410001", "DFE1").by("DFA0001").ofType("SUPERVISION").at(at[i]).insert();
		}
	}

	private void imported(LocalDateTime at) {
		ZonedDateTime london = at.atZone(Clocks.LONDON);
		this.jdbc.sql("""
				insert into import_run (dataset, username, started_at, finished_at, outcome)
				values ('CONTACTS', 'test', :at, :at, 'APPLIED')
				""").param("at", london.toOffsetDateTime()).update();
	}

}
