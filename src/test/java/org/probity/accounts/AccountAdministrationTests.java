package org.probity.accounts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.shared.StaffCode;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator edits, disables, enables, unlocks and resets accounts over real HTTP,
 * each change through "check your answers", refused when the account changed since it was
 * opened or when it would leave no active administrator, and recorded on the account's
 * page (issue 16, point 8).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAdministrationTests {

	static final String PASSWORD = "k7-password-long-enough";

	static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void accounts() {
		this.accounts.createOrReset("k7-quality", "K7 Quality", Role.QUALITY_TEAM, null, null, PASSWORD);
		// enough accounts for more than one page of the list, without a password hash
		// each
		for (int i = 0; i < 55; i++) {
			this.jdbc.sql("""
					insert into account (username, display_name, password_hash, role)
					values (:u, :name, '{noop}not-used-by-this-test', 'PRACTITIONER')
					on conflict (username) do nothing
					""").param("u", "k7-many-" + String.format("%02d", i)).param("name", "K7 Many " + i).update();
		}
	}

	private PageSession admin() {
		return new PageSession(this.port).signedIn("admin", "test-admin-password");
	}

	private void practitioner(String username) {
		this.accounts.createOrReset(username, "Pat Practitioner", Role.PRACTITIONER, new StaffCode("K7A0001"), null,
				PASSWORD);
	}

	private static int version(String page) {
		Matcher m = VERSION.matcher(page);
		assertThat(m.find()).as("a version on the page").isTrue();
		return Integer.parseInt(m.group(1));
	}

	/**
	 * Posts the change to the check page, then confirms it; returns the confirmation's
	 * answer.
	 */
	private HttpResponse<String> change(PageSession admin, String username, Map<String, String> fields) {
		String path = "/admin/accounts/" + username;
		Map<String, String> form = new HashMap<>(fields);
		form.putIfAbsent("version", String.valueOf(version(admin.get(path).body())));
		form.put("_csrf", admin.csrfToken(path));
		HttpResponse<String> check = admin.postForm(path + "/check", form);
		assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
		assertThat(check.body()).contains("What will change").contains("Confirm");
		return admin.postForm(path + "/confirm", form);
	}

	private List<String> history(String username) {
		return this.jdbc.sql("""
				select change || ' ' || field || ': ' || coalesce(old_value, '') || ' -> ' || coalesce(new_value, '')
				       || ' by ' || changed_by
				from account_change where username = :u order by id
				""").param("u", username).query(String.class).list();
	}

	private int basic(String username, String password) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/complaints/999999999"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	private static boolean signsIn(PageSession session, String username, String password) {
		HttpResponse<String> response = session.signIn(username, password);
		return response.statusCode() == 302
				&& !response.headers().firstValue("Location").orElse("").contains("sign-in");
	}

	@Test
	void anAdministratorChangesTheDetailsThroughCheckYourAnswersAndTheHistoryShowsWhoChangedWhat() {
		practitioner("k7-edited");
		PageSession admin = admin();
		String edit = admin.get("/admin/accounts/k7-edited/edit").body();
		assertThat(edit).contains("value=\"Pat Practitioner\"").contains("value=\"K7A0001\"");

		Map<String, String> fields = Map.of("action", "DETAILS", "version", String.valueOf(version(edit)),
				"displayName", "Pat Manager", "role", "LINE_MANAGER", "staffCode", "", "unitCode", "k7t1", "email",
				"pat.manager@probation.example.gov.uk", "_csrf", admin.csrfToken("/admin/accounts/k7-edited/edit"));
		HttpResponse<String> check = admin.postForm("/admin/accounts/k7-edited/check", fields);
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(check.body()).contains("Check the changes to the account")
			.contains("<th scope=\"row\" class=\"govuk-table__header\">Role</th>")
			.contains("Practitioner")
			.contains("Line manager")
			.contains("A change of role ends the account");
		assertThat(this.accounts.find("k7-edited").orElseThrow().role()).as("nothing changed before confirming")
			.isEqualTo(Role.PRACTITIONER);

		HttpResponse<String> confirmed = admin.postForm("/admin/accounts/k7-edited/confirm", fields);

		assertThat(confirmed.statusCode()).isEqualTo(302);
		assertThat(confirmed.headers().firstValue("Location").orElseThrow()).endsWith("/admin/accounts/k7-edited");
		Accounts.Account account = this.accounts.find("k7-edited").orElseThrow();
		assertThat(account.role()).isEqualTo(Role.LINE_MANAGER);
		assertThat(account.unitCode()).isEqualTo("K7T1");
		assertThat(account.staffCode()).isNull();
		assertThat(account.email()).isEqualTo("pat.manager@probation.example.gov.uk");
		assertThat(history("k7-edited")).containsExactly("DETAILS Name: Pat Practitioner -> Pat Manager by admin",
				"DETAILS Email address: None -> pat.manager@probation.example.gov.uk by admin",
				"DETAILS Role: Practitioner -> Line manager by admin", "DETAILS Staff code: K7A0001 -> None by admin",
				"DETAILS Unit: None -> K7T1 by admin");
		String page = admin.get("/admin/accounts/k7-edited").body();
		assertThat(page).contains("The account&#39;s details have been changed.")
			.contains("History of changes")
			.contains("<td class=\"govuk-table__cell\">Line manager</td>");
	}

	@Test
	void invalidDetailsAreShownBackWithTheirErrorsAndNothingChanges() {
		practitioner("k7-invalid");
		PageSession admin = admin();
		HttpResponse<String> refused = admin.postForm("/admin/accounts/k7-invalid/check",
				Map.of("action", "DETAILS", "version", "0", "displayName", "", "role", "SENIOR_MANAGER", "staffCode",
						"", "unitCode", "", "email", "not-an-address", "_csrf",
						admin.csrfToken("/admin/accounts/k7-invalid")));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("<title>Error: ")
			.contains("Enter the person&#39;s name")
			.contains("Enter the unit of a manager")
			.contains("Enter an email address in the correct format");
		assertThat(history("k7-invalid")).isEmpty();
	}

	@Test
	void aDisabledAccountCannotSignInWithTheFormOrHttpBasicAndItsSessionEnds() throws Exception {
		this.accounts.createOrReset("k7-disabled", "K7 Disabled", Role.QUALITY_TEAM, null, null, PASSWORD);
		PageSession theirs = new PageSession(this.port).signedIn("k7-disabled", PASSWORD);
		assertThat(theirs.get("/").statusCode()).isEqualTo(200);
		assertThat(basic("k7-disabled", PASSWORD)).as("signed in, nothing found").isEqualTo(404);
		PageSession admin = admin();

		HttpResponse<String> disabled = change(admin, "k7-disabled", Map.of("action", "DISABLED"));

		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(signsIn(new PageSession(this.port), "k7-disabled", PASSWORD)).isFalse();
		assertThat(basic("k7-disabled", PASSWORD)).isEqualTo(401);
		assertThat(theirs.get("/").statusCode()).as("their session ended").isEqualTo(302);
		assertThat(admin.get("/admin/accounts/k7-disabled").body()).contains(">Disabled</strong>")
			.contains("Enable account");

		assertThat(change(admin, "k7-disabled", Map.of("action", "ENABLED")).statusCode()).isEqualTo(302);
		assertThat(signsIn(new PageSession(this.port), "k7-disabled", PASSWORD)).isTrue();
		assertThat(history("k7-disabled")).containsExactly("DISABLED Status: Active -> Disabled by admin",
				"ENABLED Status: Disabled -> Active by admin");
	}

	@Test
	void unlockingClearsTheSignInThrottleOfTheAccount() {
		this.accounts.createOrReset("k7-locked", "K7 Locked", Role.QUALITY_TEAM, null, null, PASSWORD);
		for (int i = 0; i < 5; i++) {
			new PageSession(this.port).from("203.0.113.77").signIn("k7-locked", "wrong-" + i);
		}
		assertThat(signsIn(new PageSession(this.port).from("203.0.113.77"), "k7-locked", PASSWORD))
			.as("blocked from that address")
			.isFalse();
		PageSession admin = admin();
		assertThat(admin.get("/admin/accounts/k7-locked").body()).contains(">Locked</strong>")
			.contains("Sign-in blocked for a while from 1 address")
			.contains("Unlock account");

		assertThat(change(admin, "k7-locked", Map.of("action", "UNLOCKED")).statusCode()).isEqualTo(302);

		assertThat(this.jdbc.sql("select count(*) from sign_in_throttle where username = 'k7-locked'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(signsIn(new PageSession(this.port).from("203.0.113.77"), "k7-locked", PASSWORD)).isTrue();
		assertThat(history("k7-locked"))
			.containsExactly("UNLOCKED Sign-in blocks: Blocked from 1 address -> None by admin");
	}

	@Test
	void aGeneratedPasswordIsShownOnceAndReplacesTheOldOne() {
		practitioner("k7-reset");
		PageSession admin = admin();

		HttpResponse<String> reset = change(admin, "k7-reset",
				Map.of("action", "PASSWORD_RESET", "passwordChoice", "GENERATE"));

		assertThat(reset.statusCode()).isEqualTo(302);
		String page = admin.get("/admin/accounts/k7-reset").body();
		Matcher generated = Pattern.compile("id=\"generated-password\"[^>]*>([^<]+)<").matcher(page);
		assertThat(generated.find()).as(page).isTrue();
		String password = generated.group(1);
		assertThat(password).hasSize(16);
		assertThat(admin.get("/admin/accounts/k7-reset").body()).as("shown once").doesNotContain(password);
		assertThat(signsIn(new PageSession(this.port), "k7-reset", PASSWORD)).isFalse();
		PageSession owner = new PageSession(this.port);
		assertThat(signsIn(owner, "k7-reset", password)).isTrue();
		HttpResponse<String> home = owner.get("/");
		assertThat(home.statusCode()).as("a temporary password is changed first").isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
		assertThat(owner.get("/account/password").body()).contains("An administrator reset your password");
		String csrf = owner.csrfToken("/account/password");
		assertThat(owner.postForm("/account/password", Map.of("password", password, "confirm", password, "_csrf", csrf))
			.body()).contains("Choose a new password, not the one you have now");
		assertThat(owner
			.postForm("/account/password",
					Map.of("password", "k7-my-own-password", "confirm", "k7-my-own-passwrod", "_csrf", csrf))
			.body()).contains("The two passwords are not the same");
		assertThat(owner
			.postForm("/account/password",
					Map.of("password", "k7-my-own-password", "confirm", "k7-my-own-password", "_csrf", csrf))
			.statusCode()).isEqualTo(302);
		assertThat(owner.get("/").statusCode()).isEqualTo(200);
		assertThat(signsIn(new PageSession(this.port), "k7-reset", "k7-my-own-password")).isTrue();
		assertThat(signsIn(new PageSession(this.port), "k7-reset", password)).isFalse();
		assertThat(history("k7-reset")).singleElement()
			.isEqualTo("PASSWORD_RESET Password: Unchanged -> A generated temporary password, shown once by admin");
	}

	@Test
	void anAdministratorMaySetATemporaryPasswordThatMeetsThePasswordRules() {
		practitioner("k7-set");
		PageSession admin = admin();
		HttpResponse<String> tooShort = admin.postForm("/admin/accounts/k7-set/check",
				Map.of("action", "PASSWORD_RESET", "version", "1", "passwordChoice", "SET", "password", "short",
						"_csrf", admin.csrfToken("/admin/accounts/k7-set")));
		assertThat(tooShort.body()).contains("Password must be at least 12 characters");

		assertThat(change(admin, "k7-set",
				Map.of("action", "PASSWORD_RESET", "passwordChoice", "SET", "password", "k7-temporary-password"))
			.statusCode()).isEqualTo(302);
		assertThat(signsIn(new PageSession(this.port), "k7-set", "k7-temporary-password")).isTrue();
	}

	@Test
	void aChangeToAnAccountThatChangedSinceTheFormWasOpenedIsRefusedWithAConflict() {
		practitioner("k7-stale");
		PageSession first = admin();
		PageSession second = admin();
		String path = "/admin/accounts/k7-stale";
		int opened = version(first.get(path + "/edit").body());
		Map<String, String> mine = new HashMap<>(Map.of("action", "DETAILS", "version", String.valueOf(opened),
				"displayName", "Mine", "role", "PRACTITIONER", "staffCode", "K7A0001", "unitCode", "", "email", ""));
		mine.put("_csrf", first.csrfToken(path));
		assertThat(first.postForm(path + "/check", mine).statusCode()).isEqualTo(200);

		assertThat(change(second, "k7-stale", Map.of("action", "DISABLED")).statusCode()).isEqualTo(302);
		HttpResponse<String> refused = first.postForm(path + "/confirm", mine);

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("This account was changed by admin at").contains("Nothing was saved");
		assertThat(this.accounts.find("k7-stale").orElseThrow().displayName()).isEqualTo("Pat Practitioner");
		assertThat(first.postForm(path + "/check", mine).statusCode()).as("and at the check page").isEqualTo(409);
	}

	@Test
	void theLastActiveAdministratorCannotBeDisabledOrLoseTheRole() {
		List<String> otherAdministrators = this.jdbc
			.sql("select username from account where role = 'ADMIN' and enabled and username <> 'admin'")
			.query(String.class)
			.list();
		this.jdbc.sql("update account set enabled = false where username = any (cast(:others as text[]))")
			.param("others", otherAdministrators.toArray(String[]::new))
			.update();
		try {
			PageSession admin = admin();
			String path = "/admin/accounts/admin";
			int version = version(admin.get(path).body());
			HttpResponse<String> disable = admin.postForm(path + "/check",
					Map.of("action", "DISABLED", "version", String.valueOf(version), "_csrf", admin.csrfToken(path)));
			assertThat(disable.statusCode()).isEqualTo(422);
			assertThat(disable.body()).contains("it is the last active administrator account");
			HttpResponse<String> demote = admin.postForm(path + "/confirm",
					Map.of("action", "DETAILS", "version", String.valueOf(version), "displayName", "Administrator",
							"role", "QUALITY_TEAM", "staffCode", "", "unitCode", "", "email", "", "_csrf",
							admin.csrfToken(path)));
			assertThat(demote.statusCode()).isEqualTo(422);
			assertThat(demote.body()).contains("You cannot take the administrator role from admin");
			Accounts.Account still = this.accounts.find("admin").orElseThrow();
			assertThat(still.enabled()).isTrue();
			assertThat(still.role()).isEqualTo(Role.ADMIN);
		}
		finally {
			this.jdbc.sql("update account set enabled = true where username = any (cast(:others as text[]))")
				.param("others", otherAdministrators.toArray(String[]::new))
				.update();
		}
	}

	@Test
	void theListNamesRolesInWordsWithStatusAndLastSignInSortedAndPaginated() {
		this.accounts.createOrReset("k7-signed-in", "K7 Signed In", Role.QUALITY_TEAM, null, null, PASSWORD);
		new PageSession(this.port).signedIn("k7-signed-in", PASSWORD);
		PageSession admin = admin();

		String first = admin.get("/admin/accounts").body();
		assertThat(first).contains(
				"aria-sort=\"ascending\"><a class=\"govuk-link\" href=\"/admin/accounts?sort=name&amp;order=desc\">Name</a>")
			.contains("govuk-pagination")
			.contains(">Practitioner<")
			.doesNotContain(">PRACTITIONER<");
		String byUsername = admin.get("/admin/accounts?sort=username&order=desc").body();
		String last = this.jdbc.sql("select max(username) from account").query(String.class).single();
		assertThat(byUsername).contains("aria-sort=\"descending\"")
			.containsPattern(
					"<tbody class=\"govuk-table__body\">\\s*<tr class=\"govuk-table__row\">\\s*<td[^>]*><a[^>]*>[^<]*</a></td>\\s*<td class=\"govuk-table__cell\">"
							+ Pattern.quote(last) + "</td>");
		String page2 = admin.get("/admin/accounts?sort=username&order=asc&page=2").body();
		assertThat(page2).contains("aria-current=\"page\"").contains(">2<");
		String signedIn = admin.get("/admin/accounts/k7-signed-in").body();
		assertThat(signedIn).doesNotContain("id=\"last-sign-in\">Never").contains("id=\"last-sign-in\">");
		assertThat(admin.get("/admin/accounts/k7-many-01").body()).contains("id=\"last-sign-in\">Never<");
		assertThat(admin.get("/admin/accounts/k7-no-such-account").statusCode()).isEqualTo(404);
	}

	@Test
	void everyAdministrationPageAndChangeIsRefusedToTheQualityTeam() {
		practitioner("k7-target");
		PageSession quality = new PageSession(this.port).signedIn("k7-quality", PASSWORD);
		String csrf = quality.csrfToken("/");
		for (String path : List.of("/admin/accounts", "/admin/accounts/k7-target", "/admin/accounts/k7-target/edit",
				"/admin/accounts/k7-target/password")) {
			assertThat(quality.get(path).statusCode()).as(path).isEqualTo(403);
		}
		for (String action : List.of("DETAILS", "DISABLED", "ENABLED", "UNLOCKED", "PASSWORD_RESET")) {
			for (String step : List.of("check", "confirm")) {
				HttpResponse<String> refused = quality.postForm("/admin/accounts/k7-target/" + step,
						Map.of("action", action, "version", "1", "displayName", "Taken over", "role", "ADMIN",
								"passwordChoice", "GENERATE", "_csrf", csrf));
				assertThat(refused.statusCode()).as(action + " " + step).isEqualTo(403);
			}
		}
		assertThat(quality.postForm("/admin/accounts", Map.of("username", "k7-sneaky", "_csrf", csrf)).statusCode())
			.isEqualTo(403);
		assertThat(history("k7-target")).isEmpty();
		assertThat(this.accounts.find("k7-target").orElseThrow().role()).isEqualTo(Role.PRACTITIONER);
	}

}
