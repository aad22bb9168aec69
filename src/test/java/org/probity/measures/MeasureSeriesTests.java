package org.probity.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;
import org.probity.shared.MeasureCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A unit's monthly series for other modules: every month from the first asked to the
 * unit's latest month with results, a month without cases as 0 of 0 with no performance.
 */
@IntegrationTest
class MeasureSeriesTests {

	@Autowired
	MeasureSeries series;

	@Test
	void everyMonthFromTheFirstToTheUnitsLatestWithResults(
			@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc,
			@Autowired MeasureRecomputation recomputation) {
		CaseData.Estate data = new CaseData(jdbc).anEstate("MSR", 'Q');
		// January 2024: 2 allocations, one with a first contact in time; March: 1, met.
		LocalDate january = LocalDate.of(2024, 1, 10);
		data.aContact(data.aCommunityOrder().sentencedOn(january).insert()).on(january.plusDays(1)).insert();
		data.aCommunityOrder().sentencedOn(january).insert();
		LocalDate march = LocalDate.of(2024, 3, 12);
		data.aContact(data.aCommunityOrder().sentencedOn(march).insert()).on(march).insert();
		recomputation.recomputeAll();

		List<MeasureSeries.MonthlyPerformance> months = this.series.monthly(new MeasureCode("SL001R"),
				new UnitCode(data.team(1)), YearMonth.of(2023, 12));
		assertThat(months).extracting(MeasureSeries.MonthlyPerformance::month)
			.containsExactly(YearMonth.of(2023, 12), YearMonth.of(2024, 1), YearMonth.of(2024, 2),
					YearMonth.of(2024, 3));
		assertThat(months.get(0).performance()).isNull();
		assertThat(months.get(1).numerator()).isEqualTo(1);
		assertThat(months.get(1).denominator()).isEqualTo(2);
		assertThat(months.get(1).performance()).isCloseTo(50.0, within(1e-9));
		assertThat(months.get(2).performance()).isNull();
		assertThat(months.get(3).performance()).isCloseTo(100.0, within(1e-9));
		assertThat(this.series.monthly(new MeasureCode("SL001R"), new UnitCode(data.team(2)), YearMonth.of(2023, 12)))
			.isEmpty();
		assertThat(this.series.measure(new MeasureCode("SL003R"))).isPresent();
		assertThat(this.series.measure(new MeasureCode("NOPE"))).isEmpty();
	}

}
