package org.probity.measures;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The service-level pages, signed in through the form. */
@IntegrationTest
class MeasurePagesTests {

	@LocalServerPort
	int port;

	static CaseData.Estate data;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation,
			@Autowired Accounts accounts) {
		data = new CaseData(jdbc).anEstate("MPT", 'P');
		LocalDate allocated = LocalDate.of(2024, 3, 28);
		var met = data.aCommunityOrder().sentencedOn(allocated).insert();
		data.aContact(met).on(LocalDate.of(2024, 4, 8)).insert();
		var late = data.aCommunityOrder().sentencedOn(allocated).inTeam(data.team(1)).heldBy(data.staff(2)).insert();
		data.aContact(late).on(LocalDate.of(2024, 4, 9)).insert();
		recomputation.recomputeAll();
		accounts.createOrReset("mpt-manager", "Team Manager", Role.LINE_MANAGER, null, new UnitCode(data.team(1)),
				"manager-pw");
		accounts.createOrReset("mpt-practitioner", "Practitioner", Role.PRACTITIONER, new StaffCode(data.staff(2)),
				null, "practitioner-pw");
	}

	@Test
	void dashboardShowsEveryMeasureWithRagWordAndRatingForTheUnit() throws Exception {
		HttpClient browser = signIn("admin", "test-admin-password");
		var page = get(browser, "/measures?period=2024-03&unit=" + data.provider());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Initial contact: community orders and SSOs", "Attendance at appointments",
				"50.0%", "Red", "Seriously deficient", "Last 12 months", "None");
	}

	@Test
	void drillsDownFromTeamToPractitionersAndCasesWithReasons() throws Exception {
		HttpClient browser = signIn("admin", "test-admin-password");
		var measure = get(browser, "/measures/SL001R?period=2024-03&unit=" + data.team(1));
		assertThat(measure.statusCode()).isEqualTo(200);
		assertThat(measure.body()).contains("By practitioner", data.staff(1), data.staff(2), "trend-chart",
				"Figures of the chart");
		var ldu = get(browser, "/measures/SL001R?period=2024-Q1&unit=" + data.ldu(1));
		assertThat(ldu.body()).contains("By unit", data.team(1), data.team(2));
		var cases = get(browser, "/measures/SL001R/cases?period=2024-03&unit=" + data.team(1) + "&show=not-met");
		assertThat(cases.body()).contains("First face-to-face contact 6 business days after allocation", "Not met");
		assertThat(cases.body()).doesNotContain("First face-to-face contact 5 business days after allocation");
	}

	@Test
	void exportsTablesAsCsvAndSpreadsheet() throws Exception {
		HttpClient browser = signIn("admin", "test-admin-password");
		var csv = get(browser, "/measures?period=2024-03&unit=" + data.team(1) + "&format=csv");
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("text/csv"));
		assertThat(csv.body()).startsWith("Code,Name,Numerator,Denominator,Performance").contains("SL001R,");
		var cases = get(browser, "/measures/SL001R/cases?period=2024-03&unit=" + data.team(1) + "&format=csv");
		assertThat(cases.body()).contains("First face-to-face contact 6 business days after allocation");
		var xlsx = browser.send(request("/measures/SL001R?period=2024-03&unit=" + data.team(1) + "&format=xlsx"),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
	}

	@Test
	void lineManagersLandOnTheirTeamAndPractitionersOnThemselves() throws Exception {
		var manager = get(signIn("mpt-manager", "manager-pw"), "/measures?period=2024-03");
		assertThat(manager.body()).contains("Unit " + data.team(1));
		assertThat(get(signIn("mpt-manager", "manager-pw"), "/measures?period=2024-03&unit=" + data.provider())
			.statusCode()).isEqualTo(403);
		HttpClient practitioner = signIn("mpt-practitioner", "practitioner-pw");
		assertThat(get(practitioner, "/measures?period=2024-03").body()).contains(data.staff(2));
		assertThat(get(practitioner, "/measures/SL001R?period=2024-03&staff=" + data.staff(1)).statusCode())
			.isEqualTo(403);
	}

	@Test
	void showsAnErrorForAPeriodThatIsNotOne() throws Exception {
		var page = get(signIn("admin", "test-admin-password"), "/measures?period=March");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("There is a problem", "Period must be a month");
	}

	@Test
	void anAdministratorChangesATargetAfterCheckingTheAnswers() throws Exception {
		HttpClient browser = signIn("admin", "test-admin-password");
		var form = get(browser, "/measures/SL016/target");
		assertThat(form.statusCode()).isEqualTo(200);
		String csrf = csrf(form.body());
		var invalid = post(browser, "/measures/SL016/target",
				"day=31&month=2&year=2032&target=90&trigger=95&_csrf=" + csrf);
		assertThat(invalid.body()).contains("There is a problem", "Enter a real date",
				"Trigger must not be above the target");
		var check = post(browser, "/measures/SL016/target",
				"day=15&month=3&year=2032&target=85&trigger=75&_csrf=" + csrf);
		assertThat(check.body()).contains("Check your answers", "15 March 2032", "1 April 2032", "85%");
		var done = post(browser, "/measures/SL016/target/confirm",
				"from=2032-03-15&target=85.0&trigger=75.0&_csrf=" + csrf(check.body()));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(get(browser, "/measures/SL016/target").body()).contains("15 March 2032", "85%", "admin");
		assertThat(get(signIn("mpt-manager", "manager-pw"), "/measures/SL016/target").statusCode()).isEqualTo(403);
	}

	@Test
	void listsFlagsForAMonth() throws Exception {
		var page = get(signIn("admin", "test-admin-password"), "/measures/flags?period=2024-03");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Flags for", "March 2024");
	}

	private HttpClient signIn(String username, String password) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String csrf = csrf(get(browser, "/sign-in").body());
		var response = post(browser, "/sign-in", "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).doesNotContain("error"));
		return browser;
	}

	private static String csrf(String html) {
		return URLEncoder.encode(PageSession.csrf(html), StandardCharsets.UTF_8);
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return browser.send(request(path), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(HttpClient browser, String path, String form) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
