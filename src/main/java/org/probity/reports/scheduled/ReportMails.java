package org.probity.reports.scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.probity.reports.archive.ReportArchive;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.StoredReport;
import org.probity.reports.supplychain.Subcontractors;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails an issued scheduled report to its distribution list (the subcontractor report to
 * the subcontractor's contacts, always with the PDF: they have no account), when mail is
 * configured (spring.mail.host set). Runs after the report is committed, from the event
 * publication registry, so a report issued just before the process stops is still sent on
 * restart; each address is written to once per report ({@code report_mailing}), so a
 * redelivered event sends nothing twice. A failed send is recorded and logged, not
 * retried: the report stays in the archive and on the reports page.
 */
@Component
class ReportMails {

	private static final Logger log = LoggerFactory.getLogger(ReportMails.class);

	/** One recipient: where, and whether the PDF goes with it. */
	record Recipient(String email, DistributionLists.Delivery delivery) {
	}

	private final ObjectProvider<JavaMailSender> mailSenders;

	private final ReportArchive archive;

	private final DistributionLists lists;

	private final Subcontractors subcontractors;

	private final ScheduledRenderer renderer;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String baseUrl;

	private final String from;

	ReportMails(ObjectProvider<JavaMailSender> mailSenders, ReportArchive archive, DistributionLists lists,
			Subcontractors subcontractors, ScheduledRenderer renderer, JdbcClient jdbc, Clock clock,
			@Value("${probity.base-url:http://localhost:8080}") String baseUrl,
			@Value("${probity.mail-from:probity@localhost}") String from) {
		this.mailSenders = mailSenders;
		this.archive = archive;
		this.lists = lists;
		this.subcontractors = subcontractors;
		this.renderer = renderer;
		this.jdbc = jdbc;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.from = from;
	}

	@ApplicationModuleListener
	void on(ScheduledReportIssued issued) {
		JavaMailSender sender = this.mailSenders.getIfAvailable();
		if (sender == null) {
			log.debug("Mail is not configured: report {} is on the reports page only", issued.reportId());
			return;
		}
		StoredReport report = this.archive.find(issued.reportId()).orElse(null);
		if (report == null) {
			return;
		}
		List<Recipient> to = recipients(report);
		if (to.isEmpty()) {
			log.debug("Report {} has no one on its distribution list", report.id());
			return;
		}
		byte[] pdf = to.stream().anyMatch((r) -> r.delivery() == DistributionLists.Delivery.PDF)
				? this.renderer.pdf(report) : null;
		for (Recipient r : to) {
			int claimed = this.jdbc.sql("""
					insert into report_mailing (report_id, email, delivery, sent_at, outcome)
					values (:id, :email, :delivery, :now, 'SENT') on conflict do nothing
					""")
				.param("id", report.id())
				.param("email", r.email())
				.param("delivery", r.delivery().name())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			if (claimed == 0) {
				continue;
			}
			String error = send(sender, report, r, pdf);
			if (error != null) {
				this.jdbc.sql(
						"update report_mailing set outcome = 'FAILED', error = :error where report_id = :id and email = :email")
					.param("error", error)
					.param("id", report.id())
					.param("email", r.email())
					.update();
			}
		}
	}

	List<Recipient> recipients(StoredReport report) {
		List<Recipient> to = new ArrayList<>();
		if (report.kind() == ReportKind.SUBCONTRACTOR) {
			this.subcontractors.ofUnit(report.unit())
				.ifPresent(
						(s) -> s.contacts().forEach((c) -> to.add(new Recipient(c, DistributionLists.Delivery.PDF))));
		}
		else {
			UnitCode unit = (report.kind() == ReportKind.MONTHLY_UNIT) ? report.unit() : null;
			this.lists.of(report.kind(), unit).forEach((r) -> to.add(new Recipient(r.email(), r.delivery())));
		}
		return to;
	}

	private String send(JavaMailSender sender, StoredReport report, Recipient to, byte[] pdf) {
		try {
			MimeMessage message = sender.createMimeMessage();
			boolean attach = to.delivery() == DistributionLists.Delivery.PDF;
			MimeMessageHelper mail = new MimeMessageHelper(message, attach, "UTF-8");
			mail.setFrom(this.from);
			mail.setTo(to.email());
			mail.setSubject("Probity: " + report.title());
			String link = this.baseUrl + "/reports/scheduled/" + report.id();
			mail.setText(attach ? """
					%s is attached as a PDF.

					Probity issued it on its scheduled date. Readers with a Probity account can also open it at:
					%s
					""".formatted(report.title(), link) : """
					%s has been issued.

					Open it in Probity (sign-in needed):
					%s
					""".formatted(report.title(), link));
			if (attach) {
				mail.addAttachment(fileName(report), new ByteArrayResource(pdf), "application/pdf");
			}
			sender.send(message);
			return null;
		}
		catch (MailException | MessagingException ex) {
			log.warn("Could not email report {} to {}: {}", report.id(), to.email(), ex.getMessage());
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	static String fileName(StoredReport report) {
		return report.kind().name().toLowerCase().replace('_', '-') + "-" + report.period() + "-"
				+ report.unit().value().replaceAll("[^A-Za-z0-9]", "") + ".pdf";
	}

}
