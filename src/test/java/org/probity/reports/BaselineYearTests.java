package org.probity.reports;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.measures.MeasureRecomputation;
import org.probity.reports.archive.ReportRefused;
import org.probity.reports.archive.StoredReport;
import org.probity.reports.baseline.BaselineYears;
import org.probity.reports.packs.MonthlyPacks;
import org.probity.reports.packs.PackContent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The baseline year: set by an administrator with every change kept, stale and unended
 * years refused; the pack shows each figure against the same month of it.
 */
@IntegrationTest
class BaselineYearTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	MeasureRecomputation recomputation;

	@Autowired
	BaselineYears years;

	@Autowired
	MonthlyPacks packs;

	@Test
	void theBaselineYearIsAuditTrailedAndStaleOrUnendedYearsAreRefused() {
		BaselineYears.Baseline before = this.years.current();
		BaselineYears.Baseline set = this.years.set(2024, before.version(), "Contract variation 3", "admin");
		assertThat(set.year()).isEqualTo(2024);
		assertThat(set.version()).isGreaterThan(before.version());
		assertThat(this.years.history().get(0)).satisfies((c) -> {
			assertThat(c.to()).isEqualTo(2024);
			assertThat(c.by()).isEqualTo("admin");
			assertThat(c.reason()).isEqualTo("Contract variation 3");
		});
		assertThatThrownBy(() -> this.years.set(2023, before.version(), null, "admin")).isInstanceOfSatisfying(
				ReportRefused.class, (e) -> assertThat(e.kind()).isEqualTo(ReportRefused.Kind.STALE));
		int thisYear = LocalDate.now(java.time.ZoneId.of("Europe/London")).getYear();
		assertThatThrownBy(() -> this.years.set(thisYear, set.version(), null, "admin")).isInstanceOfSatisfying(
				ReportRefused.class, (e) -> assertThat(e.kind()).isEqualTo(ReportRefused.Kind.NOT_ALLOWED));
		assertThat(this.years.current().year()).isEqualTo(2024);
	}

	@Test
	void thePackShowsTheChangeFromTheSameMonthOfTheBaselineYear() {
		PackTestData data = new PackTestData(this.jdbc, "RPB", 660000).estate(this.accounts);
		data.orders(1, LocalDate.of(2025, 10, 6), 1, 3);
		data.orders(1, LocalDate.of(2026, 10, 5), 3, 1);
		this.recomputation.recomputeAll();
		this.years.set(2025, this.years.current().version(), "First whole year", "admin");
		CurrentUser quality = this.accounts.userFor(data.user("quality")).orElseThrow();

		StoredReport report = this.packs.generate(YearMonth.of(2026, 10), this.packs.provider(data.provider()), null,
				quality);

		PackContent pack = this.packs.read(report);
		assertThat(pack.baselineYear()).isEqualTo(2025);
		assertThat(pack.baselineMonthLabel()).isEqualTo("October 2025");
		PackContent.Figure initial = pack.measures()
			.stream()
			.filter((m) -> m.code().equals("SL001R"))
			.findFirst()
			.orElseThrow()
			.provider();
		assertThat(initial.performance()).isEqualTo(75.0);
		assertThat(initial.baseline()).isEqualTo(25.0);
		assertThat(initial.changeFromBaseline()).isEqualTo(50.0);
	}

}
