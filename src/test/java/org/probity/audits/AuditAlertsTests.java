package org.probity.audits;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAlertsTests {

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	CaseAudits audits;

	@Autowired
	AuditAlerts alerts;

	CaseData.TwoTeams data;

	List<String> crns;

	@BeforeAll
	void caseData() {
		this.data = new CaseData(this.jdbc).aProviderWithTwoTeams("AAL", 'Q', 500);
		this.crns = new ArrayList<>();
		this.crns.add(this.data.aCommunityOrderHeldBy(1, false));
		this.crns.add(this.data.aCommunityOrderHeldBy(3, false));
		this.accounts.createOrReset("aal-quality", "aal-quality", Role.QUALITY_TEAM, null, null,
				"a-password-for-tests");
		this.accounts.createOrReset("aal-manager", "aal-manager", Role.LINE_MANAGER, null,
				new UnitCode(this.data.team(1)), "a-password-for-tests");
		this.accounts.createOrReset("aal-spo", "aal-spo", Role.PRACTITIONER, new StaffCode(this.data.staff(2)), null,
				"a-password-for-tests");
		this.accounts.createOrReset("aal-other", "aal-other", Role.LINE_MANAGER, null, new UnitCode(this.data.team(2)),
				"a-password-for-tests");
	}

	private CurrentUser user(String username) {
		return (CurrentUser) this.users.loadUserByUsername(username);
	}

	private CaseAudits.AuditInput answers(boolean alert) {
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, (q == 3) ? Answer.NO : Answer.YES, ""));
			}
		}
		return new CaseAudits.AuditInput(0, answers, List.of("2.1.3.a"), alert,
				alert ? "Child safeguarding concern not referred" : null, "");
	}

	@Test
	void completingPublishesTheFailedKeyQuestionsAndAnAlertGoesToTheLineManager(ApplicationEvents events)
			throws Exception {
		CaseAudits.Audit audit = this.audits.recordCompleted("CASE_SUPERVISION", "E" + this.crns.get(0), null,
				answers(true), user("aal-quality"));
		CaseAuditCompleted completed = events.stream(CaseAuditCompleted.class)
			.filter((e) -> e.auditId() == audit.auditId())
			.findFirst()
			.orElseThrow();
		assertThat(completed.failedKeyQuestions()).containsExactly("2.1.3", "2.2.3", "2.3.3", "2.4.3");
		assertThat(completed.alert()).isTrue();
		AlertRaised raised = events.stream(AlertRaised.class)
			.filter((e) -> e.auditId() == audit.auditId())
			.findFirst()
			.orElseThrow();
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		assertThat(raised.dueDate()).isEqualTo(BusinessCalendar.englandAndWales().businessDayAfter(today, 1));
		assertThat(raised.teamCode()).isEqualTo(new UnitCode(this.data.team(1)));

		assertThat(this.alerts.openAlertsFor(user("aal-manager"))).extracting(AuditAlerts.Alert::auditId)
			.contains(audit.auditId());
		// a practitioner (an SPO of the team included) sees alerts on their own cases
		// only, not their colleagues'
		assertThat(this.alerts.openAlertsFor(user("aal-spo"))).extracting(AuditAlerts.Alert::auditId)
			.doesNotContain(audit.auditId());
		assertThat(this.alerts.openAlertsFor(user("aal-other"))).extracting(AuditAlerts.Alert::auditId)
			.doesNotContain(audit.auditId());
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.alerts.acknowledge(audit.auditId(), "Spoke to them", user("aal-other")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.alerts.acknowledge(audit.auditId(), " ", user("aal-manager")));

		PageSession manager = new PageSession(this.port).signedIn("aal-manager", "a-password-for-tests");
		assertThat(manager.get("/audits").body()).contains("Audit alerts").contains(audit.crn());
		assertThat(manager.get("/audits/alerts").body()).contains("Child safeguarding concern not referred");

		this.alerts.acknowledge(audit.auditId(), "Referral made to children's services the same day",
				user("aal-manager"));
		assertThat(manager.get("/audits/alerts").body()).contains("Referral made to children&#39;s services");
		assertThat(this.alerts.openAlertsFor(user("aal-manager"))).extracting(AuditAlerts.Alert::auditId)
			.doesNotContain(audit.auditId());
	}

	@Test
	void theHomePageCountsEveryOpenAlertAndListsAndLogsOnlyTheFirstFew() {
		for (int i = 0; i < 4; i++) {
			this.audits.recordCompleted("CASE_SUPERVISION", "E" + this.data.aCommunityOrderHeldBy(1, false), null,
					answers(true), user("aal-quality"));
		}
		long overdue = this.jdbc.sql("select max(audit_id) from audit_alert where team_code = :team")
			.param("team", this.data.team(1))
			.query(Long.class)
			.single();
		this.jdbc.sql("update audit_alert set due_date = date '2020-01-02' where audit_id = :id")
			.param("id", overdue)
			.update();
		List<AuditAlerts.Alert> all = this.alerts.openAlertsFor(user("aal-manager"));

		AuditAlerts.OpenAlerts summary = this.alerts.openAlertsFor(user("aal-manager"), 3);

		assertThat(summary.open()).isEqualTo(all.size()).isGreaterThan(3);
		assertThat(summary.overdue()).isEqualTo(all.stream().filter(AuditAlerts.Alert::overdue).count()).isPositive();
		assertThat(summary.first()).extracting(AuditAlerts.Alert::auditId)
			.containsExactlyElementsOf(all.stream().limit(3).map(AuditAlerts.Alert::auditId).toList())
			.startsWith(overdue);

		long logged = this.jdbc.sql("select coalesce(max(id), 0) from case_access_log").query(Long.class).single();
		String page = new PageSession(this.port).signedIn("aal-manager", "a-password-for-tests").get("/").body();
		// (the actions the alerts raised name their cases in a panel of their own)
		String panel = page.substring(page.indexOf("id=\"audit-alerts-title\""));
		String home = panel.substring(0, panel.indexOf("</section>"));
		assertThat(home).contains("See all " + all.size() + " audit alerts");
		List<String> listed = all.stream().limit(3).map(AuditAlerts.Alert::crn).toList();
		assertThat(home).contains(listed);
		all.stream().skip(3).forEach((a) -> assertThat(home).doesNotContain(a.crn()));
		assertThat(this.jdbc.sql("""
				select distinct unnest(coalesce(crns, array[cast(crn as text)])) from case_access_log
				where id > :after and username = 'aal-manager' and shown = 'Home page: audit alerts'
				""").param("after", logged).query(String.class).list()).containsExactlyInAnyOrderElementsOf(listed);
	}

	@Test
	void anUnacknowledgedAlertPastOneBusinessDayIsOverdueForTheQualityTeam() {
		CaseAudits.Audit audit = this.audits.recordCompleted("CASE_SUPERVISION", "E" + this.crns.get(1), null,
				answers(true), user("aal-quality"));
		assertThat(this.alerts.overdue()).extracting(AuditAlerts.Alert::auditId).doesNotContain(audit.auditId());
		this.jdbc.sql("update audit_alert set due_date = date '2020-01-02' where audit_id = :id")
			.param("id", audit.auditId())
			.update();
		assertThat(this.alerts.overdue()).extracting(AuditAlerts.Alert::auditId).contains(audit.auditId());
		assertThat(this.alerts.openAlertsFor(user("aal-other"))).extracting(AuditAlerts.Alert::auditId)
			.contains(audit.auditId());
	}

	@Test
	void aCompletedAuditReachesTheTeamsLineManagerAndThePractitionerWhoAcknowledgesItOnce() throws Exception {
		this.accounts.createOrReset("aal-practitioner", "aal-practitioner", Role.PRACTITIONER,
				new StaffCode(this.data.staff(1)), null, "a-password-for-tests");
		String crn = this.data.aCommunityOrderHeldBy(1, false);
		CaseAudits.Audit audit = this.audits.recordCompleted("CASE_SUPERVISION", "E" + crn, null, answers(false),
				user("aal-quality"));
		String page = "/audits/" + audit.auditId() + "/check";

		PageSession manager = new PageSession(this.port).signedIn("aal-manager", "a-password-for-tests");
		assertThat(manager.get(page).statusCode()).isEqualTo(200);
		assertThat(manager.get(page).body()).contains("The practitioner has not yet acknowledged this audit");
		assertThat(this.jdbc.sql("select count(*) from case_access_log where username = 'aal-manager' and crn = :crn")
			.param("crn", crn)
			.query(Long.class)
			.single()).isPositive();
		assertThat(new PageSession(this.port).signedIn("aal-other", "a-password-for-tests").get(page).statusCode())
			.as("a line manager of another team")
			.isEqualTo(403);
		assertThat(new PageSession(this.port).signedIn("aal-spo", "a-password-for-tests").get(page).statusCode())
			.as("a colleague in the same team")
			.isEqualTo(403);

		PageSession practitioner = new PageSession(this.port).signedIn("aal-practitioner", "a-password-for-tests");
		HttpResponse<String> own = practitioner.get(page);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(own.body()).contains("I have read this audit");
		assertThat(practitioner
			.post("/audits/" + audit.auditId() + "/acknowledge", PageSession.csrf(own.body()),
					java.util.Map.of("note", "Talked it through with my manager"))
			.statusCode()).isEqualTo(302);
		assertThat(manager.get(page).body()).contains("Read and acknowledged by aal-practitioner")
			.contains("Talked it through with my manager");
		assertThat(practitioner
			.post("/audits/" + audit.auditId() + "/acknowledge", PageSession.csrf(own.body()), java.util.Map.of())
			.body()).contains("You already acknowledged this audit");
		assertThat(practitioner.get("/audits/" + audit.auditId()).statusCode()).as("the form redirects to reading")
			.isEqualTo(302);
	}

	@Test
	void anAuditWithoutAnAlertRaisesNone(ApplicationEvents events) {
		String crn = this.data.aCommunityOrderHeldBy(1, false);
		CaseAudits.Audit audit = this.audits.recordCompleted("CASE_SUPERVISION", "E" + crn, null, answers(false),
				user("aal-quality"));
		assertThat(events.stream(AlertRaised.class).filter((e) -> e.auditId() == audit.auditId())).isEmpty();
		assertThat(audit.frameworkVersion()).isEqualTo("HMIP-2018");
	}

}
