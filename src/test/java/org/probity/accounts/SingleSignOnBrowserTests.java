package org.probity.accounts;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.probity.BrowserFixture;
import org.probity.IntegrationTest;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, through a real OAuth2 / OIDC server ({@link TestIdentityProvider}):
 * a senior manager signs in through the OIDC provider and sees their own LDU's teams but
 * not another LDU's (403), and signing out ends the provider's session too; a user in the
 * style of HMPPS Auth, whose claims are only in the access token, gets the scope those
 * claims give; a user whose claims map to nothing gets the refusal page. Pages pass axe.
 */
@IntegrationTest
class SingleSignOnBrowserTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void provider() {
		TestIdentityProvider.start(this.port);
		CaseData caseData = new CaseData(this.jdbc);
		caseData.aProvider("SSOP").named("SSO Provider").insert();
		caseData.anLdu("SSOL1").named("SSO North LDU").under("SSOP").insert();
		caseData.anLdu("SSOL2").named("SSO South LDU").under("SSOP").insert();
		caseData.aTeam("SSOT11").named("SSO North Team").under("SSOL1").insert();
		caseData.aTeam("SSOT21").named("SSO South Team").under("SSOL2").insert();
	}

	@Test
	void anOidcSeniorManagerSeesTheirOwnLduOnlyAndSignsOutOfTheProviderToo() {
		try (BrowserContext context = browser.browser().newContext(); Page page = context.newPage()) {
			signInThroughProvider(page, "Continue with Test identity", "sso-senior");

			assertThat(page.locator("h1")).not().containsText("You cannot use Probity");
			assertThat(page.locator(".govuk-header")).containsText("Sign out");
			Response own = page.navigate(url("/estate/units/SSOT11"));
			assertThat(own.status()).isEqualTo(200);
			assertThat(page.locator("h1")).containsText("SSO North Team");
			Response other = page.navigate(url("/estate/units/SSOT21"));
			assertThat(other.status()).isEqualTo(403);

			assertThat(this.jdbc.sql("""
					select role || ' ' || unit_code || ' ' || signs_in_with || ' ' || provider || ' ' || email
					from account where username = 'sso-senior'
					""").query(String.class).single())
				.isEqualTo("SENIOR_MANAGER SSOL1 PROVIDER test-oidc sam.senior@example.org");
			assertThat(
					this.jdbc.sql("select count(*) from sign_in where username = 'sso-senior' and method = 'PROVIDER'")
						.query(Long.class)
						.single())
				.isPositive();

			page.navigate(url("/"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
			page.waitForURL("**/sign-in?signedOut");
			assertThat(page.locator(".govuk-notification-banner")).containsText("You have signed out");

			// the provider's session ended too: continuing asks for the password again
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with Test identity")).click();
			page.waitForURL(TestIdentityProvider.ISSUER + "/login**");
			assertThat(page.getByLabel("Password")).isVisible();
		}
	}

	@Test
	void anHmppsStyleUserGetsTheScopeOfTheirAccessTokensClaims() {
		try (BrowserContext context = browser.browser().newContext(); Page page = context.newPage()) {
			signInThroughProvider(page, "Continue with Test HMPPS Auth", "sso-hmpps");

			assertThat(page.locator(".govuk-header")).containsText("Sign out");
			assertThat(page.navigate(url("/estate/units/SSOT21")).status()).isEqualTo(200);
			assertThat(page.locator("h1")).containsText("SSO South Team");
			assertThat(page.navigate(url("/estate/units/SSOT11")).status()).isEqualTo(403);
			assertThat(this.jdbc
				.sql("select display_name || ' ' || unit_code from account where username = 'SSO_HMPPS_USER'")
				.query(String.class)
				.single()).isEqualTo("Harriet Hmpps SSOL2");
		}
	}

	@Test
	void theSignInPageOffersEachProviderAndAUserWhoseClaimsMapToNothingIsRefusedWithAClearPage() {
		try (BrowserContext context = browser.browser().newContext(); Page page = context.newPage()) {
			page.navigate(url("/sign-in"));
			assertThat(
					page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with Test identity")))
				.isVisible();
			assertThat(
					page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with Test HMPPS Auth")))
				.isVisible();
			assertThat(page.getByLabel("Username")).isVisible();
			BrowserFixture.assertAccessible(page);

			Response refused = signInThroughProvider(page, "Continue with Test identity", "sso-nobody");

			assertThat(page).hasURL(url("/sign-in/refused?reason=no-role"));
			assertThat(refused.status()).isEqualTo(403);
			assertThat(page.locator("h1")).hasText("You cannot use Probity with this account");
			assertThat(page.locator("main")).containsText("does not give you a role in Probity");
			BrowserFixture.assertAccessible(page);
			assertThat(page.navigate(url("/")).url()).endsWith("/sign-in");
			Response unavailable = page.navigate(url("/sign-in/refused?reason=unavailable"));
			assertThat(unavailable.status()).isEqualTo(503);
			assertThat(page.locator("h1")).hasText("Sign-in is not available at the moment");
			assertThat(this.jdbc.sql("select count(*) from account where username = 'sso-nobody'")
				.query(Long.class)
				.single()).isZero();
		}
	}

	/**
	 * Follows the provider's button, signs in at the provider; the response it ends on.
	 */
	private Response signInThroughProvider(Page page, String button, String username) {
		page.navigate(url("/sign-in"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(button)).click();
		page.waitForURL(TestIdentityProvider.ISSUER + "/login**");
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(TestIdentityProvider.PASSWORD);
		return page.waitForNavigation(
				() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click());
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
