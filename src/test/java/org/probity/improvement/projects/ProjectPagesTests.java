package org.probity.improvement.projects;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of improvement projects over HTTP: starting one with its errors listed, a
 * sign-off checked before it is made and refused when stale, the chart's table and its
 * exports, the what-works register, and scope from another team's manager.
 */
@IntegrationTest
class ProjectPagesTests {

	private static final Pattern PROJECT = Pattern.compile("/projects/(\\d+)");

	@LocalServerPort
	int port;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired Accounts accounts) {
		CaseData caseData = new CaseData(jdbc);
		caseData.aProvider("PJPP").named("Pages provider").insert();
		caseData.aTeam("PJPT1").named("Pages team one").under("PJPP").insert();
		caseData.aTeam("PJPT2").named("Pages team two").under("PJPP").insert();
		ProjectTestData.results(jdbc, "SL001R", "PJPT1", ProjectTestData.SHIFTED);
		accounts.createOrReset("pjp-manager-2", "Other Manager", Role.LINE_MANAGER, null, new UnitCode("PJPT2"),
				"secret-pjp-2");
	}

	@Test
	void theStartFormListsEveryErrorAndKeepsWhatWasEntered() {
		PageSession session = admin();
		var page = session.postForm("/projects",
				Map.of("_csrf", session.csrfToken("/projects/new"), "title", "", "measure", "SL001R", "unit_code",
						"NOPE", "baseline_from", "2024", "change_month", "2024-01", "source", "MEASURE"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("There is a problem", "Enter a title for the project",
				"There is no unit NOPE that you may see", "href=\"#baseline_from\"", "value=\"NOPE\"");
	}

	@Test
	void aNewProjectFromAMeasurePageIsPrefilled() {
		var page = admin().get("/projects/new?measure=SL001R&unit=PJPT1&source=MEASURE");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"PJPT1\"", "<option value=\"SL001R\" selected=\"selected\">");
	}

	@Test
	void aSignOffIsCheckedThenMadeAndAStaleOneIsRefused() {
		PageSession session = admin();
		long id = start(session);
		String stage = "/projects/" + id + "/stages/define";
		var check = session.postForm("/projects/" + id + "/sign-off",
				Map.of("_csrf", session.csrfToken(stage), "version", "0", "note", "Charter agreed"));
		assertThat(check.body()).contains("Check your answers before signing off", "Charter agreed", "Measure");
		var done = session.postForm("/projects/" + id + "/sign-off/confirm", Map.of("_csrf", session.csrfToken(stage),
				"version", "0", "stage", "MEASURE", "note", "Charter agreed"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/projects/" + id + "/stages/measure");
		// The same confirmation sent again, from the page as it was.
		var stale = session.postForm("/projects/" + id + "/sign-off/confirm", Map.of("_csrf", session.csrfToken(stage),
				"version", "0", "stage", "MEASURE", "note", "Charter agreed"));
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("There is a problem", "was changed by someone else");
		assertThat(session.get(stage).body()).contains("Signed off by", "Charter agreed");
	}

	@Test
	void theChartPageShowsTheTableAndExportsIt() {
		PageSession session = admin();
		long id = start(session);
		var page = session.get("/projects/" + id + "/chart");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Improved: 7 months above the baseline mean since January 2025",
				"Figures of the chart", "December 2023", "No cases", "Fixed limits", "58.4 to 111.6");
		var csv = session.get("/projects/" + id + "/chart?format=csv");
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("Month,Performance,Phase,Signal,Rules")
			.contains("January 2025,90.0%,After the change,Improvement,7 or more months on one side of the mean");
		assertThat(session.get("/projects/" + id + "/chart?format=xlsx").statusCode()).isEqualTo(200);
	}

	@Test
	void theProcessChartOfAMeasureWithTrialLimits() {
		var page = admin().get("/process-chart?measure=SL001R&unit=PJPT1&baseline_from=2024-01&change_month=2024-07");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("These are trial limits", "Trial limits", "Figures of the chart");
		var wrong = admin().get("/process-chart?measure=SL001R&unit=PJPT1&baseline_from=2024-07&change_month=2024-01");
		assertThat(wrong.body()).contains("There is a problem", "The change month must be after");
	}

	@Test
	void aClosedProjectJoinsTheWhatWorksRegister() {
		PageSession session = admin();
		long id = start(session, "Pages project that closed");
		String[] next = { "MEASURE", "ANALYSE", "IMPROVE", "CONTROL", "CLOSED" };
		for (int v = 0; v < next.length; v++) {
			var done = session.postForm("/projects/" + id + "/sign-off/confirm",
					Map.of("_csrf", session.csrfToken("/projects/" + id + "/stages/define"), "version",
							String.valueOf(v), "stage", next[v], "note", "Done " + next[v]));
			assertThat(done.statusCode()).as(next[v]).isEqualTo(302);
		}
		var register = session.get("/projects/what-works");
		assertThat(register.body()).contains("Pages project that closed", "Improved");
		var csv = session.get("/projects/what-works?format=csv");
		assertThat(csv.body()).contains(id + ",Pages project that closed,SL001R",
				"improved: 7 months above the baseline mean");
		HttpResponse<String> pdf = session.get("/projects/what-works.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
	}

	@Test
	void aManagerOfAnotherTeamGetsNotFoundOnEveryPageOfTheProject() {
		long id = start(admin(), "Pages project of team one");
		PageSession other = new PageSession(this.port).signedIn("pjp-manager-2", "secret-pjp-2");
		for (String path : new String[] { "/projects/" + id, "/projects/" + id + "/stages/define",
				"/projects/" + id + "/chart", "/projects/" + id + "/chart?format=csv" }) {
			assertThat(other.get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(other.get("/projects").body()).doesNotContain("Pages project of team one");
		assertThat(other.get("/process-chart?measure=SL001R&unit=PJPT1&baseline_from=2024-01&change_month=2024-07")
			.statusCode()).as("another team's process chart").isEqualTo(403);
		assertThat(other.get("/projects/new?measure=SL001R&unit=PJPT1").statusCode()).as("a project for another team")
			.isEqualTo(403);
	}

	private PageSession admin() {
		return new PageSession(this.port).signedIn("admin", "test-admin-password");
	}

	private long start(PageSession session) {
		return start(session, "Pages project");
	}

	private long start(PageSession session, String title) {
		var created = session.postForm("/projects",
				Map.of("_csrf", session.csrfToken("/projects/new"), "title", title, "measure", "SL001R", "unit_code",
						"PJPT1", "baseline_from", "2023-12", "change_month", "2025-01", "source", "MEASURE"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		Matcher m = PROJECT.matcher(created.headers().firstValue("Location").orElse(""));
		assertThat(m.find()).isTrue();
		return Long.parseLong(m.group(1));
	}

}
