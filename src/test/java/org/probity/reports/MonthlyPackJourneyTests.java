package org.probity.reports;

import java.nio.file.Files;
import java.time.LocalDate;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.measures.MeasureRecomputation;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly pack's journey in a real browser: the quality team generates the October
 * pack, is told to write the commentary before submitting, writes it and submits; a
 * senior manager approves it and downloads its PDF. axe passes on every page.
 */
@IntegrationTest
class MonthlyPackJourneyTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	MeasureRecomputation recomputation;

	private static void click(Page page, AriaRole role, String name) {
		page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
	}

	@Test
	void generateTheOctoberPackWriteTheCommentarySubmitApproveAndDownloadThePdf() throws Exception {
		PackTestData data = new PackTestData(this.jdbc, "RPJ", 620000).estate(this.accounts);
		data.orders(1, LocalDate.of(2026, 10, 5), 6, 0);
		data.orders(2, LocalDate.of(2026, 10, 5), 2, 4);
		this.recomputation.recomputeAll();
		String base = browser.url("");
		Page page = browser.signedIn(data.user("quality"), PackTestData.PASSWORD);
		page.navigate(base + "/reports");
		assertThat(page.locator("h1")).hasText("Reports");
		BrowserFixture.assertAccessible(page);
		page.getByLabel("Month").fill("2026-10");
		// the provider is asked for only when the database holds several
		if (page.getByLabel("Provider").count() > 0) {
			page.getByLabel("Provider").selectOption(data.provider());
		}
		click(page, AriaRole.BUTTON, "Generate the draft pack");
		assertThat(page.locator("h1")).hasText("Monthly pack to the Authority: October 2026");
		assertThat(page.locator(".govuk-tag").first()).hasText("Draft");
		assertThat(page.getByRole(AriaRole.ROWHEADER,
				new Page.GetByRoleOptions().setName("Initial contact: community orders and SSOs")))
			.hasCount(1);
		BrowserFixture.assertAccessible(page);
		String packUrl = page.url();

		click(page, AriaRole.BUTTON, "Submit for review");
		assertThat(page.locator(".govuk-error-summary")).containsText("Write the commentary");
		assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: "));
		BrowserFixture.assertAccessible(page);

		Locator forms = page.locator("form[id^=commentary-form-]");
		int failing = forms.count();
		assertThat(failing).isPositive();
		for (int i = 0; i < failing; i++) {
			Locator form = page.locator("form[id^=commentary-form-]").nth(i);
			String code = form.getAttribute("id").substring("commentary-form-".length());
			page.getByLabel("Why it is below target").nth(i).fill("Two practitioners left team two in " + code);
			page.getByLabel("What is being done").nth(i).fill("Cases reallocated and seen within the week");
			click(page, AriaRole.BUTTON, "Save the commentary on " + code);
			assertThat(page.locator("#commentary-" + code).locator("xpath=following-sibling::p[1]"))
				.containsText("Two practitioners left team two in " + code);
		}
		click(page, AriaRole.BUTTON, "Submit for review");
		assertThat(page.getByText("The pack was submitted for review")).isVisible();
		assertThat(page.locator(".govuk-tag").first()).hasText("Submitted for review");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve the pack")))
			.hasCount(0);
		page.context().close();

		Page senior = browser.signedIn(data.user("senior"), PackTestData.PASSWORD);
		senior.navigate(packUrl);
		BrowserFixture.assertAccessible(senior);
		click(senior, AriaRole.BUTTON, "Approve the pack");
		assertThat(senior.getByText("The pack was approved: its figures are now frozen")).isVisible();
		assertThat(senior.locator(".govuk-tag").first()).hasText("Approved");
		assertThat(senior.locator(".govuk-summary-list")).containsText("by " + data.user("senior"));
		assertThat(senior.locator(".govuk-summary-list")).containsText("by " + data.user("quality"));
		BrowserFixture.assertAccessible(senior);

		Download download = senior.waitForDownload(() -> click(senior, AriaRole.LINK, "Download the report as a PDF"));
		byte[] pdf = Files.readAllBytes(download.path());
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentInformation().getTitle())
				.isEqualTo("Monthly pack to the Authority: October 2026");
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Approved, issue 1")
				.contains("Two practitioners left team two in SL001R");
		}
		assertThat(download.suggestedFilename()).startsWith("monthly-pack-2026-10-");
		// for a person to look at: the approved pack's page
		senior.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "pack-page.png"))
			.setFullPage(true));

		senior.navigate(base + "/reports?kind=MONTHLY_PACK");
		assertThat(senior.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Monthly pack to the Authority: October 2026")))
			.not()
			.hasCount(0);
		BrowserFixture.assertAccessible(senior);
	}

}
