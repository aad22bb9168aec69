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
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;

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

	CaseData data;

	@BeforeAll
	void casesThatEnded() {
		this.data = new CaseData(this.jdbc);
		this.data.aProvider("EOP").named("EO provider").insert();
		this.data.aTeam("EOT1").named("EO team one").under("EOP").insert();
		this.data.aTeam("EOT2").named("EO team two").under("EOP").insert();
		this.data.aStaffMember("EOA0001").named("Lee", "Manager").graded("SPO").inTeam("EOT1").insert();
		this.data.aStaffMember("EOA0002").named("Sam", "Worker").inTeam("EOT1").insert();
		this.data.aStaffMember("EOA0003").named("Cat", "Colleague").inTeam("EOT1").insert();
		this.data.aStaffMember("EOA0005").named("Oli", "Other").graded("SPO").inTeam("EOT2").insert();
		this.data.aPerson("E710001").named("Alex", "Ended").bornOn(LocalDate.of(1990, 1, 1)).insert();
		this.data.aPerson("E710002").named("Bo", "Earlier").bornOn(LocalDate.of(1991, 1, 1)).insert();
		this.data.aPerson("E710003").named("Cy", "Hidden").bornOn(LocalDate.of(1992, 1, 1)).restricted().insert();
		this.data.aPerson("E710004").named("Di", "Current").bornOn(LocalDate.of(1993, 1, 1)).insert();
		this.data.aCommunityOrder("EOE1")
			.forPerson("E710001")
			.sentencedOn(LocalDate.of(2023, 3, 1))
			.heldBy("EOA0002")
			.inTeam("EOT1")
			.terminatedOn(LocalDate.of(2024, 3, 31), "COMPLETED")
			.insert();
		this.data.aCommunityOrder("EOE2")
			.forPerson("E710002")
			.sentencedOn(LocalDate.of(2023, 2, 1))
			.heldBy("EOA0002")
			.inTeam("EOT1")
			.terminatedOn(LocalDate.of(2024, 2, 29), "COMPLETED")
			.insert();
		this.data.aCommunityOrder("EOE3")
			.forPerson("E710003")
			.sentencedOn(LocalDate.of(2023, 3, 1))
			.heldBy("EOA0003")
			.inTeam("EOT1")
			.terminatedOn(LocalDate.of(2024, 3, 1), "COMPLETED")
			.insert();
		this.data.aCommunityOrder("EOE4")
			.forPerson("E710004")
			.sentencedOn(LocalDate.of(2023, 3, 1))
			.heldBy("EOA0002")
			.inTeam("EOT1")
			.insert();
		this.accounts.createOrReset("eo-worker", "eo-worker", Role.PRACTITIONER, new StaffCode("EOA0002"), null,
				PASSWORD);
		this.accounts.createOrReset("eo-manager", "eo-manager", Role.LINE_MANAGER, new StaffCode("EOA0001"),
				new UnitCode("EOT1"), PASSWORD);
		this.accounts.createOrReset("eo-other", "eo-other", Role.LINE_MANAGER, new StaffCode("EOA0005"),
				new UnitCode("EOT2"), PASSWORD);
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
		assertThat(this.data.timesLogged("eo-worker", "E710001", "LISTED")).isPositive();
		assertThat(as("eo-worker").get("/feedback/invitations?month=2024-02").body()).contains("E710002")
			.doesNotContain("E710001");
	}

	@Test
	void anotherTeamsLineManagerDoesNotSeeItNorReachTheTeam() {
		HttpResponse<String> page = as("eo-other").get(PATH);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("E710001").doesNotContain("E710003");
		assertThat(as("eo-other").get(PATH + "&unit=EOT1").statusCode()).isEqualTo(403);
		assertThat(this.data.timesLogged("eo-other", "E710001", "LISTED")).isZero();
	}

	@Test
	void theTeamsManagerSeesTheTeamWithARestrictedCaseAsItsCrnOnly() {
		HttpResponse<String> page = as("eo-manager").get(PATH);
		assertThat(page.body()).contains("E710001").contains("E710003").contains("Restricted case");
		int row = page.body().indexOf("E710003");
		String restrictedRow = page.body().substring(row, page.body().indexOf("</tr>", row));
		assertThat(restrictedRow).doesNotContain("Cat Colleague").doesNotContain("/survey/");
		assertThat(this.data.timesLogged("eo-manager", "E710003", "REFUSED_RESTRICTED")).isPositive();
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
