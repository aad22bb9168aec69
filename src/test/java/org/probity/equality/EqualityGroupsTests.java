package org.probity.equality;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;
import org.probity.measures.MeasureRecomputation;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each characteristic's group from people.csv, and the age band on the last day of the
 * month a case row counts in (equality.md), read from the rows the analysis sums.
 */
@IntegrationTest
class EqualityGroupsTests {

	static final String TEAM = "EQGT1";

	static final String STAFF = "EQG0001";

	@Autowired
	JdbcClient jdbc;

	static int events;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation) {
		CaseData data = new CaseData(jdbc);
		data.aProvider("EQGP").named("Groups provider").insert();
		data.aRegion("EQGR").named("Groups region").under("EQGP").insert();
		data.anLdu("EQGL").named("Groups LDU").under("EQGR").insert();
		data.aTeam(TEAM).named("Groups team").under("EQGL").insert();
		data.aStaffMember(STAFF).named("Gina", "Groups").inTeam(TEAM).insert();
		person(data, "G900001", LocalDate.of(1999, 3, 31), "MALE", true, "ASIAN", "SIKH", "BISEXUAL", true, "WIDOWED");
		person(data, "G900002", LocalDate.of(2000, 2, 29), "FEMALE", false, "BLACK", "NONE", "GAY_OR_LESBIAN", false,
				"MARRIED_OR_CIVIL_PARTNERSHIP");
		person(data, "G900003", LocalDate.of(2006, 4, 1), "NOT_RECORDED", null, "NOT_RECORDED", "NOT_RECORDED",
				"NOT_RECORDED", null, "NOT_RECORDED");
		person(data, "G900004", LocalDate.of(1959, 3, 31), "MALE", true, "MIXED", "JEWISH", "HETEROSEXUAL", true,
				"SEPARATED_DIVORCED_OR_DISSOLVED");
		person(data, "G900005", LocalDate.of(1959, 4, 1), "MALE", true, "OTHER", "BUDDHIST", "OTHER", true, "SINGLE");
		// a birthday on the 31st: 24 on 15 February and on 5 March 2024, 25 on 31 March
		completed(data, "G900001", LocalDate.of(2024, 2, 15));
		completed(data, "G900001", LocalDate.of(2024, 3, 5));
		// born on 29 February 2000: 24 on 29 February 2024 and on 28 February 2025, 25 on
		// 31 March 2025
		completed(data, "G900002", LocalDate.of(2024, 2, 10));
		completed(data, "G900002", LocalDate.of(2025, 2, 10));
		completed(data, "G900002", LocalDate.of(2025, 3, 3));
		completed(data, "G900003", LocalDate.of(2024, 3, 20));
		completed(data, "G900004", LocalDate.of(2024, 3, 20));
		completed(data, "G900005", LocalDate.of(2024, 3, 20));
		recomputation.recomputeAll();
	}

	@Test
	void ageIsTakenOnTheLastDayOfTheMonthTheRowCountsIn() {
		assertThat(age("G900001", "2024-02-01")).isEqualTo("18_24");
		// 24 on the day the order ended, 25 by 31 March
		assertThat(age("G900001", "2024-03-01")).isEqualTo("25_34");
	}

	@Test
	void aPersonBornOnTheTwentyNinthOfFebruaryIsOlderOnlyFromMarchInOtherYears() {
		assertThat(age("G900002", "2024-02-01")).isEqualTo("18_24");
		assertThat(age("G900002", "2025-02-01")).isEqualTo("18_24");
		assertThat(age("G900002", "2025-03-01")).isEqualTo("25_34");
	}

	@Test
	void agesAtTheEdgesOfTheBands() {
		assertThat(age("G900003", "2024-03-01")).isEqualTo("UNDER_18");
		assertThat(age("G900004", "2024-03-01")).isEqualTo("65_PLUS");
		assertThat(age("G900005", "2024-03-01")).isEqualTo("55_64");
	}

	@Test
	void mapsEveryCharacteristicFromPeopleCsv() {
		assertThat(groups("G900001", "2024-03-01")).containsExactlyInAnyOrderEntriesOf(Map.of("AGE", "25_34", "SEX",
				"MALE", "GENDER_REASSIGNMENT", "SAME_AS_BIRTH", "ETHNICITY", "ASIAN", "RELIGION", "SIKH",
				"SEXUAL_ORIENTATION", "BISEXUAL", "DISABILITY", "DISABLED", "MARITAL_STATUS", "WIDOWED"));
		assertThat(groups("G900002", "2024-02-01"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("AGE", "18_24", "SEX", "FEMALE", "GENDER_REASSIGNMENT",
					"DIFFERENT_FROM_BIRTH", "ETHNICITY", "BLACK", "RELIGION", "NONE", "SEXUAL_ORIENTATION",
					"GAY_OR_LESBIAN", "DISABILITY", "NOT_DISABLED", "MARITAL_STATUS", "MARRIED_OR_CIVIL_PARTNERSHIP"));
		assertThat(groups("G900003", "2024-03-01"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("AGE", "UNDER_18", "SEX", "NOT_RECORDED", "GENDER_REASSIGNMENT",
					"NOT_RECORDED", "ETHNICITY", "NOT_RECORDED", "RELIGION", "NOT_RECORDED", "SEXUAL_ORIENTATION",
					"NOT_RECORDED", "DISABILITY", "NOT_RECORDED", "MARITAL_STATUS", "NOT_RECORDED"));
		assertThat(groups("G900004", "2024-03-01")).containsEntry("MARITAL_STATUS", "SEPARATED_DIVORCED_OR_DISSOLVED")
			.containsEntry("RELIGION", "JEWISH")
			.containsEntry("ETHNICITY", "MIXED")
			.containsEntry("SEXUAL_ORIENTATION", "HETEROSEXUAL");
		assertThat(groups("G900005", "2024-03-01")).containsEntry("ETHNICITY", "OTHER")
			.containsEntry("RELIGION", "BUDDHIST")
			.containsEntry("SEXUAL_ORIENTATION", "OTHER")
			.containsEntry("MARITAL_STATUS", "SINGLE");
	}

	private String age(String crn, String month) {
		return groups(crn, month).get("AGE");
	}

	/** The groups of the person's completion row (SL008) in the month. */
	private Map<String, String> groups(String crn, String month) {
		LocalDate m = LocalDate.parse(month);
		return this.jdbc.sql("""
				select characteristic, group_code from equality_row_groups(:from, :to)
				where measure_code = 'SL008' and crn = :crn and month = :from
				""")
			.param("from", m)
			.param("to", m)
			.param("crn", crn)
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static void person(CaseData data, String crn, LocalDate born, String sex, Boolean same, String ethnicity,
			String religion, String orientation, Boolean disability, String marital) {
		data.aPerson(crn)
			.bornOn(born)
			.withCharacteristics(sex, same, ethnicity, religion, orientation, disability, marital)
			.insert();
	}

	private static void completed(CaseData data, String crn, LocalDate terminated) {
		data.aCommunityOrder("EQG-E" + (++events))
			.forPerson(crn)
			.sentencedOn(terminated.minusMonths(10))
			.heldBy(STAFF)
			.inTeam(TEAM)
			.terminatedOn(terminated, "COMPLETED")
			.insert();
	}

}
