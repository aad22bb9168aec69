package org.probity.measures;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.web.Format;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measures pages as a newcomer reads them (issue 16): they open on the latest
 * complete month and say how current the data is; names, not codes; the dates and the
 * person behind each case's reason, "not yet due" where the deadline has not come; the
 * period and unit as selects; errors answered 400 or 404 with titles that start "Error:";
 * exports with numbers and a period column.
 */
@IntegrationTest
class MeasurePageWordsTests {

	static final String PASSWORD = "words-password-long";

	static CaseData.Estate data;

	static YearMonth month = YearMonth.now().minusMonths(1);

	static CaseData.Event met;

	@LocalServerPort
	int port;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation,
			@Autowired Accounts accounts) {
		data = new CaseData(jdbc).anEstate("MPW", 'Y');
		LocalDate allocated = month.atDay(3);
		met = data.aCommunityOrder().sentencedOn(allocated.minusDays(2)).allocatedOn(allocated).insert();
		data.aContact(met).on(allocated.plusDays(1)).insert();
		var late = data.aCommunityOrder().sentencedOn(allocated).inTeam(data.team(1)).heldBy(data.staff(2)).insert();
		data.aContact(late).on(allocated.plusDays(21)).insert();
		// allocated today with no contact yet: its deadline is still to come
		data.aCommunityOrder().sentencedOn(LocalDate.now()).insert();
		recomputation.recomputeAll();
		accounts.createOrReset("mpw-quality", "Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
	}

	@Test
	void opensOnTheLatestCompleteMonthWithSelectsAndSaysHowCurrentTheDataIs() {
		String page = get("/measures?unit=" + data.team(1)).body();
		assertThat(page).contains("<option value=\"" + month + "\" selected=\"selected\">" + Format.month(month));
		assertThat(page).contains("<select class=\"govuk-select\" id=\"unit\" name=\"unit\">", "<option value=\""
				+ data.team(1) + "\" selected=\"selected\">Unit " + data.team(1) + " (Team)</option>");
		assertThat(page).contains("class=\"govuk-body-s probity-freshness\">Case data up to ");
		// the query parameters stay as they were: period and unit
		assertThat(get("/measures?period=" + month.minusMonths(1) + "&unit=" + data.ldu(1)).body())
			.contains("<option value=\"" + month.minusMonths(1) + "\" selected=\"selected\">");
	}

	@Test
	void caseListsNameThePersonAndPractitionerWithTheDatesBehindEachReason() {
		String cases = get("/measures/SL001R/cases?period=" + month + "&unit=" + data.team(1)).body();
		assertThat(cases).contains("Officer " + data.staff(1), "Officer " + data.staff(2), "Sam Test");
		assertThat(cases).contains(">First face-to-face contact ").doesNotContain(">first face-to-face");
		assertThat(cases)
			.contains("Sentenced " + Format.date(month.atDay(1)) + ", allocated " + Format.date(month.atDay(3)) + ".");
		assertThat(cases).contains("2 cases</span>.");
		// a case whose deadline has not come is "not yet due", with its date
		String now = get("/measures/SL001R/cases?period=" + YearMonth.now() + "&unit=" + data.team(1)).body();
		assertThat(now).contains("Not yet due", "Due by ").contains("counts it as not met until it is met");
		String csv = get("/measures/SL001R/cases?period=" + YearMonth.now() + "&unit=" + data.team(1) + "&format=csv")
			.body();
		assertThat(csv).startsWith(
				"Period,CRN,Person,Event,Counted item,Month,Team,Team name,Practitioner,Practitioner name,Result,Numerator,Denominator,Due by,Reason,Dates")
			.contains(",Unit " + data.team(1) + "," + data.staff(1) + ",Pat Officer " + data.staff(1)
					+ ",Not yet due,0,1,");
	}

	@Test
	void theTeamDrillDownSaysWhyItListsMorePractitionersThanStaffInPost() {
		String page = get("/measures/SL001R?period=" + month + "&unit=" + data.team(1)).body();
		assertThat(page).contains("Why more people than the team's staff", "including",
				"those who have since left or moved to another team");
	}

	@Test
	void badPeriodsAndUnknownMeasuresAreErrorsWithTitlesThatSaySo() {
		HttpResponse<String> csv = get("/measures?period=garbage&format=csv");
		assertThat(csv.statusCode()).isEqualTo(400);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("text/csv");
		HttpResponse<String> page = get("/measures?period=garbage");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("<title>Error: Service levels - Probity</title>", "There is a problem");
		HttpResponse<String> nope = get("/measures/NOPE");
		assertThat(nope.statusCode()).isEqualTo(404);
		assertThat(nope.body()).contains("<title>Error: Page not found - Service levels - Probity</title>");
		assertThat(get("/measures/flags?period=garbage&format=csv").statusCode()).isEqualTo(400);
	}

	@Test
	void exportsWritePerformanceTargetsAndTriggersAsNumbersWithThePeriod() {
		String csv = get("/measures?period=" + month + "&unit=" + data.team(1) + "&format=csv").body();
		assertThat(csv).startsWith("Code,Name,Numerator,Denominator,Performance,Target,Trigger,RAG,Rating,Period");
		// SL001R: 1 of 2 met, against a numeric target
		assertThat(csv.lines().filter((l) -> l.startsWith("SL001R,")).findFirst().orElseThrow())
			.matches("SL001R,[^,]+,1,2,50,\\d+(\\.\\d+)?,\\d+(\\.\\d+)?,Red,[^,]+," + month);
		String flags = get("/measures/flags?period=" + month + "&format=csv").body();
		assertThat(flags)
			.startsWith("Period,Flag,Measure,Measure title,Unit,Unit name,Practitioner,Practitioner name,Performance");
	}

	@Test
	void theCasePageListsTheMeasuresItCountsInAndItsAudits() {
		String page = get("/cases/" + met.crn()).body();
		assertThat(page).contains("Service levels this case counts in", "Initial contact: community orders and SSOs",
				Format.month(month), "First face-to-face contact", "Audits of this case",
				"This case has not been chosen for an audit.");
		assertThat(page).contains("/measures/SL001R/cases?period=" + month + "&amp;unit=" + data.team(1));
	}

	@Test
	void rolesAreNamedInWords() {
		HttpResponse<String> accounts = new PageSession(this.port).signedIn("admin", "test-admin-password")
			.get("/admin/accounts");
		assertThat(accounts.body()).contains(">Quality team<", ">Line manager<").doesNotContain(">QUALITY_TEAM<");
	}

	private HttpResponse<String> get(String path) {
		return new PageSession(this.port).signedIn("mpw-quality", PASSWORD).get(path);
	}

}
