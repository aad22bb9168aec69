package org.probity.measures;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.web.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The confirmation of a target change validates again what the check step validated (its
 * values come back from hidden fields), and of two administrators changing one measure's
 * targets from the same form the second is refused with a conflict, not put behind the
 * first.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetChangeTests {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void administrators(@Autowired Accounts accounts) {
		accounts.createOrReset("tct-admin-a", "Admin A", Role.ADMIN, null, null, "tct-password-a");
		accounts.createOrReset("tct-admin-b", "Admin B", Role.ADMIN, null, null, "tct-password-b");
	}

	private int changes(String code) {
		return this.jdbc.sql("select count(*) from measure_target where code = :code")
			.param("code", code)
			.query(Integer.class)
			.single();
	}

	@Test
	void theConfirmationRefusesValuesTheFormWouldHaveRefused() {
		PageSession admin = new PageSession(this.port).signedIn("tct-admin-a", "tct-password-a");
		int before = changes("SL010");
		for (Map<String, String> bad : java.util.List.of(Map.of("from", "2097-01-01", "target", "NaN"),
				Map.of("from", "2097-01-01", "target", "-50"), Map.of("from", "2097-01-01", "target", "1000"),
				Map.of("from", "2097-01-01", "target", "40", "trigger", "50"),
				Map.of("from", "+999999999-12-31", "target", "40"), Map.of("from", "2097-01-01", "trigger", "40"))) {
			HttpResponse<String> response = confirm(admin, "SL010", bad);
			assertThat(response.statusCode()).as(bad.toString()).isEqualTo(400);
			assertThat(response.body()).as(bad.toString())
				.contains("<title>Error: Change target", "There is a problem");
		}
		assertThat(changes("SL010")).isEqualTo(before);
		assertThat(confirm(admin, "SL010", Map.of("from", "2097-01-01", "target", "NaN")).body())
			.contains("Target must be a percentage from 0 to 100");
		assertThat(confirm(admin, "SL010", Map.of("from", "2097-01-01", "target", "40", "trigger", "50")).body())
			.contains("Trigger must not be above the target");
	}

	@Test
	void theTargetsPageSaysFromWhenAndShowsTheHistoryOfChanges() {
		PageSession admin = new PageSession(this.port).signedIn("tct-admin-a", "tct-password-a");
		String before = admin.get("/measures/targets").body();
		assertThat(before).doesNotContain("1 January 2000", "None")
			.contains("From the start", "No target: monitored only", "History of changes", "Initial contract values");

		HttpResponse<String> done = confirm(admin, "SL016",
				Map.of("from", "2095-03-01", "target", "85", "trigger", "75"));
		assertThat(done.statusCode()).isEqualTo(302);

		String history = admin.get("/measures/targets").body();
		assertThat(history).contains("From 1 March 2095");
		int row = history.indexOf("From 1 March 2095");
		assertThat(history.substring(row, history.indexOf("</tr>", row))).contains("85%", "75%", "tct-admin-a");
		assertThat(admin.get("/measures/SL016/target").body()).contains("From 1 March 2095", "From the start");
	}

	@Test
	void theFormStepRefusesNotANumber() {
		PageSession admin = new PageSession(this.port).signedIn("tct-admin-a", "tct-password-a");
		HttpResponse<String> check = post(admin, "/measures/SL010/target", "/measures/SL010/target",
				Map.of("day", "1", "month", "1", "year", "2097", "target", "NaN", "trigger", ""));
		assertThat(check.body()).contains("Target must be a percentage from 0 to 100")
			.doesNotContain("Check your answers");
	}

	@Test
	void ofTwoAdministratorsChangingFromTheSameFormTheSecondIsRefused() {
		PageSession a = new PageSession(this.port).signedIn("tct-admin-a", "tct-password-a");
		PageSession b = new PageSession(this.port).signedIn("tct-admin-b", "tct-password-b");
		String formA = a.get("/measures/SL013/target").body();
		String formB = b.get("/measures/SL013/target").body();
		HttpResponse<String> checkA = post(a, formA, "/measures/SL013/target", Map.of("day", "1", "month", "2", "year",
				"2096", "target", "80", "trigger", "70", "version", version(formA)));
		HttpResponse<String> checkB = post(b, formB, "/measures/SL013/target", Map.of("day", "1", "month", "2", "year",
				"2096", "target", "60", "trigger", "50", "version", version(formB)));
		int before = changes("SL013");

		HttpResponse<String> doneA = post(a, checkA.body(), "/measures/SL013/target/confirm",
				Map.of("from", "2096-02-01", "target", "80.0", "trigger", "70.0", "version", version(checkA.body())));
		HttpResponse<String> doneB = post(b, checkB.body(), "/measures/SL013/target/confirm",
				Map.of("from", "2096-02-01", "target", "60.0", "trigger", "50.0", "version", version(checkB.body())));

		assertThat(doneA.statusCode()).isEqualTo(302);
		assertThat(doneB.statusCode()).isEqualTo(409);
		assertThat(doneB.body()).contains("<title>Error: Change target",
				"Someone else changed the targets of SL013 since you opened the form", "value=\"60.0\"",
				"value=\"50.0\"");
		assertThat(changes("SL013")).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("""
				select target::float8 from measure_target where code = 'SL013' order by id desc limit 1
				""").query(Double.class).single()).isEqualTo(80.0);
	}

	private HttpResponse<String> confirm(PageSession session, String code, Map<String, String> fields) {
		return post(session, session.get("/measures/" + code + "/target").body(),
				"/measures/" + code + "/target/confirm", fields);
	}

	private static HttpResponse<String> post(PageSession session, String page, String action,
			Map<String, String> fields) {
		String html = page.startsWith("/") ? session.get(page).body() : page;
		return session.post(action, PageSession.csrf(html), fields);
	}

	private static String version(String page) {
		Matcher m = VERSION.matcher(page);
		assertThat(m.find()).as("the version in the form").isTrue();
		return m.group(1);
	}

}
