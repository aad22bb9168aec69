package org.probity.accounts;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.BrowserFixture;
import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: someone who guessed wrong five times is told to wait, and someone
 * who comes too early on a first start is told the demo is still loading. Both pages pass
 * axe (WCAG 2.2 AA).
 */
@IntegrationTest
class SignInBrowserTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	static final String PASSWORD = "b6-password-long-enough";

	@Autowired
	Accounts accounts;

	@Autowired
	SignInReadiness readiness;

	@Test
	void afterFiveWrongPasswordsThePageSaysHowLongToWait() {
		this.accounts.createOrReset("b6-hasty", "B6 Hasty", Role.QUALITY_TEAM, null, null, PASSWORD);
		try (Page page = browser.newPage()) {
			for (int attempt = 1; attempt <= 5; attempt++) {
				signIn(page, "b6-hasty", "wrong-" + attempt);
				assertThat(page.locator(".govuk-error-summary")).containsText("Enter a correct username and password");
			}
			BrowserFixture.assertAccessible(page);

			signIn(page, "b6-hasty", PASSWORD);

			assertThat(page.locator(".govuk-error-summary"))
				.containsText("too many failed attempts to sign in to this account from this device");
			assertThat(page.locator(".govuk-error-summary")).containsText("Wait 1 minute, then try again.");
			BrowserFixture.assertAccessible(page);
		}
	}

	@Test
	void whileTheDemoLoadsThePageSaysSoWithA503() {
		this.readiness.holdUntilReady("The demo provider is still loading.");
		try (Page page = browser.newPage()) {
			Response response = page.navigate(browser.url("/sign-in"));
			assertThat(response.status()).isEqualTo(503);
			assertThat(page.locator("h1")).hasText("Probity is still loading");
			assertThat(page.locator("main")).containsText("Refresh this page in a minute");
			assertThat(page.locator("form")).hasCount(0);
			BrowserFixture.assertAccessible(page);
		}
		finally {
			this.readiness.ready();
		}
	}

	private void signIn(Page page, String username, String password) {
		page.navigate(browser.url("/sign-in"));
		BrowserFixture.submitSignIn(page, username, password);
	}

}
