package org.probity.feedback;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.cases.CaseDataFactory;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-of-supervision invitations from the outside: the events that ended in the month,
 * for their practitioner and their team's manager but not another team's; restricted
 * cases as their CRN only; each invitation link answers the questionnaire once, and the
 * invitation keeps no CRN.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndOfSupervisionInvitationsTests {

	static final String PASSWORD = "eo-password-long-enough";

	static final String PATH = "/feedback/invitations?month=2024-03";

	static final Pattern LINK = Pattern.compile("(/survey/[A-Za-z0-9_-]+)\\?invitation=([A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	CaseDataFactory data;

	@BeforeAll
	void casesThatEnded() {
		this.data = new CaseDataFactory(this.jdbc).unit("EOP", "EO provider", "PROVIDER", null)
			.unit("EOT1", "EO team one", "TEAM", "EOP")
			.unit("EOT2", "EO team two", "TEAM", "EOP")
			.staff("EOA0001", "Lee", "Manager", "SPO", "EOT1")
			.staff("EOA0002", "Sam", "Worker", "PO", "EOT1")
			.staff("EOA0003", "Cat", "Colleague", "PO", "EOT1")
			.staff("EOA0005", "Oli", "Other", "SPO", "EOT2")
			.person("E710001", "Alex", "Ended", LocalDate.of(1990, 1, 1), false)
			.person("E710002", "Bo", "Earlier", LocalDate.of(1991, 1, 1), false)
			.person("E710003", "Cy", "Hidden", LocalDate.of(1992, 1, 1), true)
			.person("E710004", "Di", "Current", LocalDate.of(1993, 1, 1), false)
			.event("EOE1", "E710001", "COMMUNITY_ORDER", LocalDate.of(2023, 3, 1), "EOA0002", "EOT1",
					LocalDate.of(2024, 3, 31), "COMPLETED")
			.event("EOE2", "E710002", "COMMUNITY_ORDER", LocalDate.of(2023, 2, 1), "EOA0002", "EOT1",
					LocalDate.of(2024, 2, 29), "COMPLETED")
			.event("EOE3", "E710003", "COMMUNITY_ORDER", LocalDate.of(2023, 3, 1), "EOA0003", "EOT1",
					LocalDate.of(2024, 3, 1), "COMPLETED")
			.event("EOE4", "E710004", "COMMUNITY_ORDER", LocalDate.of(2023, 3, 1), "EOA0002", "EOT1");
		this.accounts.createOrReset("eo-worker", "eo-worker", Role.PRACTITIONER, "EOA0002", null, PASSWORD);
		this.accounts.createOrReset("eo-manager", "eo-manager", Role.LINE_MANAGER, "EOA0001", "EOT1", PASSWORD);
		this.accounts.createOrReset("eo-other", "eo-other", Role.LINE_MANAGER, "EOA0005", "EOT2", PASSWORD);
	}

	private PageSession as(String username) {
		return new PageSession(this.port).signedIn(username, PASSWORD);
	}

	@Test
	void anEventThatEndedInTheMonthIsListedForItsPractitionerAndTheOneBeforeIsNot() {
		HttpResponse<String> page = as("eo-worker").get(PATH);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("E710001").contains("31 March 2024").contains("Sam Worker");
		assertThat(page.body()).doesNotContain("E710002").doesNotContain("E710004").doesNotContain("E710003");
		assertThat(this.data.logged("eo-worker", "E710001", "LISTED")).isPositive();
		assertThat(as("eo-worker").get("/feedback/invitations?month=2024-02").body()).contains("E710002")
			.doesNotContain("E710001");
	}

	@Test
	void anotherTeamsLineManagerDoesNotSeeItNorReachTheTeam() {
		HttpResponse<String> page = as("eo-other").get(PATH);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("E710001").doesNotContain("E710003");
		assertThat(as("eo-other").get(PATH + "&unit=EOT1").statusCode()).isEqualTo(403);
		assertThat(this.data.logged("eo-other", "E710001", "LISTED")).isZero();
	}

	@Test
	void theTeamsManagerSeesTheTeamWithARestrictedCaseAsItsCrnOnly() {
		HttpResponse<String> page = as("eo-manager").get(PATH);
		assertThat(page.body()).contains("E710001").contains("E710003").contains("Restricted case");
		int row = page.body().indexOf("E710003");
		String restrictedRow = page.body().substring(row, page.body().indexOf("</tr>", row));
		assertThat(restrictedRow).doesNotContain("Cat Colleague").doesNotContain("/survey/");
		assertThat(this.data.logged("eo-manager", "E710003", "REFUSED_RESTRICTED")).isPositive();
		assertThat(as("eo-manager").get("/feedback/invitations?month=March").statusCode()).isEqualTo(400);
	}

	@Test
	void anInvitationLinkAnswersTheQuestionnaireOnceAndKeepsNoCrn() {
		PageSession worker = as("eo-worker");
		String token = worker.csrfToken(PATH);
		HttpResponse<String> made = worker.postForm("/feedback/invitations",
				Map.of("month", "2024-03", "_csrf", token));
		assertThat(made.statusCode()).isEqualTo(200);
		assertThat(made.body()).contains("E710001").contains("<svg");
		Matcher link = LINK.matcher(made.body());
		assertThat(link.find()).as("an invitation link on the page").isTrue();
		String form = link.group(1);
		String invitation = link.group(2);
		assertThat(this.jdbc.sql("""
				select r.questionnaire_code || ' ' || r.unit_code from survey_invitation i
				join survey_round r on r.round_id = i.round_id where i.token = :t
				""").param("t", invitation).query(String.class).single()).isEqualTo("END_OF_SUPERVISION EOT1");
		HttpResponse<String> first = answer(form, invitation);
		assertThat(first.statusCode()).isEqualTo(302);
		HttpResponse<String> second = answer(form, invitation);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).contains("already been used");
		// the next page of links reuses the team's open round
		Matcher again = LINK.matcher(
				worker.postForm("/feedback/invitations", Map.of("month", "2024-03", "_csrf", worker.csrfToken(PATH)))
					.body());
		assertThat(again.find()).isTrue();
		assertThat(again.group(1)).isEqualTo(form);
		assertThat(again.group(2)).isNotEqualTo(invitation);
	}

	private HttpResponse<String> answer(String form, String invitation) {
		PageSession anyone = new PageSession(this.port);
		String csrf = anyone.csrfToken(form + "?invitation=" + invitation);
		return anyone.postForm(form, Map.of("answer-FAIR", "AGREE", "invitation", invitation, "_csrf", csrf));
	}

}
