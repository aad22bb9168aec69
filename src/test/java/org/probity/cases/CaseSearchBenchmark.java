package org.probity.cases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case search and caseload counts on a national-sized caseload (200,000 people, 300,000
 * events, 100 teams, 2,000 staff), printing timings; it asserts nothing about time. Run
 * alone, as it fills the shared test database:
 * {@code mvn test -Dtest=CaseSearchBenchmark -Dprobity.benchmark=cases}.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "probity.benchmark", matches = "cases")
class CaseSearchBenchmark {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseSearches searches;

	@Autowired
	Accounts accounts;

	@Autowired
	org.probity.estate.CaseloadCounts counts;

	@Test
	void searchesANationalCaseload() {
		jdbc.sql("insert into unit values ('WP','WP','PROVIDER',null)").update();
		jdbc.sql("insert into unit select 'WL'||i, 'WL'||i, 'LDU', 'WP' from generate_series(1,10) i").update();
		jdbc.sql("insert into unit select 'WT'||i, 'Team '||i, 'TEAM', 'WL'||(i%10+1) from generate_series(1,100) i")
			.update();
		jdbc.sql(
				"insert into staff select 'W'||lpad(i::text,6,'0'), 'F'||i, 'S'||i, 'PO', 'WT'||(i%100+1), date '2015-01-01', null from generate_series(1,2000) i")
			.update();
		jdbc.sql(
				"insert into person select 'W'||lpad(i::text,6,'0'), 'Fore'||i, 'Sur'||md5(i::text), date '1970-01-01' + (i % 15000), 'MALE', null, 'WHITE','NONE','NOT_RECORDED',null,'SINGLE', i % 50 = 0 from generate_series(1,200000) i")
			.update();
		jdbc.sql(
				"insert into event select 'WE'||i, 'W'||lpad((i % 200000 + 1)::text,6,'0'), 'COMMUNITY_ORDER', date '2020-01-01' + (i % 1500), date '2020-01-01' + (i % 1500), null, date '2025-01-01', null, null, 'W'||lpad((i%2000+1)::text,6,'0'), 'WT'||(i%2000%100+1) from generate_series(1,300000) i")
			.update();
		jdbc.sql("analyze").update();
		accounts.createOrReset("w-q", "q", Role.QUALITY_TEAM, null, null, "w-password-long");
		accounts.createOrReset("w-lm", "q", Role.SENIOR_MANAGER, null, new UnitCode("WL3"), "w-password-long");
		accounts.createOrReset("w-po", "q", Role.PRACTITIONER, new StaffCode("W000017"), null, "w-password-long");
		for (String u : new String[] { "w-q", "w-lm", "w-po" }) {
			var user = accounts.userFor(u).orElseThrow();
			for (var sort : CaseSearches.Sort.values()) {
				long t = System.nanoTime();
				var r = searches.search(new CaseSearches.Query("", sort, false, 3), user);
				System.out.printf("PERF %s %s total=%d %d ms%n", u, sort, r.total(),
						(System.nanoTime() - t) / 1_000_000);
			}
			long t = System.nanoTime();
			var r = searches.search(new CaseSearches.Query("sur1a", CaseSearches.Sort.NAME, false, 1), user);
			System.out.printf("PERF %s name total=%d %d ms%n", u, r.total(), (System.nanoTime() - t) / 1_000_000);
			t = System.nanoTime();
			r = searches.search(new CaseSearches.Query("W001234", CaseSearches.Sort.NAME, false, 1), user);
			System.out.printf("PERF %s crn total=%d %d ms%n", u, r.total(), (System.nanoTime() - t) / 1_000_000);
		}
		long t = System.nanoTime();
		counts.byUnit();
		System.out.printf("PERF byUnit %d ms%n", (System.nanoTime() - t) / 1_000_000);
	}

}
