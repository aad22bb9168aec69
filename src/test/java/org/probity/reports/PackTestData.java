package org.probity.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.cases.CaseDataFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small provider for pack tests, its own by a three-letter prefix: provider {p}P with
 * LDUs {p}L1 and {p}L2, teams {p}T1 (L1) and {p}T2 (L2); community orders sentenced in a
 * month of which some had their first contact the next day (initial contact met) and the
 * rest none; accounts {p}-quality, {p}-senior (provider), {p}-other-senior and
 * {p}-manager (team 1), all with password "secret-pack".
 */
public final class PackTestData {

	public static final String PASSWORD = "secret-pack";

	final String prefix;

	private final JdbcClient jdbc;

	private final CaseDataFactory data;

	private int sequence;

	private final int crnBase;

	/** CRNs are J and six digits from {@code crnBase} (a multiple of 1000 per class). */
	public PackTestData(JdbcClient jdbc, String prefix, int crnBase) {
		this.jdbc = jdbc;
		this.prefix = prefix;
		this.crnBase = crnBase;
		this.data = new CaseDataFactory(jdbc);
	}

	public String provider() {
		return this.prefix + "P";
	}

	public String ldu(int n) {
		return this.prefix + "L" + n;
	}

	public String team(int n) {
		return this.prefix + "T" + n;
	}

	public String staff(int n) {
		return this.prefix + "S00" + n;
	}

	public String user(String role) {
		return this.prefix.toLowerCase() + "-" + role;
	}

	public PackTestData estate(Accounts accounts) {
		this.data.unit(provider(), "Pack provider " + this.prefix, "PROVIDER", null)
			.unit(this.prefix + "R", "Pack region " + this.prefix, "REGION", provider())
			.unit(ldu(1), "Pack LDU one " + this.prefix, "LDU", this.prefix + "R")
			.unit(ldu(2), "Pack LDU two " + this.prefix, "LDU", this.prefix + "R")
			.unit(team(1), "Pack team one " + this.prefix, "TEAM", ldu(1))
			.unit(team(2), "Pack team two " + this.prefix, "TEAM", ldu(2))
			.staff(staff(1), "Pat", "Officer", "PO", team(1))
			.staff(staff(2), "Lee", "Officer", "PO", team(2));
		accounts.createOrReset(user("quality"), "Quality " + this.prefix, Role.QUALITY_TEAM, null, provider(),
				PASSWORD);
		accounts.createOrReset(user("senior"), "Senior " + this.prefix, Role.SENIOR_MANAGER, null, provider(),
				PASSWORD);
		accounts.createOrReset(user("other-senior"), "Other senior " + this.prefix, Role.SENIOR_MANAGER, null,
				provider(), PASSWORD);
		accounts.createOrReset(user("manager"), "Manager " + this.prefix, Role.LINE_MANAGER, null, team(1), PASSWORD);
		return this;
	}

	/**
	 * Community orders sentenced on the day in the team: {@code met} seen the next day,
	 * the rest not seen.
	 */
	public List<String[]> orders(int team, LocalDate sentenced, int met, int unmet) {
		List<String[]> unseen = new ArrayList<>();
		for (int i = 0; i < met + unmet; i++) {
			this.sequence++;
			String crn = "J" + String.format("%06d", this.crnBase + this.sequence);
			String event = this.prefix + "-E" + sentenced + "-" + team + "-" + i;
			this.data.person(crn, "Sam", "Person", LocalDate.of(1990, 1, 1), false)
				.event(event, crn, "COMMUNITY_ORDER", sentenced, staff(team), team(team));
			if (i < met) {
				seen(crn, event, team, sentenced.plusDays(1));
			}
			else {
				unseen.add(new String[] { crn, event, String.valueOf(team) });
			}
		}
		return unseen;
	}

	/** A face-to-face supervision contact attended on the day. */
	public void seen(String crn, String event, int team, LocalDate day) {
		this.data.contact(this.prefix + "-C" + (++this.sequence), crn, event, staff(team), "SUPERVISION",
				day.atTime(10, 0), "ATTENDED_COMPLIED");
	}

	JdbcClient jdbc() {
		return this.jdbc;
	}

}
