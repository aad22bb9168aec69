package org.probity.measures;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.probity.measures.results.MeasureOverview;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.Format;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview on the home page over real HTTP: every unit the user may see against every
 * measure for the latest complete month, scoped per role, each cell linking to its
 * drill-down.
 */
@IntegrationTest
class OverviewPagesTests {

	static final String PASSWORD = "overview-password-long";

	static CaseData.Estate data;

	static YearMonth month = YearMonth.now().minusMonths(1);

	@LocalServerPort
	int port;

	@BeforeAll
	static void load(@Autowired JdbcClient jdbc, @Autowired MeasureRecomputation recomputation,
			@Autowired Accounts accounts) {
		data = new CaseData(jdbc).anEstate("OVP", 'V');
		LocalDate allocated = month.atDay(3);
		// team 1: initial contact the next day (met); team 2: three weeks later (not met)
		var met = data.aCommunityOrder().sentencedOn(allocated).insert();
		data.aContact(met).on(allocated.plusDays(1)).insert();
		var late = data.aCommunityOrder().sentencedOn(allocated).inTeam(data.team(2)).heldBy(data.staff(1)).insert();
		data.aContact(late).on(allocated.plusDays(21)).insert();
		recomputation.recomputeAll();
		accounts.createOrReset("ovp-quality", "Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		accounts.createOrReset("ovp-senior", "Senior", Role.SENIOR_MANAGER, null, new UnitCode(data.provider()),
				PASSWORD);
		accounts.createOrReset("ovp-ldu", "LDU manager", Role.SENIOR_MANAGER, null, new UnitCode(data.ldu(2)),
				PASSWORD);
		accounts.createOrReset("ovp-manager", "Manager", Role.LINE_MANAGER, null, new UnitCode(data.team(1)), PASSWORD);
		accounts.createOrReset("ovp-practitioner", "Practitioner", Role.PRACTITIONER, new StaffCode(data.staff(1)),
				null, PASSWORD);
	}

	@Test
	void seniorManagerSeesTheirUnitOnTopThenEachLduWithItsTeamsAgainstEveryMeasure() {
		String home = home("ovp-senior", "");
		assertThat(home).contains("Service levels in <span>" + Format.month(month) + "</span>");
		List<String> rows = rowHeaders(home);
		assertThat(rows).containsExactly("Unit OVPP Provider", "Unit OVPR Region", "Unit OVPL1 LDU", "Unit OVPT1 Team",
				"Unit OVPT2 Team", "Unit OVPL2 LDU", "Unit OVPT3 Team");
		// every measure is a column header with its full title
		assertThat(home).contains(
				"<th scope=\"col\" class=\"govuk-table__header\"><abbr title=\"Initial contact: community orders and SSOs\">SL001R</abbr></th>");
		// each cell links to the measure's drill-down for that unit and month
		assertThat(cell(home, "SL001R", data.team(1))).contains("Green", "100.0%");
		assertThat(cell(home, "SL001R", data.team(2))).contains("Red", "0.0%");
		assertThat(cell(home, "SL001R", data.ldu(1))).contains("50.0%");
		assertThat(cell(home, "SL001R", data.team(3))).contains("No cases").doesNotContain("%");
		assertThat(home)
			.contains("open flags</span> needing action</a>: units and practitioners below target in <span>"
					+ Format.month(month) + "</span>")
			.contains("audit alerts</span> open")
			.contains("overdue audits");
	}

	@Test
	void scopeDecidesTheRows() {
		assertThat(rowHeaders(home("ovp-ldu", ""))).containsExactly("Unit OVPL2 LDU", "Unit OVPT3 Team");
		// a line manager: their team, then the practitioners who held its cases
		String team = home("ovp-manager", "");
		assertThat(rowHeaders(team)).containsExactly("Unit OVPT1 Team", "Pat Officer OVPS001 Practitioner");
		assertThat(cell(team, "SL001R", null)).contains("Green", "100.0%");
		assertThat(team).contains("/measures/SL001R?period=" + month + "&amp;staff=" + data.staff(1));
		// a practitioner: their own figures over all their cases, no audit counts
		String own = home("ovp-practitioner", "");
		assertThat(rowHeaders(own)).containsExactly("Pat Officer OVPS001 Practitioner");
		assertThat(own).contains("50.0%").doesNotContain("overdue audits");
	}

