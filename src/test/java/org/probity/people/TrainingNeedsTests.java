package org.probity.people;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.shared.Period;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The training needs analysis against audits counted by hand: per team, LDU and provider,
 * the failed prompts and key questions with their count, share and trend, and a learning
 * plan item's theme before and after its training date.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingNeedsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	TrainingNeeds needs;

	PeopleTestData data;

	/**
	 * 2024-Q1: team 1 has four audits (2.1.1.a failed in three, 2.2.3.b in one, key
	 * question 2.1.1 answered NO in one, one audit with nothing wanting); team 2 (same
	 * LDU) one (2.2.3.b and key question 2.2.3); team 3 (the other LDU) one (2.1.1.a).
	 * 2023-Q4: team 1 two audits, 2.1.1.a failed in one.
	 */
	@BeforeAll
	void audits() {
		this.data = new PeopleTestData(this.jdbc, this.accounts, "PTN").estate();
		audit(1, LocalDate.of(2024, 2, 5), List.of("2.1.1.a"), List.of("2.1.1"));
		audit(1, LocalDate.of(2024, 2, 20), List.of("2.1.1.a", "2.2.3.b"), List.of());
		audit(1, LocalDate.of(2024, 3, 11), List.of("2.1.1.a"), List.of());
		audit(1, LocalDate.of(2024, 3, 28), List.of(), List.of());
		audit(2, LocalDate.of(2024, 1, 15), List.of("2.2.3.b"), List.of("2.2.3"));
		audit(3, LocalDate.of(2024, 3, 1), List.of("2.1.1.a"), List.of());
		audit(1, LocalDate.of(2023, 11, 6), List.of("2.1.1.a"), List.of());
		audit(1, LocalDate.of(2023, 12, 4), List.of(), List.of());
	}

	void audit(int team, LocalDate completed, List<String> failedPrompts, List<String> noKeyQuestions) {
		long id = this.jdbc.sql("""
				insert into case_audit (template_code, template_version, team_code, status, due_date, completed_at,
				    completed_by, updated_by, framework_version)
				values ('CASE_SUPERVISION', 1, :team, 'COMPLETED', :day, :at, 'auditor', 'auditor', 'HMIP-2018')
				returning audit_id
				""")
			.param("team", this.data.team(team))
			.param("day", completed)
			.param("at",
					java.sql.Timestamp.from(completed.atTime(11, 0).atZone(ZoneId.of("Europe/London")).toInstant()))
			.query(Long.class)
			.single();
		for (String kq : List.of("2.1.1", "2.2.3", "2.3.1")) {
			this.jdbc.sql("insert into case_audit_answer (audit_id, key_question_code, answer) values (:id, :kq, :a)")
				.param("id", id)
				.param("kq", kq)
				.param("a", noKeyQuestions.contains(kq) ? "NO" : "YES")
				.update();
		}
		for (String prompt : failedPrompts) {
			this.jdbc.sql("insert into case_audit_failed_prompt (audit_id, prompt_code) values (:id, :p)")
				.param("id", id)
				.param("p", prompt)
				.update();
		}
	}

	@Test
	void aTeamsNeedsAreItsFailedPromptsAndKeyQuestionsWithCountShareAndTrend() {
		List<TrainingNeeds.Need> team = this.needs.needs(this.data.team(1), Period.parse("2024-Q1"));
		assertThat(team)
			.extracting(TrainingNeeds.Need::themeKind, TrainingNeeds.Need::themeCode, TrainingNeeds.Need::failed,
					TrainingNeeds.Need::audits, TrainingNeeds.Need::previousFailed, TrainingNeeds.Need::previousAudits,
					TrainingNeeds.Need::trend)
			.containsExactly(tuple("PROMPT", "2.1.1.a", 3L, 4L, 1L, 2L, "Worse"),
					tuple("PROMPT", "2.2.3.b", 1L, 4L, 0L, 2L, "New"),
					tuple("KEY_QUESTION", "2.1.1", 1L, 4L, 0L, 2L, "New"));
		assertThat(team.get(0).shareText()).isEqualTo("75.0%");
		assertThat(team.get(0).themeText()).startsWith("Were the person's views");
	}

	@Test
	void anLduAndTheProviderAddUpTheirTeams() {
		assertThat(this.needs.needs(this.data.ldu(1), Period.parse("2024-Q1")))
			.extracting(TrainingNeeds.Need::themeCode, TrainingNeeds.Need::failed, TrainingNeeds.Need::audits)
			.containsExactly(tuple("2.1.1.a", 3L, 5L), tuple("2.2.3.b", 2L, 5L), tuple("2.1.1", 1L, 5L),
					tuple("2.2.3", 1L, 5L));
		assertThat(this.needs.needs(this.data.provider(), Period.parse("2024-Q1")))
			.extracting(TrainingNeeds.Need::themeCode, TrainingNeeds.Need::failed, TrainingNeeds.Need::audits)
			.startsWith(tuple("2.1.1.a", 4L, 6L));
		assertThat(this.needs.needs(this.data.team(1), Period.parse("2023-Q4")))
			.extracting(TrainingNeeds.Need::themeCode, TrainingNeeds.Need::failed, TrainingNeeds.Need::audits,
					TrainingNeeds.Need::trend)
			.containsExactly(tuple("2.1.1.a", 1L, 2L, "New"));
	}

	@Test
	void aLearningPlanItemShowsItsThemeBeforeAndAfterTheTraining() {
		PageSession manager = new PageSession(this.port).signedIn(this.data.user("manager"), PeopleTestData.PASSWORD);
		String form = "/people/training/items/new?unit=" + this.data.team(1)
				+ "&template=CASE_SUPERVISION&kind=PROMPT&theme=2.1.1.a";
		assertThat(manager.get(form).statusCode()).isEqualTo(200);
		HttpResponse<String> invalid = manager.postForm("/people/training/items",
				Map.of("unit", this.data.team(1), "template", "CASE_SUPERVISION", "kind", "PROMPT", "theme", "2.1.1.a",
						"course", "", "_csrf", manager.csrfToken(form)));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("Enter the course or activity")
			.contains("Enter who owns the item")
			.contains("Enter the date of the training");
		assertThat(this.needs.items(this.data.team(1))).isEmpty();

		HttpResponse<String> added = manager.postForm("/people/training/items",
				Map.ofEntries(Map.entry("unit", this.data.team(1)), Map.entry("template", "CASE_SUPERVISION"),
						Map.entry("kind", "PROMPT"), Map.entry("theme", "2.1.1.a"),
						Map.entry("course", "Engaging people on probation"), Map.entry("audienceGrade", "PSO"),
						Map.entry("audienceStaff", this.data.staff(1)), Map.entry("trainingDate-day", "15"),
						Map.entry("trainingDate-month", "1"), Map.entry("trainingDate-year", "2024"),
						Map.entry("owner", "Learning and development lead"), Map.entry("status", "DELIVERED"),
						Map.entry("_csrf", manager.csrfToken(form))));
		assertThat(added.statusCode()).isEqualTo(302);
		TrainingNeeds.Item item = this.needs.items(this.data.team(1)).get(0);
		// before: 6 November and 4 December 2023, one failing; after: the four of
		// 2024-Q1, three failing
		assertThat(item.beforeAfter()).isEqualTo(new TrainingNeeds.BeforeAfter(2, 1, 4, 3));
		assertThat(item.beforeAfter().before()).isEqualTo("50.0% of 2");
		assertThat(item.beforeAfter().after()).isEqualTo("25.0% of 4");
		assertThat(item.audience()).isEqualTo("Probation services officers; " + this.data.staff(1));
		assertThat(this.needs.needs(this.data.team(1), Period.parse("2024-Q1")).get(0).items()).hasSize(1);

		// a stale status change is refused
		String csrf = manager.csrfToken("/people/training?unit=" + this.data.team(1));
		assertThat(manager
			.postForm("/people/training/items/" + item.itemId() + "/status",
					Map.of("version", String.valueOf(item.version()), "status", "CANCELLED", "_csrf", csrf))
			.statusCode()).isEqualTo(302);
		assertThat(manager
			.postForm("/people/training/items/" + item.itemId() + "/status",
					Map.of("version", String.valueOf(item.version()), "status", "BOOKED", "_csrf", csrf))
			.statusCode()).isEqualTo(409);
	}

	@Test
	void theAnalysisExportsAsASpreadsheetAndCsvForThoseWhoMaySeeIt() {
		PageSession manager = new PageSession(this.port).signedIn(this.data.user("manager"), PeopleTestData.PASSWORD);
		HttpResponse<String> csv = manager
			.get("/people/training?unit=" + this.data.team(1) + "&quarter=2024-Q1&format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains("CASE_SUPERVISION,Prompt,2.1.1.a,").contains(",3,4,75,1,2,Worse,");
		HttpResponse<String> xlsx = manager
			.get("/people/training?unit=" + this.data.team(1) + "&quarter=2024-Q1&format=xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		assertThat(manager.get("/people/training?unit=" + this.data.team(1) + "&quarter=2024-Q1").body())
			.contains("3 of 4")
			.contains("75.0%");
		// another team's line manager, or another LDU's senior manager, is refused
		PageSession other = new PageSession(this.port).signedIn(this.data.user("other-manager"),
				PeopleTestData.PASSWORD);
		assertThat(other.get("/people/training?unit=" + this.data.team(1) + "&format=xlsx").statusCode())
			.isEqualTo(403);
		PageSession otherSenior = new PageSession(this.port).signedIn(this.data.user("other-senior"),
				PeopleTestData.PASSWORD);
		assertThat(otherSenior.get("/people/training?unit=" + this.data.ldu(1)).statusCode()).isEqualTo(403);
		assertThat(manager.get("/people/training?unit=" + this.data.team(1) + "&quarter=2024-03").statusCode())
			.isEqualTo(400);
	}

}
