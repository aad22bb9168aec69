package org.probity.people;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An estate and accounts of its own for each people test class (all integration tests
 * share one database): provider {p}P, region {p}R, LDUs {p}L1 (teams {p}T1 and {p}T2) and
 * {p}L2 (team {p}T3); staff {p}A001 (PO) and {p}A002 (PSO) in T1 with their SPO {p}A009,
 * {p}A003 in T2, {p}A004 in T3; accounts named after their part: practitioner (A001),
 * colleague (A002), manager (line manager of T1, A009), other-manager (T2), senior (L1),
 * other-senior (L2), quality, admin, api.
 */
final class PeopleTestData {

	static final String PASSWORD = "people-test-password-2026";

	final String p;

	final CaseData cases;

	private final Accounts accounts;

	PeopleTestData(JdbcClient jdbc, Accounts accounts, String prefix) {
		this.p = prefix;
		this.cases = new CaseData(jdbc);
		this.accounts = accounts;
	}

	String staff(int n) {
		return this.p + String.format("A%03d", n);
	}

	String team(int n) {
		return this.p + "T" + n;
	}

	String ldu(int n) {
		return this.p + "L" + n;
	}

	String provider() {
		return this.p + "P";
	}

	String user(String part) {
		return this.p.toLowerCase(java.util.Locale.UK) + "-" + part;
	}

	PeopleTestData estate() {
		this.cases.aProvider(provider()).named(this.p + " Provider").insert();
		this.cases.aRegion(this.p + "R").named(this.p + " Region").under(provider()).insert();
		this.cases.anLdu(ldu(1)).named(this.p + " North LDU").under(this.p + "R").insert();
		this.cases.anLdu(ldu(2)).named(this.p + " South LDU").under(this.p + "R").insert();
		this.cases.aTeam(team(1)).named(this.p + " Team One").under(ldu(1)).insert();
		this.cases.aTeam(team(2)).named(this.p + " Team Two").under(ldu(1)).insert();
		this.cases.aTeam(team(3)).named(this.p + " Team Three").under(ldu(2)).insert();
		this.cases.aStaffMember(staff(1)).named("Pat", "Practitioner").inTeam(team(1)).insert();
		this.cases.aStaffMember(staff(2)).named("Cal", "Colleague").graded("PSO").inTeam(team(1)).insert();
		this.cases.aStaffMember(staff(9)).named("Max", "Manager").graded("SPO").inTeam(team(1)).insert();
		this.cases.aStaffMember(staff(3)).named("Tess", "Twoteam").inTeam(team(2)).insert();
		this.cases.aStaffMember(staff(4)).named("Sam", "Southteam").inTeam(team(3)).insert();
		this.accounts.createOrReset(user("practitioner"), "Pat Practitioner", Role.PRACTITIONER,
				new StaffCode(staff(1)), new UnitCode(team(1)), PASSWORD);
		this.accounts.createOrReset(user("colleague"), "Cal Colleague", Role.PRACTITIONER, new StaffCode(staff(2)),
				new UnitCode(team(1)), PASSWORD);
		this.accounts.createOrReset(user("manager"), "Max Manager", Role.LINE_MANAGER, new StaffCode(staff(9)),
				new UnitCode(team(1)), PASSWORD);
		this.accounts.createOrReset(user("other-manager"), "Other Manager", Role.LINE_MANAGER, null,
				new UnitCode(team(2)), PASSWORD);
		this.accounts.createOrReset(user("senior"), "Senior North", Role.SENIOR_MANAGER, null, new UnitCode(ldu(1)),
				PASSWORD);
		this.accounts.createOrReset(user("other-senior"), "Senior South", Role.SENIOR_MANAGER, null,
				new UnitCode(ldu(2)), PASSWORD);
		this.accounts.createOrReset(user("quality"), "Quality Team", Role.QUALITY_TEAM, null, null, PASSWORD);
		this.accounts.createOrReset(user("admin"), "Administrator", Role.ADMIN, null, null, PASSWORD);
		this.accounts.createOrReset(user("api"), "HR system", Role.API_CLIENT, null, null, PASSWORD);
		return this;
	}

	/** A GET with HTTP Basic, as an API client calls. */
	static HttpResponse<String> api(int port, String username, String path) {
		String auth = Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", "Basic " + auth)
					.header("Accept", "application/json")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
