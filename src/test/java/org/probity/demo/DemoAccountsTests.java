package org.probity.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.probity.accounts.Role;

import static org.assertj.core.api.Assertions.assertThat;

class DemoAccountsTests {

	private final DemoProvider.Parameters demo = DemoProvider.Parameters.demo(LocalDate.of(2026, 10, 31));

	private final Estate estate = new Estate(this.demo);

	@Test
	void oneAccountPerRoleLinkedToRealStaffAndUnitsOfTheDemoEstate() {
		Map<Role, DemoAccounts.DemoAccount> byRole = DemoAccounts.plan(this.demo, true)
			.stream()
			.collect(Collectors.toMap(DemoAccounts.DemoAccount::role, Function.identity()));
		// the operator roles (metrics scraper, subject access) are granted by an
		// administrator,
		// never demo accounts with a published password
		assertThat(byRole).containsOnlyKeys(java.util.Arrays.stream(Role.values())
			.filter((role) -> role != Role.METRICS && role != Role.SUBJECT_ACCESS)
			.toArray(Role[]::new));
		assertThat(byRole.get(Role.QUALITY_TEAM).username()).isEqualTo("quality");

		DemoAccounts.DemoAccount manager = byRole.get(Role.LINE_MANAGER);
		Estate.Team team = this.estate.teams.stream()
			.filter((t) -> t.code.equals(manager.unitCode()))
			.findFirst()
			.get();
		assertThat(team.manager.code).isEqualTo(manager.staffCode());
		assertThat(team.manager.grade).isEqualTo("SPO");

		DemoAccounts.DemoAccount practitioner = byRole.get(Role.PRACTITIONER);
		Estate.Staff officer = this.estate.staff.stream()
			.filter((s) -> s.code.equals(practitioner.staffCode()))
			.findFirst()
			.get();
		assertThat(officer.grade).isEqualTo("PO");
		assertThat(officer.team).isSameAs(team);
		assertThat(officer.endDate).isNull();
		assertThat(practitioner.unitCode()).isEqualTo(team.code);

		assertThat(byRole.get(Role.SENIOR_MANAGER).unitCode()).isEqualTo(team.ldu.code());
	}

	@Test
	void noDemoAdminWhenAnAdminPasswordIsSet() {
		List<DemoAccounts.DemoAccount> plan = DemoAccounts.plan(this.demo, false);
		assertThat(plan).extracting(DemoAccounts.DemoAccount::username)
			.containsExactly("quality", "senior", "manager", "practitioner", "api");
	}

}
