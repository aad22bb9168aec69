package org.probity.people;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.audits.Answer;
import org.probity.audits.CaseAudits;
import org.probity.improvement.ActionSource;
import org.probity.improvement.Improvement;
import org.probity.improvement.PlanKind;
import org.probity.improvement.RaiseAction;
import org.probity.improvement.SourceKind;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The practitioner's page shows their open actions: those named to them and those raised
 * from the audits of their cases, with plan, target date and RAG in words, linked to the
 * action; not a colleague's, not a completed one; an action on a restricted case is only
 * counted for a manager who is not on the case.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PractitionerActionsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Improvement improvement;

	@Autowired
	CaseAudits audits;

	PeopleTestData data;

	long named;

	long fromAudit;

	long restricted;

	long colleagues;

	long completed;

	@BeforeAll
	void actions() {
		this.data = new PeopleTestData(this.jdbc, this.accounts, "PAC").estate();
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		UnitCode team = new UnitCode(this.data.team(1));
		this.data.cases.aPerson("Q770001").named("Ann", "Open").bornOn(LocalDate.of(1990, 1, 1)).insert();
		this.data.cases.aPerson("Q770002")
			.named("Rae", "Secret")
			.bornOn(LocalDate.of(1990, 1, 1))
			.restricted()
			.insert();
		this.data.cases.aCommunityOrder("EQ770001")
			.forPerson("Q770001")
			.sentencedOn(LocalDate.of(2024, 1, 1))
			.heldBy(this.data.staff(1))
			.inTeam(this.data.team(1))
			.insert();
		this.data.cases.aCommunityOrder("EQ770002")
			.forPerson("Q770002")
			.sentencedOn(LocalDate.of(2024, 1, 1))
			.heldBy(this.data.staff(1))
			.inTeam(this.data.team(1))
			.insert();
		this.named = raise(team, new ActionSource(SourceKind.MANUAL, "pac-named"), "PAC named action",
				new StaffCode(this.data.staff(1)), today.plusDays(60));
		this.fromAudit = raise(team, new ActionSource(SourceKind.AUDIT_FINDING, String.valueOf(audit("EQ770001"))),
				"PAC action from the audit", new StaffCode(this.data.staff(9)), today.minusDays(1));
		this.restricted = raise(team, new ActionSource(SourceKind.AUDIT_FINDING, String.valueOf(audit("EQ770002"))),
				"PAC action on the secret case", new StaffCode(this.data.staff(9)), today.plusDays(5));
		this.colleagues = raise(team, new ActionSource(SourceKind.MANUAL, "pac-colleague"), "PAC colleague action",
				new StaffCode(this.data.staff(2)), today.plusDays(60));
		this.completed = raise(team, new ActionSource(SourceKind.MANUAL, "pac-done"), "PAC finished action",
				new StaffCode(this.data.staff(1)), today.plusDays(60));
		this.jdbc.sql("update improvement_action set status = 'COMPLETE' where action_id = :id")
			.param("id", this.completed)
			.update();
	}

	private long raise(UnitCode team, ActionSource source, String description, StaffCode owner, LocalDate target) {
		return this.improvement.raiseAction(
				new RaiseAction(PlanKind.SITE_DEVELOPMENT, team, source, description, "Practitioner", owner, target));
	}

	private long audit(String eventId) {
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, Answer.YES, ""));
			}
		}
		return this.audits
			.recordCompleted("CASE_SUPERVISION", eventId, null,
					new CaseAudits.AuditInput(0, answers, List.of(), false, null, ""),
					this.accounts.userFor(this.data.user("quality")).orElseThrow())
			.auditId();
	}

	private String page(String user) {
		return new PageSession(this.port).signedIn(this.data.user(user), PeopleTestData.PASSWORD)
			.get("/people/" + this.data.staff(1))
			.body();
	}

	@Test
	void thePractitionerSeesTheActionsNamedToThemAndFromTheAuditsOfTheirCases() {
		String page = page("practitioner");
		assertThat(page).contains("Open actions")
			.contains("PAC named action")
			.contains("PAC action from the audit")
			.contains("PAC action on the secret case")
			.contains("/improvement/actions/" + this.named)
			.contains("/improvement/actions/" + this.fromAudit)
			.contains("Site development plan");
		assertThat(page).doesNotContain("PAC colleague action").doesNotContain("PAC finished action");
		String row = row(page, "PAC action from the audit");
		assertThat(row)
			.contains(org.probity.shared.Dates.format(LocalDate.now(ZoneId.of("Europe/London")).minusDays(1)))
			.contains(">Red<");
		assertThat(row(page, "PAC named action")).contains(">Green<");
		assertThat(row(page, "PAC action on the secret case")).contains(">Amber<");
	}

	@Test
	void theLineManagerSeesThemButARestrictedCasesActionOnlyCounted() {
		String page = page("manager");
		assertThat(page).contains("PAC named action").contains("PAC action from the audit");
		assertThat(page).doesNotContain("PAC action on the secret case").contains("1 more on restricted cases");
		assertThat(page(("colleague"))).doesNotContain("PAC named action");
	}

	private static String row(String page, String text) {
		int at = page.indexOf(text);
		assertThat(at).as(text).isPositive();
		return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
	}

}
