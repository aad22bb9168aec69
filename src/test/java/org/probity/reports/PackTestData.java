package org.probity.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

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

	private final CaseData data;

	private int sequence;

	private final int crnBase;

	/** CRNs are J and six digits from {@code crnBase} (a multiple of 1000 per class). */
	public PackTestData(JdbcClient jdbc, String prefix, int crnBase) {
		this.jdbc = jdbc;
		this.prefix = prefix;
		this.crnBase = crnBase;
		this.data = new CaseData(jdbc);
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
		this.data.aProvider(provider()).named("Pack provider " + this.prefix).insert();
		this.data.aRegion(this.prefix + "R").named("Pack region " + this.prefix).under(provider()).insert();
		this.data.anLdu(ldu(1)).named("Pack LDU one " + this.prefix).under(this.prefix + "R").insert();
		this.data.anLdu(ldu(2)).named("Pack LDU two " + this.prefix).under(this.prefix + "R").insert();
		this.data.aTeam(team(1)).named("Pack team one " + this.prefix).under(ldu(1)).insert();
		this.data.aTeam(team(2)).named("Pack team two " + this.prefix).under(ldu(2)).insert();
		this.data.aStaffMember(staff(1)).named("Pat", "Officer").inTeam(team(1)).insert();
		this.data.aStaffMember(staff(2)).named("Lee", "Officer").inTeam(team(2)).insert();
		accounts.createOrReset(user("quality"), "Quality " + this.prefix, Role.QUALITY_TEAM, null,
				new UnitCode(provider()), PASSWORD);
		accounts.createOrReset(user("senior"), "Senior " + this.prefix, Role.SENIOR_MANAGER, null,
				new UnitCode(provider()), PASSWORD);
		accounts.createOrReset(user("other-senior"), "Other senior " + this.prefix, Role.SENIOR_MANAGER, null,
				new UnitCode(provider()), PASSWORD);
		accounts.createOrReset(user("manager"), "Manager " + this.prefix, Role.LINE_MANAGER, null,
				new UnitCode(team(1)), PASSWORD);
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
			this.data.aPerson(crn).named("Sam", "Person").bornOn(LocalDate.of(1990, 1, 1)).insert();
			this.data.aCommunityOrder(event)
				.forPerson(crn)
				.sentencedOn(sentenced)
				.heldBy(staff(team))
				.inTeam(team(team))
				.insert();
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
		this.data.aContact(this.prefix + "-C" + (++this.sequence))
			.of(crn, event)
			.by(staff(team))
			.ofType("SUPERVISION")
			.at(day.atTime(10, 0))
			.insert();
	}

	JdbcClient jdbc() {
		return this.jdbc;
	}

}
