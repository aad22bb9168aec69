package org.probity.accounts;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.shared.Crn;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesTests {

	static final String PASSWORD = "k4-password-long-enough";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	CaseAccessLog log;

	@BeforeAll
	void accounts() {
		this.accounts.createOrReset("k4-quality", "K4 Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		for (int i = 0; i < 55; i++) {
			this.log.record("k4-reader", new Crn("K4" + String.format("%05d", i % 3)), CaseAccessLog.Outcome.OPENED);
		}
		this.log.record("k4-nosy", new Crn("K400001"), CaseAccessLog.Outcome.REFUSED_OUT_OF_SCOPE);
	}

	private PageSession admin() {
		return new PageSession(this.port).signedIn("admin", "test-admin-password");
	}

	private Map<String, String> form(PageSession session, String username, String role, String staff, String unit,
			String password) {
		Map<String, String> fields = new HashMap<>();
		fields.put("_csrf", session.csrfToken("/admin/accounts"));
		fields.put("username", username);
		fields.put("displayName", "Name of " + username);
		fields.put("role", role);
		fields.put("staffCode", staff);
		fields.put("unitCode", unit);
		fields.put("password", password);
		return fields;
	}

	@Test
	void adminCreatesAnAccountThatCanSignIn() {
		PageSession admin = admin();

		HttpResponse<String> created = admin.postForm("/admin/accounts",
				form(admin, "k4-new-practitioner", "PRACTITIONER", "k4a0001", "", PASSWORD));

		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/accounts/k4-new-practitioner").body()).contains("k4-new-practitioner")
			.contains("K4A0001");
		Accounts.Account account = this.accounts.find("k4-new-practitioner").orElseThrow();
		assertThat(account.role()).isEqualTo(Role.PRACTITIONER);
		assertThat(account.staffCode()).isEqualTo("K4A0001");
		new PageSession(this.port).signedIn("k4-new-practitioner", PASSWORD);
	}

	@Test
	void adminGivesALineManagerAnEmailAddressForAlerts() {
		PageSession admin = admin();
		Map<String, String> fields = form(admin, "k4-mailed-manager", "LINE_MANAGER", "", "k4t1", PASSWORD);
		fields.put("email", " k4.manager@probation.example.gov.uk ");

		assertThat(admin.postForm("/admin/accounts", fields).statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/accounts/k4-mailed-manager").body())
			.contains("k4.manager@probation.example.gov.uk");
		assertThat(this.accounts.emailOf("k4-mailed-manager")).contains("k4.manager@probation.example.gov.uk");
		assertThat(this.accounts.usersWithEmail()).filteredOn((u) -> u.getUsername().equals("k4-mailed-manager"))
			.singleElement()
			.satisfies((u) -> assertThat(u.email()).isEqualTo("k4.manager@probation.example.gov.uk"));

		this.accounts.createOrReset("k4-mailed-manager", "K4 Manager", Role.LINE_MANAGER, null, new UnitCode("K4T1"),
				PASSWORD);
		assertThat(this.accounts.emailOf("k4-mailed-manager")).as("a reset without an address keeps it")
			.contains("k4.manager@probation.example.gov.uk");
		assertThat(this.accounts.emailOf("k4-quality")).isEmpty();
	}

	@Test
	void anEmailAddressInTheWrongFormatIsRefused() {
		PageSession admin = admin();
		Map<String, String> fields = form(admin, "k4-bad-email", "LINE_MANAGER", "", "K4T1", PASSWORD);
		fields.put("email", "k4.manager-at-example");

		HttpResponse<String> refused = admin.postForm("/admin/accounts", fields);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("href=\"#email\"")
			.contains("Enter an email address in the correct format, like name@example.com")
			.contains("govuk-input--error");
		assertThat(this.accounts.find("k4-bad-email")).isEmpty();
	}

	@Test
	void invalidAccountIsRefusedWithAnErrorSummary() {
		PageSession admin = admin();

		HttpResponse<String> refused = admin.postForm("/admin/accounts",
				form(admin, "K4 Bad Name!", "LINE_MANAGER", "TOOLONGCODE", "", "short"));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("govuk-error-summary")
			.contains("There is a problem")
			.contains("href=\"#username\"")
			.contains("Staff code must be 7 characters")
			.contains("Enter the unit of a manager")
			.contains("Password must be at least 12 characters")
			.contains("<title>Error: Accounts - Probity</title>");
		assertThat(this.accounts.find("k4 bad name!")).isEmpty();
	}

	@Test
	void existingUsernameIsNotOverwritten() {
		PageSession admin = admin();

		HttpResponse<String> refused = admin.postForm("/admin/accounts",
				form(admin, "k4-quality", "ADMIN", "", "", "another-long-password"));

		assertThat(refused.body()).contains("An account with this username already exists");
		assertThat(this.accounts.find("k4-quality").orElseThrow().role()).isEqualTo(Role.QUALITY_TEAM);
	}

	@Test
	void onlyAdministratorsManageAccounts() {
		PageSession quality = new PageSession(this.port).signedIn("k4-quality", PASSWORD);

		assertThat(quality.get("/admin/accounts").statusCode()).isEqualTo(403);
	}

	@Test
	void accessLogIsPaginatedAndFilteredByCrnOrUser() {
		PageSession quality = new PageSession(this.port).signedIn("k4-quality", PASSWORD);

		String byUser = quality.get("/admin/access-log?user=k4-reader").body();
		assertThat(byUser).contains("55 entries</span>").contains("govuk-pagination").doesNotContain("k4-nosy");
		String byCrn = quality.get("/admin/access-log?crn=k400001").body();
		assertThat(byCrn).contains("k4-nosy").contains("Refused: out of scope").doesNotContain("K400002");
		assertThat(quality.get("/admin/access-log?user=k4-reader&page=2").body()).contains("K400000");
	}

	@Test
	void accessLogIsForAdministratorsAndTheQualityTeamOnly() {
		this.accounts.createOrReset("k4-manager", "K4 Manager", Role.SENIOR_MANAGER, null, new UnitCode("K4L1"),
				PASSWORD);

		assertThat(new PageSession(this.port).signedIn("k4-manager", PASSWORD).get("/admin/access-log").statusCode())
			.isEqualTo(403);
		assertThat(admin().get("/admin/access-log").statusCode()).isEqualTo(200);
	}

}
