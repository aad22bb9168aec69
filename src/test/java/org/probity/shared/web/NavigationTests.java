package org.probity.shared.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header marks the section a page is in with aria-current and offers administrators
 * their own pages; breadcrumbs sit above the heading and end with the current page, not a
 * link (GOV.UK header and breadcrumbs patterns).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NavigationTests {

	@LocalServerPort
	int port;

	@BeforeAll
	void accounts(@Autowired Accounts accounts) {
		accounts.createOrReset("nav-admin", "Nav Admin", Role.ADMIN, null, null, "nav-password-a");
		accounts.createOrReset("nav-quality", "Nav Quality", Role.QUALITY_TEAM, null, null, "nav-password-q");
	}

	@Test
	void theHeaderMarksTheCurrentSectionAndOffersAdministratorsTargetsAndAccounts() {
		PageSession admin = new PageSession(this.port).signedIn("nav-admin", "nav-password-a");
		String targets = admin.get("/measures/targets").body();
		assertThat(targets).containsPattern("href=\"/measures/targets\" aria-current=\"true\">Targets</a>")
			.contains("href=\"/admin/accounts\">Accounts</a>")
			.containsPattern("href=\"/measures\">Service levels</a>");
		assertThat(admin.get("/admin/accounts").body())
			.containsPattern("href=\"/admin/accounts\" aria-current=\"true\">Accounts</a>");

		PageSession quality = new PageSession(this.port).signedIn("nav-quality", "nav-password-q");
		assertThat(quality.get("/cases").body()).doesNotContain("href=\"/admin/accounts\"", ">Targets</a>")
			.containsPattern("href=\"/cases\" aria-current=\"true\">Cases</a>");
	}

	@Test
	void breadcrumbsComeBeforeTheHeadingAndTheCurrentPageIsNotALink() {
		PageSession quality = new PageSession(this.port).signedIn("nav-quality", "nav-password-q");
		String page = quality.get("/api-documentation").body();
		int crumbs = page.indexOf("govuk-breadcrumbs");
		assertThat(crumbs).isPositive().isLessThan(page.indexOf("<h1"));
		String trail = page.substring(crumbs, page.indexOf("</nav>", crumbs));
		assertThat(trail).contains("href=\"/\">Home</a>").containsPattern("aria-current=\"page\">[^<]+</li>");
	}

	@Test
	void theApiDocumentationIsAPageWithTheDocumentsTitleVersionModulesAndSecurityScheme() {
		PageSession quality = new PageSession(this.port).signedIn("nav-quality", "nav-password-q");
		String page = quality.get("/api-documentation").body();
		assertThat(page)
			.contains("<h1 class=\"govuk-heading-xl\">Probity API</h1>", "Version 1.0", "HTTP Basic", "id=\"audits\"",
					"id=\"measures\"", "id=\"imports\"", "/api/v1/flags")
			.doesNotContain("imports-api", "OpenAPI definition");
		String document = quality.get("/v3/api-docs").body();
		assertThat(document)
			.contains("\"title\":\"Probity API\"", "\"basicAuth\"", "\"scheme\":\"basic\"", "\"name\":\"Measures\"")
			.doesNotContain("imports-api");
		assertThat(quality.get("/swagger-ui/index.html").statusCode()).isEqualTo(404);
	}

	@Test
	void theImportPageLinksTheExchangeFormatAndATemplatePerDataset() {
		PageSession admin = new PageSession(this.port).signedIn("nav-admin", "nav-password-a");
		assertThat(admin.get("/imports").body()).contains("href=\"/exchange-templates/exchange-format.md\"",
				"href=\"/exchange-templates/contacts.csv\"");
		assertThat(admin.get("/exchange-templates/exchange-format.md").body()).contains("## contacts.csv",
				"termination_reason");
		assertThat(admin.get("/exchange-templates/events.csv").body()).startsWith("event_id,crn,event_type,");
	}

	@Test
	void sectionsComeFromThePath() {
		assertThat(CurrentSection.of("/measures/SL001R")).isEqualTo("measures");
		assertThat(CurrentSection.of("/measures/targets")).isEqualTo("targets");
		assertThat(CurrentSection.of("/measures/SL001R/target")).isEqualTo("targets");
		assertThat(CurrentSection.of("/admin/accounts/x")).isEqualTo("accounts");
		assertThat(CurrentSection.of("/")).isEmpty();
	}

}
