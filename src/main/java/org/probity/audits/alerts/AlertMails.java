package org.probity.audits.alerts;

import java.util.List;

import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.audits.AlertRaised;
import org.probity.audits.AuditAlerts;
import org.probity.shared.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails an alert to the practitioner's line managers, as well as showing it on their
 * home page, when mail is configured (spring.mail.host set, so that Boot makes a
 * {@link JavaMailSender}). Runs after the alert is committed, from the event publication
 * registry, so an alert raised just before the process stops is still sent on restart. A
 * failed send is logged and not retried: the home page and the overdue list remain the
 * record that the alert must be acted on.
 */
@Component
class AlertMails {

	private static final Logger log = LoggerFactory.getLogger(AlertMails.class);

	private final ObjectProvider<JavaMailSender> mailSenders;

	private final Accounts accounts;

	private final AuditAlerts alerts;

	private final String baseUrl;

	private final String from;

	AlertMails(ObjectProvider<JavaMailSender> mailSenders, Accounts accounts, AuditAlerts alerts,
			@Value("${probity.base-url:http://localhost:8080}") String baseUrl,
			@Value("${probity.mail-from:probity@localhost}") String from) {
		this.mailSenders = mailSenders;
		this.accounts = accounts;
		this.alerts = alerts;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.from = from;
	}

	@ApplicationModuleListener
	void on(AlertRaised raised) {
		JavaMailSender sender = this.mailSenders.getIfAvailable();
		if (sender == null) {
			log.debug("Mail is not configured: the alert on audit {} is shown on the home page only", raised.auditId());
			return;
		}
		AuditAlerts.Alert alert = this.alerts.find(raised.auditId()).orElse(null);
		if (alert == null) {
			log.warn("No alert recorded for audit {}: nothing to send", raised.auditId());
			return;
		}
		List<String> to = lineManagerAddresses(raised.auditId());
		if (to.isEmpty()) {
			log.debug("No line manager with an email address for the alert on audit {}", raised.auditId());
			return;
		}
		for (String address : to) {
			send(sender, address, alert);
		}
	}

	private List<String> lineManagerAddresses(long auditId) {
		return this.accounts.usersWithEmail()
			.stream()
			.filter((user) -> this.alerts.isLineManagerFor(auditId, user))
			.map(CurrentUser::email)
			.distinct()
			.toList();
	}

	private void send(JavaMailSender sender, String address, AuditAlerts.Alert alert) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(address);
		message.setSubject("Probity: audit alert for case " + alert.crn());
		message.setText(body(alert));
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			log.warn("Could not email the alert on audit {} to {}: {}", alert.auditId(), address, ex.getMessage());
		}
	}

	String body(AuditAlerts.Alert alert) {
		return """
				An auditor has marked case %s as an alert.

				Practitioner: %s
				Team: %s
				Reason: %s

				Please record what was done by %s (1 business day):
				%s/audits/alerts?audit=%d
				""".formatted(alert.crn(), alert.practitioner(), alert.teamName(), alert.reason(),
				Dates.format(alert.dueDate()), this.baseUrl, alert.auditId());
	}

}
