package org.probity.reports.scheduled;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.audits.Answer;
import org.probity.audits.CaseAudits;
import org.probity.reports.archive.ReportArchive;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportStatus;
import org.probity.reports.archive.StoredReport;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled reports end to end over real HTTP, PostgreSQL and SMTP (GreenMail): issued
 * once per period, frozen, emailed to their list with the PDF attached (and to no one
 * when the list is empty), opened by those the rule allows, restricted cases shown as
 * such.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledReportsTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(IntegrationTest.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	static final String PROVIDER = "SRPP";

	static final String TEAM1 = "SRPT1";

	static final String TEAM2 = "SRPT2";

	static final String PASSWORD = "a-password-for-tests";

	@LocalServerPort
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
	ScheduledReports reports;

	@Autowired
	ReportArchive archive;

	@Autowired
	DistributionLists lists;

	@Autowired
	CompletedEventPublications publications;

	String restrictedCrn;

	String openCrn;

	@BeforeAll
	void anEstateWithAlertsAndAccounts() {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider(PROVIDER).named("Scheduled provider").insert();
		for (String team : List.of(TEAM1, TEAM2)) {
			caseData.aTeam(team).named("Team " + team).under(PROVIDER).insert();
		}
		caseData.aStaffMember("SRPS01X")
			.named("Robin", "Officer")
			.inTeam(TEAM1)
			.startedOn(LocalDate.of(2020, 1, 1))
			.insert();
		this.accounts.createOrReset("srp-quality", "SRP Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		this.accounts.createOrReset("srp-manager", "SRP Manager", Role.LINE_MANAGER, null, new UnitCode(TEAM1),
				PASSWORD);
		this.accounts.createOrReset("srp-other", "SRP Other", Role.LINE_MANAGER, null, new UnitCode(TEAM2), PASSWORD);
		this.restrictedCrn = person("Y900001", true);
		this.openCrn = person("Y900002", false);
		CurrentUser quality = (CurrentUser) this.users.loadUserByUsername("srp-quality");
		for (String crn : List.of(this.restrictedCrn, this.openCrn)) {
			this.audits.recordCompleted("CASE_SUPERVISION", "E" + crn, null, alert("Risk not reassessed"), quality);
		}
	}

	private String person(String crn, boolean restricted) {
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aPerson(crn)
			.named("Sam", "Person")
			.bornOn(LocalDate.of(1990, 1, 1))
			.withCharacteristics("MALE", true, "WHITE", "NONE", "HETEROSEXUAL", false, "SINGLE")
			.restricted(restricted)
			.insert();
		caseData.aCommunityOrder("E" + crn)
			.forPerson(crn)
			.sentencedOn(LocalDate.of(2023, 1, 10))
			.expectedToEndOn(LocalDate.of(2027, 1, 10))
			.heldBy("SRPS01X")
			.inTeam(TEAM1)
			.insert();
		return crn;
	}

	private static CaseAudits.AuditInput alert(String reason) {
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (String s : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				answers.add(new CaseAudits.AnswerInput(s + "." + q, Answer.YES, ""));
			}
		}
		return new CaseAudits.AuditInput(0, answers, List.of(), true, reason, "");
	}

	private StoredReport issued(ReportKind kind, String period, String unit) {
		return this.archive.latest(kind, period, new UnitCode(unit)).orElseThrow();
	}

	@Test
	void aPeriodIsIssuedOnceHoweverOftenItIsGenerated() {
		ScheduleRules.Due week = ScheduleRules.parse(ReportKind.WEEKLY_OPERATIONS, "2031-W02");
		this.reports.generate(week);
		StoredReport first = issued(ReportKind.WEEKLY_OPERATIONS, "2031-W02", PROVIDER);

		List<StoredReport> again = this.reports.generate(week);

		assertThat(again).noneMatch((r) -> r.unit().value().equals(PROVIDER));
		assertThat(this.jdbc
			.sql("""
					select count(*) from report where kind = 'WEEKLY_OPERATIONS' and period = '2031-W02' and unit_code = :unit
					""")
			.param("unit", PROVIDER)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(first.status()).isEqualTo(ReportStatus.ISSUED);
		assertThat(first.dueOn()).isEqualTo(LocalDate.of(2031, 1, 13));
		assertThat(first.title())
			.isEqualTo("Weekly operations report, Scheduled provider: week of 6 January 2031 to 12 January 2031");
	}

	@Test
	void aRestrictedCaseIsOneRowThatSaysSoAndTheOpeningIsLogged() throws Exception {
		this.reports.generate(ScheduleRules.parse(ReportKind.COMMITTEE, "2031-T1"));
		StoredReport committee = issued(ReportKind.COMMITTEE, "2031-T1", PROVIDER);
		ReportContent content = ReportContent.read(committee.content());
		assertThat(content.cases()).containsExactlyInAnyOrder(new ReportContent.CaseShown(this.restrictedCrn, true),
				new ReportContent.CaseShown(this.openCrn, false));
		assertThat(content.sections().toString()).doesNotContain(this.restrictedCrn).contains(this.openCrn);

		PageSession quality = new PageSession(this.port).signedIn("srp-quality", PASSWORD);
		String page = quality.get("/reports/scheduled/" + committee.id()).body();

		assertThat(page).contains("Restricted case").contains(this.openCrn).contains("Open alert cases");
		assertThat(this.jdbc
			.sql("""
					select count(*) from case_access_log where username = 'srp-quality' and (crn = :crn or :crn = any (crns))
					""")
			.param("crn", this.openCrn)
			.query(Integer.class)
			.single()).isPositive();
	}

	@Test
	void theMonthlyUnitReportOpensForItsOwnLineManagerOnly() throws Exception {
		this.reports.generate(ScheduleRules.parse(ReportKind.MONTHLY_UNIT, "2031-03"));
		this.reports.generate(ScheduleRules.parse(ReportKind.WEEKLY_OPERATIONS, "2031-W03"));
		StoredReport team1 = issued(ReportKind.MONTHLY_UNIT, "2031-03", TEAM1);
		StoredReport weekly = issued(ReportKind.WEEKLY_OPERATIONS, "2031-W03", PROVIDER);

		PageSession manager = new PageSession(this.port).signedIn("srp-manager", PASSWORD);
		PageSession other = new PageSession(this.port).signedIn("srp-other", PASSWORD);

		assertThat(manager.get("/reports/scheduled/" + team1.id()).statusCode()).isEqualTo(200);
		assertThat(manager.get("/reports/scheduled").body()).contains(team1.title()).doesNotContain(weekly.title());
		assertThat(manager.get("/reports/scheduled/" + weekly.id()).statusCode()).isEqualTo(403);
		assertThat(other.get("/reports/scheduled/" + team1.id()).statusCode()).isEqualTo(403);
		assertThat(other.get("/reports/scheduled/" + team1.id() + ".pdf").statusCode()).isEqualTo(403);
	}

	@Test
	void thePdfIsTaggedWithItsTitleAndLanguageAndItsTextExtracts() throws Exception {
		this.reports.generate(ScheduleRules.parse(ReportKind.QUARTERLY_EXECUTIVE, "2031-Q1"));
		StoredReport quarter = issued(ReportKind.QUARTERLY_EXECUTIVE, "2031-Q1", PROVIDER);
		PageSession quality = new PageSession(this.port).signedIn("srp-quality", PASSWORD);

		byte[] pdf = quality.getBytes("/reports/scheduled/" + quarter.id() + ".pdf").body();

		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
			assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(quarter.title());
			assertThat(new PDFTextStripper().getText(doc)).contains("Service levels against target")
				.contains("Complaint timeliness")
				.contains("Survey headlines");
		}
		byte[] xlsx = quality.getBytes("/reports/scheduled/" + quarter.id() + ".xlsx").body();
		assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");
	}

	@Test
	void anIssuedReportIsEmailedWithItsPdfToItsListAndToNoOneWhenItsListIsEmpty() throws Exception {
		this.lists.add(ReportKind.MONTHLY_UNIT, TEAM2, "srp-team2@probation.example.gov.uk",
				DistributionLists.Delivery.PDF, "test");
		List<StoredReport> made = this.reports.generate(ScheduleRules.parse(ReportKind.MONTHLY_UNIT, "2031-04"));
		StoredReport team2 = made.stream().filter((r) -> r.unit().value().equals(TEAM2)).findFirst().orElseThrow();
		StoredReport team1 = made.stream().filter((r) -> r.unit().value().equals(TEAM1)).findFirst().orElseThrow();

		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while ((mailTo("srp-team2@probation.example.gov.uk", team2.title()).isEmpty() || !handled(team1.id()))
				&& System.nanoTime() < deadline) {
			smtp.waitForIncomingEmail(200, 1);
		}

		List<MimeMessage> mail = mailTo("srp-team2@probation.example.gov.uk", team2.title());
		assertThat(mail).hasSize(1);
		Multipart parts = (Multipart) mail.get(0).getContent();
		Part attachment = null;
		for (int i = 0; i < parts.getCount(); i++) {
			if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
				attachment = parts.getBodyPart(i);
			}
		}
		assertThat(attachment).isNotNull();
		assertThat(attachment.getContentType()).startsWith("application/pdf");
		assertThat(attachment.getInputStream().readNBytes(5)).isEqualTo("%PDF-".getBytes());
		// team 1 has a manager's account but no one on its list: nothing is sent
		assertThat(handled(team1.id())).isTrue();
		assertThat(smtp.getReceivedMessages()).noneMatch((m) -> subject(m).contains(team1.title()));
		assertThat(this.jdbc.sql("select count(*) from report_mailing where report_id = :id")
			.param("id", team1.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void recipientsAreValidatedAndEveryChangeIsRecorded() throws Exception {
		PageSession quality = new PageSession(this.port).signedIn("srp-quality", PASSWORD);
		quality.submit("/reports/distribution", "/reports/distribution",
				Map.of("kind", "COMMITTEE", "unit", "", "email", "not-an-address", "delivery", "LINK"));
		assertThat(quality.get("/reports/distribution").body())
			.contains("Enter an email address in the correct format");

		quality.submit("/reports/distribution", "/reports/distribution", Map.of("kind", "COMMITTEE", "unit", "",
				"email", "SRP-Committee@Probation.example.gov.uk", "delivery", "LINK"));

		assertThat(this.lists.of(ReportKind.COMMITTEE, null)).extracting(DistributionLists.Recipient::email)
			.contains("srp-committee@probation.example.gov.uk");
		assertThat(this.lists.history(50)).anyMatch((c) -> c.email().equals("srp-committee@probation.example.gov.uk")
				&& c.by().equals("srp-quality") && c.change().equals("ADDED"));
		PageSession manager = new PageSession(this.port).signedIn("srp-manager", PASSWORD);
		assertThat(manager.get("/reports/distribution").statusCode()).isEqualTo(403);
	}

	@Test
	void anAdministratorMarksAUnitAsASubcontractorsAndAStaleEditIsRefused() throws Exception {
		this.accounts.createOrReset("srp-admin", "SRP Admin", Role.ADMIN, null, null, PASSWORD);
		PageSession admin = new PageSession(this.port).signedIn("srp-admin", PASSWORD);
		HttpResponse<String> page = admin.get("/reports/subcontractors");
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		admin.submit("/reports/subcontractors", "/reports/subcontractors",
				Map.of("name", "SRP Housing Charity", "contacts", "lead@srphousing.example.org\nnot-an-address"));
		assertThat(admin.get("/reports/subcontractors").body()).contains("is not one");
		admin.submit("/reports/subcontractors", "/reports/subcontractors",
				Map.of("name", "SRP Housing Charity", "contacts", "lead@srphousing.example.org"));
		long id = this.jdbc.sql("select subcontractor_id from report_subcontractor where name = 'SRP Housing Charity'")
			.query(Long.class)
			.single();

		HttpResponse<String> added = admin.submit("/reports/subcontractors", "/reports/subcontractors/" + id + "/units",
				Map.of("version", "0", "unit", TEAM2));
		HttpResponse<String> stale = admin.submit("/reports/subcontractors",
				"/reports/subcontractors/" + id + "/contacts",
				Map.of("version", "0", "contacts", "other@srphousing.example.org"));

		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(this.jdbc.sql("select subcontractor_id from report_subcontractor_unit where unit_code = :unit")
			.param("unit", TEAM2)
			.query(Long.class)
			.single()).isEqualTo(id);
		assertThat(admin.get("/reports/subcontractors").body()).contains("Delivery unit added: Team SRPT2 (SRPT2)")
			.contains("lead@srphousing.example.org")
			.doesNotContain("other@srphousing.example.org");
		PageSession quality = new PageSession(this.port).signedIn("srp-quality", PASSWORD);
		assertThat(quality.get("/reports/subcontractors").statusCode()).isEqualTo(403);
	}

	private boolean handled(long reportId) {
		return this.publications.findAll()
			.stream()
			.anyMatch((p) -> p.getEvent() instanceof ScheduledReportIssued issued && issued.reportId() == reportId);
	}

	private List<MimeMessage> mailTo(String address, String title) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			boolean to = java.util.Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((a) -> a.toString().equals(address));
			if (to && message.getSubject().equals("Probity: " + title)) {
				found.add(message);
			}
		}
		return found;
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
