package org.probity.estate;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The estate bootstrapped with only the modules it depends on (accounts, and shared, an
 * open module, which Modulith leaves out unless named): its tree and staff come from its
 * own tables. Caseload counts, implemented by the cases module, are not there and so are
 * stood in for by none.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstateModuleTests {

	@Autowired
	Estate estate;

	@Autowired
	ApplicationContext context;

	@TestConfiguration
	static class NoCases {

		@Bean
		CaseloadCounts caseloads() {
			return new CaseloadCounts() {

				@Override
				public Map<UnitCode, Caseload> byUnit() {
					return Map.of();
				}

				@Override
				public Map<StaffCode, Caseload> byStaffOfTeam(UnitCode teamCode) {
					return Map.of();
				}

			};
		}

	}

	@BeforeAll
	void estate(@Autowired JdbcClient jdbc) {
		CaseData caseData = new CaseData(jdbc);
		caseData.aProvider("EMP").named("EM provider").insert();
		caseData.anLdu("EML").named("EM LDU").under("EMP").insert();
		caseData.aTeam("EMT").named("EM team").under("EML").insert();
		caseData.aStaffMember("EMA0001").named("Pat", "Officer").inTeam("EMT").insert();
		caseData.aStaffMember("EMA0002")
			.named("Lee", "Senior")
			.graded("SPO")
			.inTeam("EMT")
			.startedOn(LocalDate.of(2016, 1, 4))
			.insert();
		caseData.aStaffMember("EMA0003")
			.named("Gone", "Manager")
			.graded("SPO")
			.inTeam("EMT")
			.startedOn(LocalDate.of(2010, 1, 4))
			.leftOn(LocalDate.of(2019, 1, 4))
			.insert();
	}

	@Test
	void startsWithoutTheModulesThatDependOnIt() {
		assertThat(this.context.getBeanNamesForType(Estate.class)).hasSize(1);
		assertThat(this.context.containsBean("caseRecords")).isFalse();
	}

	@Test
	void readsTheTreeAndTheStaffInPostFromItsOwnTables() {
		assertThat(this.estate.ancestors(new UnitCode("EMT"))).extracting(Unit::code)
			.containsExactly(new UnitCode("EMP"), new UnitCode("EML"));
		assertThat(this.estate.teamsUnder(new UnitCode("EMP"))).containsExactly(new UnitCode("EMT"));
		assertThat(this.estate.staffInPost()).containsEntry(new UnitCode("EMP"), 2L)
			.containsEntry(new UnitCode("EMT"), 2L);
		assertThat(this.estate.lineManagerOf(new StaffCode("EMA0001"))).map(Staff::code)
			.contains(new StaffCode("EMA0002"));
	}

}
