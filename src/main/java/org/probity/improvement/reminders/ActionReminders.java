package org.probity.improvement.reminders;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.improvement.plans.ActionView;
import org.probity.improvement.plans.Actions;
import org.probity.improvement.plans.Rag;
import org.probity.shared.Clocks;
import org.probity.shared.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emails an action's owners when it turns amber (due within 14 days) and when it turns
 * red (overdue), when mail is configured. A daily job that runs on one node at a time (a
 * PostgreSQL advisory lock taken in its one transaction); each (action, RAG, date) is
 * sent once, recorded in {@code improvement_notification}. Owners are the named member of
 * staff, else the quality team for actions the quality team owns, else the managers of
 * the action's unit. A failed send is logged: the home page still shows the action.
 */
@Component
public class ActionReminders {

	private static final Logger log = LoggerFactory.getLogger(ActionReminders.class);

	/** The advisory lock of this job: "IMPR" and 1. */
	static final long LOCK = 0x494D5052_00000001L;

	private final JdbcClient jdbc;

	private final Actions actions;

	private final Accounts accounts;

	private final ObjectProvider<JavaMailSender> mailSenders;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String baseUrl;

	private final String from;

	ActionReminders(JdbcClient jdbc, Actions actions, Accounts accounts, ObjectProvider<JavaMailSender> mailSenders,
			TransactionTemplate transactions, Clock clock,
			@Value("${probity.base-url:http://localhost:8080}") String baseUrl,
			@Value("${probity.mail-from:probity@localhost}") String from) {
		this.jdbc = jdbc;
		this.actions = actions;
		this.accounts = accounts;
		this.mailSenders = mailSenders;
		this.transactions = transactions;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.from = from;
	}

	@Scheduled(cron = "${probity.improvement.reminder-cron:0 30 6 * * *}", zone = Clocks.LONDON_ZONE)
	public void daily() {
		send();
	}

	/**
	 * Sends the reminders due today; returns how many emails were sent (-1 when another
	 * node runs it).
	 */
	public int send() {
		JavaMailSender sender = this.mailSenders.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		Integer sent = this.transactions.execute((tx) -> {
			boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(:key)")
				.param("key", LOCK)
				.query(Boolean.class)
				.single();
			if (!locked) {
				return -1;
			}
			LocalDate today = LocalDate.now(this.clock);
			List<CurrentUser> withEmail = this.accounts.usersWithEmail();
			int count = 0;
			for (ActionView action : this.actions.open(today)) {
				if (action.rag() == Rag.GREEN) {
					continue;
				}
				int inserted = this.jdbc.sql("""
						insert into improvement_notification (action_id, rag, due_on, sent_at)
						values (:action, :rag, :due, :now) on conflict do nothing
						""")
					.param("action", action.actionId())
					.param("rag", action.rag().name())
					.param("due", action.ragDate())
					.param("now", Timestamp.from(this.clock.instant()))
					.update();
				if (inserted == 0) {
					continue;
				}
				for (CurrentUser owner : owners(action, withEmail)) {
					if (mail(sender, owner.email(), action)) {
						count++;
					}
				}
			}
			return count;
		});
		return (sent != null) ? sent : 0;
	}

	static List<CurrentUser> owners(ActionView action, List<CurrentUser> users) {
		if (action.ownerStaff() != null) {
			List<CurrentUser> named = users.stream().filter((u) -> action.ownerStaff().equals(u.staffCode())).toList();
			if (!named.isEmpty()) {
				return named;
			}
		}
		if (action.ownerRole().toLowerCase().contains("quality team")) {
			return users.stream().filter((u) -> u.role() == Role.QUALITY_TEAM).toList();
		}
		return users.stream()
			.filter((u) -> (u.role() == Role.LINE_MANAGER || u.role() == Role.SENIOR_MANAGER)
					&& action.unitCode().equals(u.unitCode()))
			.toList();
	}

	private boolean mail(JavaMailSender sender, String address, ActionView action) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(address);
		boolean red = action.rag() == Rag.RED;
		message
			.setSubject("Probity: action " + (red ? "overdue" : "due soon") + ": " + abbreviate(action.description()));
		message.setText("""
				An action you own is now %s.

				Action: %s
				Owner: %s
				%s: %s

				Record progress at %s/improvement/actions/%d
				""".formatted(red ? "Red (overdue)" : "Amber (due within 14 days)", action.description(),
				action.owner(), red ? "Was due" : "Due", Dates.format(action.ragDate()), this.baseUrl,
				action.actionId()));
		try {
			sender.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not email the reminder of action {} to {}: {}", action.actionId(), address,
					ex.getMessage());
			return false;
		}
	}

	private static String abbreviate(String s) {
		return (s.length() > 60) ? s.substring(0, 57) + "..." : s;
	}

}
