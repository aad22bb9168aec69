package org.probity.equality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;
import org.probity.measures.MeasureRecomputation;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly counts per team (equality_team_counts, one pass with grouping sets) are the
 * case rows of equality_row_groups (one row per characteristic, what the case lists show)
 * grouped: the same groups for every characteristic, so that a list adds up to its
 * figure. On {@link EqualityTestData}'s quarter and people of every kind of value: every
 * characteristic recorded or not, born on 29 February and on the last day of a month.
 */
@IntegrationTest
class EqualityCountingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureRecomputation recomputation;

	@Test
	void countsEveryGroupAsTheCaseRowsGroupThem() {
		EqualityTestData data = new EqualityTestData(this.jdbc, "EQC", 'G').firstQuarterOf2024();
		CaseData cases = new CaseData(this.jdbc);
		List<Object[]> people = List.of(
				new Object[] { LocalDate.of(2000, 2, 29), "FEMALE", true, "MIXED", "MUSLIM", "BISEXUAL", true,
						"MARRIED_OR_CIVIL_PARTNERSHIP" },
				new Object[] { LocalDate.of(1999, 3, 31), "MALE", false, "OTHER", "SIKH", "GAY_OR_LESBIAN", null,
						"WIDOWED" },
				new Object[] { LocalDate.of(1958, 1, 31), "NOT_RECORDED", null, "NOT_RECORDED", "NOT_RECORDED",
						"NOT_RECORDED", false, "NOT_RECORDED" },
				new Object[] { LocalDate.of(2006, 2, 1), "MALE", true, "ASIAN", "HINDU", "HETEROSEXUAL", true,
						"SINGLE" });
		int n = 0;
		for (Object[] p : people) {
			String crn = "G" + String.format("%06d", 950000 + (++n));
			cases.aPerson(crn)
				.bornOn((LocalDate) p[0])
				.withCharacteristics((String) p[1], (Boolean) p[2], (String) p[3], (String) p[4], (String) p[5],
						(Boolean) p[6], (String) p[7])
				.insert();
			cases.aCommunityOrder("EQC-X" + n)
				.forPerson(crn)
				.sentencedOn(LocalDate.of(2023, 5, 2))
				.heldBy(data.staff())
				.inTeam(data.team())
				.terminatedOn(LocalDate.of(2024, 2, 29), (n % 2 == 0) ? "COMPLETED" : "REVOKED_BREACH")
				.insert();
		}
		this.recomputation.recomputeAll();
		String grouped = """
				select r.month, r.team_code, r.measure_code, r.characteristic, r.group_code,
				       sum(r.numerator) as numerator, sum(r.denominator) as denominator
				from equality_row_groups(date '2024-01-01', date '2024-03-01') r
				where r.team_code like 'EQC%'
				group by 1, 2, 3, 4, 5
				""";
		String counted = """
				select t.month, t.team_code, t.measure_code, t.characteristic, t.group_code, t.numerator, t.denominator
				from equality_team_counts(date '2024-01-01', date '2024-03-01') t
				where t.team_code like 'EQC%'
				""";
		List<Map<String, Object>> expected = this.jdbc.sql(grouped + " order by 1, 2, 3, 4, 5").query().listOfRows();
		List<Map<String, Object>> actual = this.jdbc.sql("select * from (" + counted + ") c order by 1, 2, 3, 4, 5")
			.query()
			.listOfRows();
		// every characteristic and some of the new people's groups are there
		assertThat(expected).extracting((r) -> r.get("characteristic"))
			.contains("AGE", "SEX", "GENDER_REASSIGNMENT", "ETHNICITY", "RELIGION", "SEXUAL_ORIENTATION", "DISABILITY",
					"MARITAL_STATUS");
		assertThat(expected).extracting((r) -> r.get("group_code"))
			.contains("UNDER_18", "65_PLUS", "DIFFERENT_FROM_BIRTH", "MIXED", "SIKH", "BISEXUAL", "WIDOWED");
		assertThat(actual).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(actual.get(i).toString()).isEqualTo(expected.get(i).toString());
		}
	}

}
