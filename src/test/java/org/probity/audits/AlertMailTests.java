package org.probity.audits;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.shared.BusinessCalendar;
import org.probity.shared.Dates;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert reaches the line manager by email as well as on the home page, through a real
 * SMTP server (GreenMail) on the port the shared test context sends to.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertMailTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(IntegrationTest.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	static final Duration DELIVERY = Duration.ofSeconds(10);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	CaseAudits audits;

	@Autowired
	CompletedEventPublications publications;

	CaseData.TwoTeams data;

	@BeforeAll
	void caseData() {
		this.data = new CaseData(this.jdbc).aProviderWithTwoTeams("AML", 'Q', 800);
		this.accounts.createOrReset("aml-quality", "aml-quality", Role.QUALITY_TEAM, null, null,
				"a-password-for-tests");
		this.accounts.createOrReset("aml-manager", "AML Manager", Role.LINE_MANAGER, null,
				new UnitCode(this.data.team(1)), "aml-manager@probation.example.gov.uk", "a-password-for-tests");
		// an SPO of team 1 without an address, and a manager of another team with one
		this.accounts.createOrReset("aml-spo", "aml-spo", Role.PRACTITIONER, new StaffCode(this.data.staff(2)), null,
				"a-password-for-tests");
		this.accounts.createOrReset("aml-other", "AML Other", Role.LINE_MANAGER, null, new UnitCode(this.data.team(2)),
				"aml-other@probation.example.gov.uk", "a-password-for-tests");
		this.accounts.createOrReset("aml-everyone", "AML Quality", Role.QUALITY_TEAM, null, null,
				"aml-quality@probation.example.gov.uk", "a-password-for-tests");
	}

	private CurrentUser user(String username) {
		return (CurrentUser) this.users.loadUserByUsername(username);
	}

	private CaseAudits.AuditInput alert(String reason) {
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, Answer.YES, ""));
			}
		}
		return new CaseAudits.AuditInput(0, answers, List.of(), true, reason, "");
	}

	private List<MimeMessage> mailTo(String address, String crn) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			boolean toAddress = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((a) -> a.toString().equals(address));
			if (toAddress && message.getSubject().endsWith(crn)) {
				found.add(message);
			}
		}
		return found;
	}

	@Test
	void anAlertIsEmailedToTheLineManagerOfThePractitionersTeam() throws Exception {
		String crn = this.data.aCommunityOrderHeldBy(1, false);
		CaseAudits.Audit audit = this.audits.recordCompleted("CASE_SUPERVISION", "E" + crn, null,
				alert("Risk of serious harm not reassessed after new offence"), user("aml-quality"));

		long deadline = System.nanoTime() + DELIVERY.toNanos();
		while (mailTo("aml-manager@probation.example.gov.uk", crn).isEmpty() && System.nanoTime() < deadline) {
			smtp.waitForIncomingEmail(200, 1);
		}

		List<MimeMessage> mail = mailTo("aml-manager@probation.example.gov.uk", crn);
		assertThat(mail).as("an email to the line manager within %s", DELIVERY).hasSize(1);
		MimeMessage message = mail.get(0);
		assertThat(message.getSubject()).isEqualTo("Probity: audit alert for case " + crn);
		LocalDate due = BusinessCalendar.englandAndWales()
			.businessDayAfter(LocalDate.now(ZoneId.of("Europe/London")), 1);
		assertThat((String) message.getContent()).contains(crn)
			.contains("Alex1 OfficerAML")
			.contains("Risk of serious harm not reassessed after new offence")
			.contains("record what was done by " + Dates.format(due))
			.contains("http://localhost:8080/audits/alerts?audit=" + audit.auditId());
		assertThat(mailTo("aml-other@probation.example.gov.uk", crn)).as("another team's manager").isEmpty();
		assertThat(mailTo("aml-quality@probation.example.gov.uk", crn)).as("the quality team").isEmpty();
	}

	@Test
	void noEmailIsSentWhenTheLineManagerHasNoAddress() throws Exception {
		// team 2's manager loses their address; the other recipients are not team 2's
		this.accounts.createOrReset("aml-other", "AML Other", Role.LINE_MANAGER, null, new UnitCode(this.data.team(2)),
				null, "a-password-for-tests");
		String crn = this.data.aCommunityOrderHeldBy(3, false);
		CaseAudits.Audit audit = this.audits.recordCompleted("CASE_SUPERVISION", "E" + crn, null,
				alert("Safeguarding referral not made"), user("aml-quality"));

		long deadline = System.nanoTime() + DELIVERY.toNanos();
		while (!handled(audit.auditId()) && System.nanoTime() < deadline) {
			smtp.waitForIncomingEmail(200, 1);
		}

		assertThat(handled(audit.auditId())).as("the alert's email listener finished within %s", DELIVERY).isTrue();
		assertThat(smtp.getReceivedMessages()).noneMatch((m) -> subject(m).endsWith(crn));
	}

	/** Whether every listener for the alert raised on the audit has completed. */
	private boolean handled(long auditId) {
		return this.publications.findAll()
			.stream()
			.anyMatch((p) -> p.getEvent() instanceof AlertRaised raised && raised.auditId() == auditId);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
