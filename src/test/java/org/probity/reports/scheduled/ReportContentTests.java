package org.probity.reports.scheduled;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report read back from the archive whose stored content leaves a list out: the lists
 * read as empty, so that the pages that check a reader's scope against its units refuse
 * it to managers instead of failing (a null units list was a 500 on /reports/scheduled
 * for senior and line managers, seen in the suite's log).
 */
class ReportContentTests {

	@Test
	void listsLeftOutOfTheStoredContentReadAsEmpty() {
		ReportContent content = ReportContent.read("""
				{"kind": "WEEKLY_OPERATIONS", "title": "Weekly operations report", "period": "2026-W48"}
				""");
		assertThat(content.units()).isEmpty();
		assertThat(content.sections()).isEmpty();
		assertThat(content.cases()).isEmpty();
		assertThat(ReportContent.read(content.json())).isEqualTo(content);
	}

}
