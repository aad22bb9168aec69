package org.probity.audits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.probity.accounts.Accounts;
import org.probity.accounts.Role;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Case data for audit tests, inserted straight into the case tables. Every code starts
 * with the test class's own prefix so that tests sharing the database never meet: unit
 * codes {@code <prefix>P} (provider), {@code <prefix>T1}, {@code <prefix>T2} (teams);
 * staff {@code <prefix>S01..}; CRNs built from a per-class letter and number block.
 */
final class AuditTestData {

	final String prefix;

	final char crnLetter;

	final int crnBlock;

	private final JdbcClient jdbc;

	private int nextPerson;

	AuditTestData(JdbcClient jdbc, String prefix, char crnLetter, int crnBlock) {
		this.jdbc = jdbc;
		this.prefix = prefix;
		this.crnLetter = crnLetter;
		this.crnBlock = crnBlock;
	}

	String provider() {
		return this.prefix + "P";
	}

	String team(int n) {
		return this.prefix + "T" + n;
	}

	String staff(int n) {
		return (this.prefix + "S" + String.format("%02d", n) + "XXXXXXX").substring(0, 7);
	}

	/** A provider with two teams and two staff in each. */
	AuditTestData estate() {
		this.jdbc.sql("insert into unit values (:code, :name, 'PROVIDER', null)")
			.param("code", provider())
			.param("name", "Provider " + this.prefix)
			.update();
		for (int t = 1; t <= 2; t++) {
			this.jdbc.sql("insert into unit values (:code, :name, 'TEAM', :parent)")
				.param("code", team(t))
				.param("name", "Team " + t + " " + this.prefix)
				.param("parent", provider())
				.update();
			for (int s = 1; s <= 2; s++) {
				int n = (t - 1) * 2 + s;
				this.jdbc.sql(
						"insert into staff values (:code, :forename, :surname, :grade, :team, date '2020-01-01', null)")
					.param("code", staff(n))
					.param("forename", "Alex" + n)
					.param("surname", "Officer" + this.prefix)
					.param("grade", (s == 1) ? "PO" : "SPO")
					.param("team", team(t))
					.update();
			}
		}
		return this;
	}

	/** A person with one community order, held by staff n in its team. */
	String person(int staff, boolean restricted) {
		String crn = this.crnLetter + String.format("%06d", this.crnBlock + (++this.nextPerson));
		this.jdbc.sql("""
				insert into person values (:crn, 'Sam', 'Person', date '1990-01-01', 'MALE', true, 'WHITE', 'NONE',
				    'HETEROSEXUAL', false, 'SINGLE', :restricted)
				""").param("crn", crn).param("restricted", restricted).update();
		int team = (staff <= 2) ? 1 : 2;
		this.jdbc.sql("""
				insert into event (event_id, crn, event_type, sentence_date, allocation_date, expected_end_date,
				    staff_code, team_code)
				values (:id, :crn, 'COMMUNITY_ORDER', :sentenced, :sentenced, :end, :staff, :team)
				""")
			.param("id", "E" + crn)
			.param("crn", crn)
			.param("sentenced", LocalDate.of(2023, 1, 10))
			.param("end", LocalDate.of(2027, 1, 10))
			.param("staff", staff(staff))
			.param("team", team(team))
			.update();
		return crn;
	}

	/** A person released on licence, held by staff n. */
	String licence(int staff) {
		String crn = this.crnLetter + String.format("%06d", this.crnBlock + (++this.nextPerson));
		this.jdbc.sql("""
				insert into person values (:crn, 'Jo', 'Person', date '1985-05-05', 'FEMALE', true, 'MIXED', 'NONE',
				    'HETEROSEXUAL', false, 'SINGLE', false)
				""").param("crn", crn).update();
		this.jdbc
			.sql("""
					insert into event (event_id, crn, event_type, sentence_date, allocation_date, release_date,
					    expected_end_date, staff_code, team_code)
					values (:id, :crn, 'LICENCE', date '2022-01-10', date '2022-01-12', date '2023-06-01', date '2028-01-10',
					    :staff, :team)
					""")
			.param("id", "E" + crn)
			.param("crn", crn)
			.param("staff", staff(staff))
			.param("team", team((staff <= 2) ? 1 : 2))
			.update();
		return crn;
	}

	/**
	 * Another event of the person {@code crn}, of this type, held by staff n; its id is
	 * returned. A custodial sentence has no release yet; a licence was released.
	 */
	String event(String crn, String eventType, int staff) {
		String id = "E" + crn + "-" + eventType.charAt(0) + (++this.nextPerson);
		this.jdbc.sql("""
				insert into event (event_id, crn, event_type, sentence_date, allocation_date, release_date,
				    expected_end_date, staff_code, team_code)
				values (:id, :crn, :type, date '2024-03-04', date '2024-03-05',
				    case when :type in ('LICENCE', 'POST_SENTENCE_SUPERVISION') then date '2025-01-06' end,
				    date '2029-03-04', :staff, :team)
				""")
			.param("id", id)
			.param("crn", crn)
			.param("type", eventType)
			.param("staff", staff(staff))
			.param("team", team((staff <= 2) ? 1 : 2))
			.update();
		return id;
	}

	List<String> people(int count) {
		List<String> crns = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			crns.add(person((i % 4) + 1, false));
		}
		return crns;
	}

	void account(Accounts accounts, String username, Role role, String staffCode, String unitCode) {
		accounts.createOrReset(username, username, role, staffCode, unitCode, "a-password-for-tests");
	}

}
