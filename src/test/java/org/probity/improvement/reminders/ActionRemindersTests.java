package org.probity.improvement.reminders;

import java.time.LocalDate;
import java.time.ZoneId;
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
import org.probity.accounts.Role;
import org.probity.improvement.ActionSource;
import org.probity.improvement.Improvement;
import org.probity.improvement.PlanKind;
import org.probity.improvement.PlanTestData;
import org.probity.improvement.RaiseAction;
import org.probity.improvement.SourceKind;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminder emails through a real SMTP server (GreenMail): once when an action turns
 * amber, once when it turns red, never twice for the same change, and not while another
 * node holds the job's lock.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionRemindersTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(IntegrationTest.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Improvement improvement;

	@Autowired
	ActionReminders reminders;

	@Autowired
	TransactionTemplate transactions;

	PlanTestData data;

	@BeforeAll
	void estate() {
		this.data = new PlanTestData(this.jdbc, "ARM").estate();
		this.accounts.createOrReset("arm-spo", "ARM SPO", Role.LINE_MANAGER, new StaffCode(this.data.staff(2)),
				new UnitCode(this.data.team(1)), "arm-spo@probation.example.gov.uk", PlanTestData.PASSWORD);
		this.accounts.createOrReset("arm-other", "ARM Other", Role.LINE_MANAGER, new StaffCode(this.data.staff(4)),
				new UnitCode(this.data.team(2)), "arm-other@probation.example.gov.uk", PlanTestData.PASSWORD);
	}

	private List<String> mailTo(String address) throws Exception {
		return Arrays.stream(smtp.getReceivedMessages())
			.filter((m) -> recipients(m).contains(address))
			.map(ActionRemindersTests::subject)
			.toList();
	}

	private static String recipients(MimeMessage m) {
		try {
			return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theOwnerIsToldOnceWhenAnActionIsDueSoonAndOnceWhenOverdue() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		this.improvement.raiseAction(new RaiseAction(PlanKind.SITE_DEVELOPMENT, new UnitCode(this.data.team(1)),
				new ActionSource(SourceKind.MANUAL, "ARM-1"), "Check the team's risk assessments", "Line manager",
				new StaffCode(this.data.staff(2)), today.plusDays(3)));
		this.improvement.raiseAction(new RaiseAction(PlanKind.SITE_DEVELOPMENT, new UnitCode(this.data.team(1)),
				new ActionSource(SourceKind.MANUAL, "ARM-2"), "Close the overdue reviews", "Line manager",
				new StaffCode(this.data.staff(2)), today.minusDays(2)));
		this.improvement.raiseAction(new RaiseAction(PlanKind.SITE_DEVELOPMENT, new UnitCode(this.data.team(1)),
				new ActionSource(SourceKind.MANUAL, "ARM-3"), "Plan next year's training", "Line manager",
				new StaffCode(this.data.staff(2)), today.plusDays(60)));

		this.reminders.send();
		this.reminders.send();

		List<String> subjects = mailTo("arm-spo@probation.example.gov.uk");
		assertThat(subjects).containsExactlyInAnyOrder("Probity: action due soon: Check the team's risk assessments",
				"Probity: action overdue: Close the overdue reviews");
		assertThat(mailTo("arm-other@probation.example.gov.uk")).noneMatch((subject) -> subject.contains("reviews")
				|| subject.contains("risk assessments") || subject.contains("training"));
	}

	@Test
	void nothingIsSentWhileAnotherNodeHoldsTheLock() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		this.improvement.raiseAction(new RaiseAction(PlanKind.SITE_DEVELOPMENT, new UnitCode(this.data.team(2)),
				new ActionSource(SourceKind.MANUAL, "ARM-4"), "Audit the team's licence cases", "Team manager", null,
				today.minusDays(1)));
		int[] whileLocked = new int[1];
		Thread otherNode = new Thread(() -> this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", ActionReminders.LOCK).query().singleRow();
			Thread node = new Thread(() -> whileLocked[0] = this.reminders.send());
			node.start();
			try {
				node.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		otherNode.start();
		otherNode.join();

		assertThat(whileLocked[0]).isEqualTo(-1);
		assertThat(mailTo("arm-other@probation.example.gov.uk")).isEmpty();
		this.reminders.send();
		assertThat(mailTo("arm-other@probation.example.gov.uk"))
			.containsExactly("Probity: action overdue: Audit the team's licence cases");
	}

}
