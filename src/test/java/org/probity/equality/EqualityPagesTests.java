package org.probity.equality;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.Role;
import org.probity.measures.MeasureRecomputation;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The equality pages over HTTP on the cases of {@link EqualityTestData}. */
@IntegrationTest
class EqualityPagesTests {

	static EqualityTestData data;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseAccessLog accessLog;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation,
			@Autowired Accounts accounts) {
		data = new EqualityTestData(jdbc, "EQP", 'P').firstQuarterOf2024();
		recomputation.recomputeAll();
		accounts.createOrReset("eqp-quality", "Quality", Role.QUALITY_TEAM, null, null, "secret-eqp-1");
		accounts.createOrReset("eqp-manager-two", "Manager Two", Role.LINE_MANAGER, null,
				new UnitCode(data.otherTeam()), "secret-eqp-2");
	}

	@Test
	void theOverviewListsEverySignificantGroupAndCountsThoseLower() {
		String page = quality().get("/equality?period=2024-Q1&unit=" + data.team()).body();
		assertThat(page).contains("January to March 2024", "Groups significantly different from the rest",
				"Completion of community orders and SSOs", "Higher than the rest, significant",
				"Lower than the rest, significant", "0.0130");
		// SL008 has two groups lower than their rest: White (ethnicity) and women (sex)
		assertThat(page).contains("1 groups lower: Completion of community orders and SSOs, Ethnicity")
			.contains("1 groups lower: Completion of community orders and SSOs, Sex");
	}

	@Test
	void theMeasureListsSignificantGroupsFirstAndHidesSmallOnes() {
		String page = quality().get("/equality/SL008?period=2024-Q1&unit=" + data.team()).body();
		String ethnicity = page.substring(page.indexOf("id=\"ETHNICITY\""), page.indexOf("id=\"RELIGION\""));
		// Black and White (significant) before Asian, in the table's order otherwise
		assertThat(ethnicity.indexOf(">Black<")).isLessThan(ethnicity.indexOf(">White<"));
		assertThat(ethnicity.indexOf(">White<")).isLessThan(ethnicity.indexOf(">Asian<"));
		assertThat(ethnicity).contains("83.3%", "+50.0 points", "2.50", "No cases");
		String sex = page.substring(page.indexOf("id=\"SEX\""), page.indexOf("id=\"GENDER_REASSIGNMENT\""));
		assertThat(sex.split(">fewer than 5<", -1)).hasSize(3);
		// everyone's gender identity is not recorded: its share of every case
		String gender = page.substring(page.indexOf("id=\"GENDER_REASSIGNMENT\""), page.indexOf("id=\"ETHNICITY\""));
		assertThat(gender).contains("100.0% of cases");
	}

	@Test
	void exportsHonourSuppression() {
		HttpResponse<String> csv = quality().get("/equality/SL008?period=2024-Q1&unit=" + data.team() + "&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("SEX,MALE,fewer than 5,,,,,,,,,,,", "SEX,NOT_RECORDED,fewer than 5,,,,,,,,,,,",
				"ETHNICITY,BLACK,,12,10,83.33333333333333,15,5,");
		HttpResponse<String> xlsx = quality()
			.get("/equality/SL008?period=2024-Q1&unit=" + data.team() + "&format=xlsx");
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		HttpResponse<String> overview = quality().get("/equality?period=2024-Q1&unit=" + data.team() + "&format=csv");
		assertThat(overview.body()).contains("SL008,Completion of community orders and SSOs,0,1,0,1,0,0,0,0");
		HttpResponse<String> pdf = quality().get("/equality?period=2024-Q1&unit=" + data.team() + "&format=pdf");
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
	}

	@Test
	void listsAGroupsCasesAndLogsEachOpening() {
		HttpResponse<String> response = quality()
			.get("/equality/SL008/cases?period=2024-Q1&unit=" + data.team() + "&characteristic=ETHNICITY&group=BLACK");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("12 cases of the group", "10 of 12");
		java.util.List<String> crns = this.jdbc.sql("""
				select p.crn from person p join event e on e.crn = p.crn
				where e.team_code = :team and p.ethnicity = 'BLACK'
				""").param("team", data.team()).query(String.class).list();
		assertThat(crns).hasSize(12);
		for (String crn : crns) {
			assertThat(response.body()).contains(crn);
			assertThat(this.accessLog.page(crn, "eqp-quality", 1, 10).entries())
				.anySatisfy((e) -> assertThat(e.outcome()).isEqualTo(CaseAccessLog.Outcome.LISTED));
		}
	}

	@Test
	void neverListsTheCasesOfASuppressedGroup() {
		HttpResponse<String> response = quality()
			.get("/equality/SL008/cases?period=2024-Q1&unit=" + data.team() + "&characteristic=SEX&group=MALE");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("fewer than 5 cases");
		assertThat(quality()
			.get("/equality/SL008/cases?period=2024-Q1&unit=" + data.team() + "&characteristic=SEX&group=NOBODY")
			.statusCode()).isEqualTo(404);
		assertThat(quality()
			.get("/equality/SL008/cases?period=2024-Q1&unit=" + data.team() + "&characteristic=HEIGHT&group=TALL")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void aManagerOfAnotherTeamSeesNoneOfThisTeamsPages() {
		PageSession other = new PageSession(this.port).signedIn("eqp-manager-two", "secret-eqp-2");
		assertThat(other.get("/equality?period=2024-Q1&unit=" + data.team()).statusCode()).isEqualTo(403);
		assertThat(other.get("/equality/SL008?period=2024-Q1&unit=" + data.team()).statusCode()).isEqualTo(403);
		assertThat(other
			.get("/equality/SL008/cases?period=2024-Q1&unit=" + data.team() + "&characteristic=ETHNICITY&group=BLACK")
			.statusCode()).isEqualTo(403);
		assertThat(other.get("/equality/SL008?period=2024-Q1&staff=" + data.staff()).statusCode()).isEqualTo(403);
		// their own team, by default
		HttpResponse<String> own = other.get("/equality?period=2024-Q1");
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains(data.otherTeam());
	}

	@Test
	void profilesTheCaseloadOnTheLastDayOfThePeriodBesideTheProvider() {
		// on 29 February 2024 the orders ending in March are active: 15 in team one, 21
		// in the provider (the six Asian men of team two)
		String page = quality().get("/equality/caseload?period=2024-02&unit=" + data.team()).body();
		assertThat(page).contains("29 February 2024", "People (15)", "Provider (21)");
		String ethnicity = page.substring(page.indexOf("id=\"ETHNICITY\""), page.indexOf("id=\"RELIGION\""));
		assertThat(ethnicity).contains("100.0%", "71.4%", "28.6%");
		// sex: 3 not recorded, so the next smallest is hidden too (women in the team, men
		// in the provider)
		String sex = page.substring(page.indexOf("id=\"SEX\""), page.indexOf("id=\"GENDER_REASSIGNMENT\""));
		assertThat(sex.split(">fewer than 5<", -1)).hasSize(5);
		HttpResponse<String> csv = quality()
			.get("/equality/caseload?period=2024-02&unit=" + data.team() + "&format=csv");
		assertThat(csv.body()).contains("ETHNICITY,WHITE,15,100.0%,15,71.4%", "SEX,FEMALE,fewer than 5,,12,57.1%");
	}

	@Test
	void aPeriodThatDoesNotReadIsAnErrorOnThePage() {
		HttpResponse<String> response = quality().get("/equality?period=2024-Q5&unit=" + data.team());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("There is a problem", "Period must be a month");
	}

	private PageSession quality() {
		return new PageSession(this.port).signedIn("eqp-quality", "secret-eqp-1");
	}

}
