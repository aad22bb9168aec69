package org.probity.improvement;

import java.time.LocalDate;

import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An estate for improvement tests, inserted straight into the estate tables, with codes
 * that start with the test class's own prefix: provider {@code <prefix>P}, an LDU
 * {@code <prefix>L}, teams {@code <prefix>T1} and {@code <prefix>T2}; staff
 * {@code <prefix>S01..} (1 PO and 2 SPO in team 1, 3 PO and 4 SPO in team 2).
 */
public final class PlanTestData {

	public static final String PASSWORD = "a-password-for-tests";

	final String prefix;

	private final CaseData caseData;

	public PlanTestData(JdbcClient jdbc, String prefix) {
		this.caseData = new CaseData(jdbc);
		this.prefix = prefix;
	}

	public String provider() {
		return this.prefix + "P";
	}

	public String ldu() {
		return this.prefix + "L";
	}

	public String team(int n) {
		return this.prefix + "T" + n;
	}

	public String staff(int n) {
		return (this.prefix + "S" + String.format("%02d", n) + "XXXXXXX").substring(0, 7);
	}

	public PlanTestData estate() {
		this.caseData.aProvider(provider()).named("Provider " + this.prefix).insert();
		this.caseData.anLdu(ldu()).named("LDU " + this.prefix).under(provider()).insert();
		for (int t = 1; t <= 2; t++) {
			this.caseData.aTeam(team(t)).named("Team " + t + " " + this.prefix).under(ldu()).insert();
			for (int s = 1; s <= 2; s++) {
				int n = (t - 1) * 2 + s;
				this.caseData.aStaffMember(staff(n))
					.named("Alex" + n, "Officer" + this.prefix)
					.graded((s == 1) ? "PO" : "SPO")
					.inTeam(team(t))
					.startedOn(LocalDate.of(2020, 1, 1))
					.insert();
			}
		}
		return this;
	}

	/** Accounts {@code <prefix>-quality, -senior, -manager1, -manager2, -po1, -api}. */
	public PlanTestData accounts(Accounts accounts) {
		String p = this.prefix.toLowerCase();
		accounts.createOrReset(p + "-quality", "Quality " + this.prefix, Role.QUALITY_TEAM, null, null, PASSWORD);
		accounts.createOrReset(p + "-senior", "Senior " + this.prefix, Role.SENIOR_MANAGER, null, new UnitCode(ldu()),
				PASSWORD);
		accounts.createOrReset(p + "-manager1", "Manager 1 " + this.prefix, Role.LINE_MANAGER, new StaffCode(staff(2)),
				new UnitCode(team(1)), PASSWORD);
		accounts.createOrReset(p + "-manager2", "Manager 2 " + this.prefix, Role.LINE_MANAGER, new StaffCode(staff(4)),
				new UnitCode(team(2)), PASSWORD);
		accounts.createOrReset(p + "-po1", "Practitioner " + this.prefix, Role.PRACTITIONER, new StaffCode(staff(1)),
				null, PASSWORD);
		accounts.createOrReset(p + "-api", "API " + this.prefix, Role.API_CLIENT, null, null, PASSWORD);
		return this;
	}

	public String user(String suffix) {
		return this.prefix.toLowerCase() + "-" + suffix;
	}

}
