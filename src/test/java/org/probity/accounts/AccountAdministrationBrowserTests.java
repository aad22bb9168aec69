package org.probity.accounts;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.shared.StaffCode;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An administrator's account pages in a real browser, each passing axe. */
@IntegrationTest
class AccountAdministrationBrowserTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	@Autowired
	Accounts accounts;

	@Test
	void anAdministratorChangesARoleThroughCheckYourAnswersAndEveryPagePassesAxe() {
		this.accounts.createOrReset("k8-browser", "Kim Browser", Role.PRACTITIONER, new StaffCode("K8A0001"), null,
				"k8-password-long-enough");
		String base = browser.url("");
		Page page = browser.admin();
		page.navigate(base + "/admin/accounts");
		assertThat(BrowserFixture.accessibilityViolations(page)).as("accounts list").isEmpty();
		page.navigate(base + "/admin/accounts/k8-browser/password");
		assertThat(BrowserFixture.accessibilityViolations(page)).as("password reset").isEmpty();
		page.navigate(base + "/admin/accounts/k8-browser");
		assertThat(BrowserFixture.accessibilityViolations(page)).as("account page").isEmpty();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change details of k8-browser")).click();
		assertThat(BrowserFixture.accessibilityViolations(page)).as("edit form").isEmpty();
		page.getByLabel("Role").selectOption("QUALITY_TEAM");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		assertThat(page.locator("h1")).hasText("Check the changes to the account");
		assertThat(BrowserFixture.accessibilityViolations(page)).as("check page").isEmpty();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
		assertThat(page.getByText("The account's details have been changed.")).isVisible();
		assertThat(page.locator("#history")).containsText("Quality team");
		assertThat(BrowserFixture.accessibilityViolations(page)).as("account page after").isEmpty();
		assertThat(this.accounts.find("k8-browser").orElseThrow().role()).isEqualTo(Role.QUALITY_TEAM);
	}

}
