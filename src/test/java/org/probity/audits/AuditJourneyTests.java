package org.probity.audits;

import java.time.YearMonth;
import java.util.List;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A quality officer's journey in a real browser (Debian's chromium). */
@IntegrationTest
class AuditJourneyTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditProgrammes programmes;

	/**
	 * The words of the case beside the audit form that the browser laid out over two
	 * lines ("Sentence" / "d"): each word's pieces must sit on one line.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> wordsBrokenInTheCasePanel(Page page) {
		return (List<String>) page.evaluate(
				"""
						() => {
						  const broken = [];
						  const cells = document.querySelectorAll('.probity-summary-list--stacked dt, .probity-summary-list--stacked dd');
						  if (cells.length === 0) { return ['no case panel']; }
						  for (const cell of cells) {
						    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
						    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						      for (const m of node.textContent.matchAll(/\\S+/g)) {
						        const range = document.createRange();
						        range.setStart(node, m.index);
						        range.setEnd(node, m.index + m[0].length);
						        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
						        if (lines.size > 1) { broken.push(m[0]); }
						      }
						    }
						  }
						  return broken;
						}
						""");
	}

	@Test
	void drawASampleCompleteAnAuditThroughTheFormAndSeeTheRatingChange() {
		CaseData.TwoTeams data = new CaseData(this.jdbc).aProviderWithTwoTeams("AJY", 'P', 400);
		data.people(6);
		long programme = this.programmes
			.create(new ProgrammeRequest("Journey dip sample", ProgrammeKind.DIP_SAMPLE, "CASE_SUPERVISION",
					new PopulationFilter(data.provider(), List.of(), null, null, null, null, null), 2, null, null,
					false, Recurrence.NONE, YearMonth.of(2036, 1), null, List.of("admin"), 1L), "test")
			.programmeId();
		String base = browser.url("");
		Page page = browser.admin();

		page.navigate(base + "/audits/ratings?programme=" + programme);
		assertThat(page.getByText("No completed audits to rate yet.")).isVisible();

		page.navigate(base + "/audits/programmes/" + programme);
		page.getByLabel("Sample size").fill("2");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Draw sample"))
			.click();
		assertThat(page.locator("h1")).containsText("Sample");
		assertThat(page.getByText("2 cases drawn")).isVisible();
		assertThat(page.getByText("Drawing again from the stored population and seed gives these cases.")).isVisible();

		page.locator("td a.govuk-link").first().click();
		assertThat(page.locator("h1")).containsText("Audit of");
		assertThat(page.getByText("Was domestic abuse and child safeguarding information requested and used?").first())
			.isVisible();
		BrowserFixture.assertAccessible(page);
		for (int width : List.of(1280, 390)) {
			page.setViewportSize(width, 900);
			page.locator(".probity-summary-list--stacked").scrollIntoViewIfNeeded();
			page.screenshot(new Page.ScreenshotOptions().setFullPage(false)
				.setPath(java.nio.file.Path.of("target", "screenshots", "audit-form-" + width + ".png")));
			assertThat(wordsBrokenInTheCasePanel(page)).as("at " + width + " px").isEmpty();
		}
		for (String standard : List.of("2.1", "2.2", "2.3", "2.4")) {
			for (int q = 1; q <= 3; q++) {
				String code = standard + "." + q;
				String answer = code.equals("2.1.3") ? "NO" : "YES";
				page.locator("[id='answer-" + code + "-" + answer + "']").check();
			}
		}
		page.locator("[id='prompt-2.1.3.a-NO']").check();
		page.locator("[id='prompt-2.1.3.b-YES']").check();
		page.locator("[id='comment-2.1.3']").fill("No domestic abuse enquiry was made.");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Continue"))
			.click();
		assertThat(page.locator("h1")).hasText("Check your answers");
		BrowserFixture.assertAccessible(page);
		assertThat(page.getByText("No domestic abuse enquiry was made.")).isVisible();
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Complete audit"))
			.click();
		assertThat(page.getByText("Audit completed")).isVisible();

		page.navigate(base + "/audits/ratings?programme=" + programme);
		assertThat(page.locator("#standard-2\\.1 .standard-rating")).hasText("Inadequate");
		assertThat(page.locator("#standard-2\\.2 .standard-rating")).hasText("Outstanding");
		assertThat(page.locator("#audits-completed")).hasText("1");
		BrowserFixture.assertAccessible(page);
		assertThat(this.jdbc.sql("select count(*) from case_audit where programme_id = :p and status = 'COMPLETED'")
			.param("p", programme)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
