package org.probity.people;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team page (members with their figures, below-target measures and for how long, who
 * is due a rating, sortable, exported), the line manager's home page (plan reviews
 * missed, ratings due) and the access log's personnel entries.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeoplePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Ratings ratings;

	@Autowired
	PersonnelScope scope;

	PeopleTestData data;

	@BeforeAll
	void estate() {
		this.data = new PeopleTestData(this.jdbc, this.accounts, "PPG").estate();
		// Pat below the SL001R target (93%) in each month of 2024-Q1; Cal above it
		for (int m = 1; m <= 3; m++) {
			cell("SL001R", YearMonth.of(2024, m), this.data.staff(1), 8, 10);
			cell("SL001R", YearMonth.of(2024, m), this.data.staff(2), 10, 10);
		}
	}

	void cell(String measure, YearMonth month, String staff, int numerator, int denominator) {
		this.jdbc.sql("""
				insert into measure_cell (measure_code, month, team_code, staff_code, numerator, denominator)
				values (:m, :month, :team, :staff, :n, :d)
				""")
			.param("m", measure)
			.param("month", month.atDay(1))
			.param("team", this.data.team(1))
			.param("staff", staff)
			.param("n", numerator)
			.param("d", denominator)
			.update();
	}

	PageSession manager() {
		return new PageSession(this.port).signedIn(this.data.user("manager"), PeopleTestData.PASSWORD);
	}

	@Test
	void theTeamPageShowsWhoIsBelowTargetForHowLongAndWhoIsDueARatingSortably() {
		PageSession manager = manager();
		String team = "/people/teams/" + this.data.team(1) + "?period=2024-Q1";
		HttpResponse<String> page = manager.get(team);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("SL001R 80.0% (3 months running below target)").contains("Rating due");
		String byName = manager.get(team).body();
		assertThat(byName.indexOf("Cal Colleague")).isLessThan(byName.indexOf("Pat Practitioner"));
		String byMeasure = manager.get(team + "&sort=SL001R").body();
		assertThat(byMeasure.indexOf("Pat Practitioner")).isLessThan(byMeasure.indexOf("Cal Colleague"));
		HttpResponse<String> csv = manager.get(team + "&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("Staff code,Name,Grade,Rating,Rating due,")
			.contains(this.data.staff(1) + ",Pat Practitioner,Probation officer,,Yes,80,");
		HttpResponse<String> practitioner = manager.get("/people/" + this.data.staff(1) + "?period=2024-Q1&format=csv");
		assertThat(practitioner.body()).contains("SL001R,").contains(",24,30,80,Red,93,");
	}

	@Test
	void theLineManagersHomePageShowsMissedPlanReviewsAndRatingsDue() {
		// rated Amber 40 days ago: the plan's first review fell due 10 days or so ago
		Instant fortyDaysAgo = Instant.now().minus(40, ChronoUnit.DAYS);
		this.ratings.rate(this.data.user("manager"), this.scope.find(this.data.staff(2)).orElseThrow(),
				new Ratings.RatingInput(this.ratings.dueQuarter().code(), "AMBER", "Contact levels low", null, null,
						"Monthly contact at 95%", "Weekly check-ins", null, null),
				fortyDaysAgo);
		String home = manager().get("/").body();
		assertThat(home).contains("Improvement plan review 1 of Cal Colleague").contains("Missed");
		assertThat(home).contains("quarterly ratings due for " + this.ratings.dueQuarter().label());
		// the practitioner sees neither
		String own = new PageSession(this.port).signedIn(this.data.user("practitioner"), PeopleTestData.PASSWORD)
			.get("/")
			.body();
		assertThat(own).doesNotContain("Improvement plan review").doesNotContain("quarterly ratings due");
	}

	@Test
	void theAccessLogShowsPersonnelRecordOpeningsAndRefusals() {
		manager().get("/people/" + this.data.staff(1));
		new PageSession(this.port).signedIn(this.data.user("colleague"), PeopleTestData.PASSWORD)
			.get("/people/" + this.data.staff(1));
		PageSession admin = new PageSession(this.port).signedIn(this.data.user("admin"), PeopleTestData.PASSWORD);
		String log = admin.get("/admin/access-log?crn=" + this.data.staff(1)).body();
		assertThat(log).contains("Personnel record of")
			.contains(this.data.user("manager"))
			.contains(this.data.user("colleague"))
			.contains("Refused: out of scope");
	}

}
