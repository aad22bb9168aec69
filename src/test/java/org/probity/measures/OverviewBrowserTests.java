package org.probity.measures;

import java.time.LocalDate;
import java.time.YearMonth;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A senior manager reads the home page's overview in a real browser (Debian's chromium):
 * the grid is a table whose cells a screen reader announces with their unit and measure,
 * it scrolls and is followed with the keyboard alone, and it passes axe-core (WCAG 2.2
 * AA).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewBrowserTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	static final String PASSWORD = "ovb-password-long-enough";

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureRecomputation recomputation;

	CaseData.Estate data;

	YearMonth month = YearMonth.now().minusMonths(1);

	@BeforeAll
	void casesAndBrowser() {
		this.data = new CaseData(this.jdbc).anEstate("OVB", 'W');
		LocalDate allocated = this.month.atDay(3);
		var met = this.data.aCommunityOrder().sentencedOn(allocated).insert();
		this.data.aContact(met).on(allocated.plusDays(1)).insert();
		this.recomputation.recomputeAll();
		this.accounts.createOrReset("ovb-senior", "OVB Senior", Role.SENIOR_MANAGER, null,
				new UnitCode(this.data.provider()), PASSWORD);
	}

	@Test
	void theOverviewIsATableReadAndFollowedWithTheKeyboard() {
		Page page = browser.signedIn("ovb-senior", PASSWORD);
		var table = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(java.util.regex.Pattern
			.compile("Every measure for " + org.probity.shared.web.Format.month(this.month))));
		assertThat(table.count()).isEqualTo(1);
		assertThat(table.getByRole(AriaRole.ROWHEADER).allTextContents()).hasSize(7);
		assertThat(table.getByRole(AriaRole.COLUMNHEADER).count()).isEqualTo(17);
		BrowserFixture.assertAccessible(page);

		// the scrolling region takes the focus, then its links follow in reading order
		page.locator(".probity-scroll").focus();
		assertThat(page.evaluate("document.activeElement.getAttribute('role')")).isEqualTo("region");
		page.keyboard().press("Tab");
		assertThat((String) page.evaluate("document.activeElement.getAttribute('href')"))
			.isEqualTo("/measures/SL001R?period=" + this.month + "&unit=" + this.data.provider());
		page.keyboard().press("Enter");
		page.waitForURL((url) -> url.contains("/measures/SL001R"));
		assertThat(page.locator("h1").textContent()).contains("Initial contact");
		page.close();
	}

}
