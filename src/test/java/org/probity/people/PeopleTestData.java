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
import org.probity.cases.CaseDataFactory;

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

	final CaseDataFactory cases;

	private final Accounts accounts;

	PeopleTestData(JdbcClient jdbc, Accounts accounts, String prefix) {
		this.p = prefix;
		this.cases = new CaseDataFactory(jdbc);
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
		this.cases.unit(provider(), this.p + " Provider", "PROVIDER", null)
			.unit(this.p + "R", this.p + " Region", "REGION", provider())
			.unit(ldu(1), this.p + " North LDU", "LDU", this.p + "R")
			.unit(ldu(2), this.p + " South LDU", "LDU", this.p + "R")
			.unit(team(1), this.p + " Team One", "TEAM", ldu(1))
			.unit(team(2), this.p + " Team Two", "TEAM", ldu(1))
			.unit(team(3), this.p + " Team Three", "TEAM", ldu(2))
			.staff(staff(1), "Pat", "Practitioner", "PO", team(1))
			.staff(staff(2), "Cal", "Colleague", "PSO", team(1))
			.staff(staff(9), "Max", "Manager", "SPO", team(1))
			.staff(staff(3), "Tess", "Twoteam", "PO", team(2))
			.staff(staff(4), "Sam", "Southteam", "PO", team(3));
		this.accounts.createOrReset(user("practitioner"), "Pat Practitioner", Role.PRACTITIONER, staff(1), team(1),
				PASSWORD);
		this.accounts.createOrReset(user("colleague"), "Cal Colleague", Role.PRACTITIONER, staff(2), team(1), PASSWORD);
		this.accounts.createOrReset(user("manager"), "Max Manager", Role.LINE_MANAGER, staff(9), team(1), PASSWORD);
		this.accounts.createOrReset(user("other-manager"), "Other Manager", Role.LINE_MANAGER, null, team(2), PASSWORD);
		this.accounts.createOrReset(user("senior"), "Senior North", Role.SENIOR_MANAGER, null, ldu(1), PASSWORD);
		this.accounts.createOrReset(user("other-senior"), "Senior South", Role.SENIOR_MANAGER, null, ldu(2), PASSWORD);
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
