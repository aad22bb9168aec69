package org.probity.accounts;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.probity.HeadlessChromium;
import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An administrator's account pages in a real browser, each passing axe. */
@IntegrationTest
class AccountAdministrationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void anAdministratorChangesARoleThroughCheckYourAnswersAndEveryPagePassesAxe() {
		this.accounts.createOrReset("k8-browser", "Kim Browser", Role.PRACTITIONER, "K8A0001", null,
				"k8-password-long-enough");
		String base = "http://localhost:" + this.port;
		try (Playwright playwright = Playwright.create(); Browser browser = HeadlessChromium.launch(playwright)) {
			Page page = browser.newPage();
			page.navigate(base + "/sign-in");
			page.getByLabel("Username").fill("admin");
			page.getByLabel("Password").fill("test-admin-password");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

			page.navigate(base + "/admin/accounts");
			assertThat(HeadlessChromium.accessibilityViolations(page)).as("accounts list").isEmpty();
			page.navigate(base + "/admin/accounts/k8-browser/password");
			assertThat(HeadlessChromium.accessibilityViolations(page)).as("password reset").isEmpty();
			page.navigate(base + "/admin/accounts/k8-browser");
			assertThat(HeadlessChromium.accessibilityViolations(page)).as("account page").isEmpty();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change details of k8-browser"))
				.click();
			assertThat(HeadlessChromium.accessibilityViolations(page)).as("edit form").isEmpty();
			page.getByLabel("Role").selectOption("QUALITY_TEAM");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
			assertThat(page.locator("h1")).hasText("Check the changes to the account");
			assertThat(HeadlessChromium.accessibilityViolations(page)).as("check page").isEmpty();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
			assertThat(page.getByText("The account's details have been changed.")).isVisible();
			assertThat(page.locator("#history")).containsText("Quality team");
			assertThat(HeadlessChromium.accessibilityViolations(page)).as("account page after").isEmpty();
		}
		assertThat(this.accounts.find("k8-browser").orElseThrow().role()).isEqualTo(Role.QUALITY_TEAM);
	}

}