	@Test
	void theQualityTeamSeesEveryProviderPagedByWholeLdus() {
		// other tests' providers share the database: find this one's page
		String found = null;
		for (int page = 1; page <= 50 && found == null; page++) {
			String home = home("ovp-quality", "?page=" + page);
			if (rowHeaders(home).contains("Unit OVPP Provider")) {
				found = home;
			}
			if (!home.contains("Next<span class=\"govuk-visually-hidden\"> page of the overview")) {
				break;
			}
		}
		assertThat(found).isNotNull();
		List<String> rows = rowHeaders(found);
		int provider = rows.indexOf("Unit OVPP Provider");
		assertThat(rows.subList(provider, provider + 7)).containsExactly("Unit OVPP Provider", "Unit OVPR Region",
				"Unit OVPL1 LDU", "Unit OVPT1 Team", "Unit OVPT2 Team", "Unit OVPL2 LDU", "Unit OVPT3 Team");
		// junk in the page parameter reads as the first page
		assertThat(session("ovp-quality").get("/?page=%27junk").statusCode()).isEqualTo(200);
	}

	@Test
	void pagesKeepLdusWholeAndRepeatTheUnitsAbove() {
		List<MeasureOverview.UnitRow> units = new ArrayList<>();
		units.add(new MeasureOverview.UnitRow("P", "Provider", "PROVIDER", null));
		units.add(new MeasureOverview.UnitRow("R", "Region", "REGION", "P"));
		for (int l = 1; l <= 3; l++) {
			units.add(new MeasureOverview.UnitRow("L" + l, "LDU " + l, "LDU", "R"));
			for (int t = 1; t <= 25; t++) {
				units.add(
						new MeasureOverview.UnitRow("L" + l + "T" + t, "Team " + l + "-" + (100 + t), "TEAM", "L" + l));
			}
		}
		List<List<MeasureOverview.UnitRow>> pages = MeasureOverview.pages(units, null);
		assertThat(pages).hasSize(2);
		assertThat(pages.get(0)).hasSize(2 + 2 * 26);
		assertThat(pages.get(1).subList(0, 3)).extracting(MeasureOverview.UnitRow::code)
			.containsExactly("P", "R", "L3");
		assertThat(pages.get(1)).hasSize(2 + 26);
		assertThat(MeasureOverview.pages(units, "L2")).hasSize(1).first().asList().hasSize(26);
	}

	private PageSession session(String username) {
		return new PageSession(this.port).signedIn(username, PASSWORD);
	}

	private String home(String username, String query) {
		HttpResponse<String> response = session(username).get("/" + query);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** The overview's row headers, their text with tags removed. */
	private static List<String> rowHeaders(String html) {
		int table = html.indexOf("probity-overview\"");
		if (table < 0) {
			return List.of();
		}
		String body = html.substring(table, html.indexOf("</table>", table));
		List<String> rows = new ArrayList<>();
		Matcher m = Pattern.compile("<th scope=\"row\"[^>]*>(.*?)</th>", Pattern.DOTALL).matcher(body);
		while (m.find()) {
			rows.add(m.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip());
		}
		return rows;
	}

	/** The cell linking to a measure's drill-down for a unit (a practitioner's: null). */
	private static String cell(String html, String measure, String unit) {
		String link = "/measures/" + measure + "?period=" + month
				+ ((unit != null) ? "&amp;unit=" + unit + "\"" : "&amp;staff=");
		int at = html.indexOf(link);
		assertThat(at).as(link).isPositive();
		return html.substring(at, html.indexOf("</td>", at));
	}

}
