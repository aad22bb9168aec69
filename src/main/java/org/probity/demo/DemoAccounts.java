package org.probity.demo;

import java.util.ArrayList;
import java.util.List;

import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;

/**
 * One account per role for trying the demo provider, linked to real staff and units of
 * its estate, all with the published demo password. The line manager and practitioner
 * work in one of the weaker teams, so that their pages have something to show.
 */
@Component
class DemoAccounts {

	/** An account to create. */
	record DemoAccount(String username, String displayName, Role role, String staffCode, String unitCode) {
	}

	private final Accounts accounts;

	DemoAccounts(Accounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * Which accounts the demo estate gets; the admin one only when no admin password is
	 * set.
	 */
	static List<DemoAccount> plan(DemoProvider.Parameters parameters, boolean includeAdmin) {
		Estate estate = new Estate(parameters);
		Estate.Team team = estate.teams.stream().filter((t) -> t.weak).findFirst().orElse(estate.teams.get(0));
		Estate.Staff practitioner = team.practitioners.stream()
			.filter((s) -> "PO".equals(s.grade) && s.endDate == null && !s.problem)
			.findFirst()
			.orElse(team.practitioners.get(0));
		Estate.Staff manager = team.manager;
		List<DemoAccount> plan = new ArrayList<>();
		if (includeAdmin) {
			plan.add(new DemoAccount("admin", "Administrator", Role.ADMIN, null, null));
		}
		plan.add(new DemoAccount("quality", "Quality team (demo)", Role.QUALITY_TEAM, null, estate.provider.code()));
		plan.add(new DemoAccount("senior", "Senior manager, " + team.ldu.name() + " (demo)", Role.SENIOR_MANAGER, null,
				team.ldu.code()));
		plan.add(new DemoAccount("manager", manager.forename + " " + manager.surname + ", SPO " + team.name + " (demo)",
				Role.LINE_MANAGER, manager.code, team.code));
		plan.add(
				new DemoAccount(
						"practitioner", practitioner.forename + " " + practitioner.surname + ", " + practitioner.grade
								+ " " + team.name + " (demo)",
						Role.PRACTITIONER, practitioner.code, practitioner.team.code));
		plan.add(new DemoAccount("api", "API client (demo)", Role.API_CLIENT, null, null));
		return plan;
	}

	List<DemoAccount> create(DemoProvider.Parameters parameters, boolean includeAdmin) {
		List<DemoAccount> plan = plan(parameters, includeAdmin);
		for (DemoAccount account : plan) {
			this.accounts.createOrReset(account.username(), account.displayName(), account.role(),
					(account.staffCode() != null) ? new StaffCode(account.staffCode()) : null,
					(account.unitCode() != null) ? new UnitCode(account.unitCode()) : null, DemoSettings.PASSWORD);
		}
		return plan;
	}

	/** Whether the demo accounts were created by an earlier start. */
	boolean exist() {
		return this.accounts.find("quality").isPresent();
	}

}
