package org.probity.equality;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.probity.testing.CaseData;

/**
 * The hand-built cases of the equality tests, with codes of the test's own prefix (three
 * letters): completions of community orders (SL008) in team {prefix}T1 of practitioner
 * {prefix}0001, the first quarter of 2024. January: 12 men, all Black, 10 completed.
 * March: 12 women, White, 4 completed, and 3 people whose sex is not recorded, White, 1
 * completed. Team {prefix}T2 (same LDU {prefix}L1, practitioner {prefix}0002): 6 Asian
 * men in March, all completed. Everyone alike otherwise: 29 years old, no religion,
 * single, not disabled, sexual orientation and gender identity not recorded.
 */
final class EqualityTestData {

	private static final AtomicInteger PEOPLE = new AtomicInteger();

	private final CaseData data;

	private final String prefix;

	private final char crnLetter;

	EqualityTestData(JdbcClient jdbc, String prefix, char crnLetter) {
		this.data = new CaseData(jdbc);
		this.prefix = prefix;
		this.crnLetter = crnLetter;
	}

	String ldu() {
		return this.prefix + "L1";
	}

	String team() {
		return this.prefix + "T1";
	}

	String otherTeam() {
		return this.prefix + "T2";
	}

	String staff() {
		return this.prefix + "0001";
	}

	String otherStaff() {
		return this.prefix + "0002";
	}

	/** The estate and the first quarter of 2024 described above. */
	EqualityTestData firstQuarterOf2024() {
		this.data.aProvider(this.prefix + "P").named("Provider " + this.prefix).insert();
		this.data.aRegion(this.prefix + "R").named("Region " + this.prefix).under(this.prefix + "P").insert();
		this.data.anLdu(ldu()).named("LDU " + this.prefix).under(this.prefix + "R").insert();
		this.data.aTeam(team()).named("Team one " + this.prefix).under(ldu()).insert();
		this.data.aTeam(otherTeam()).named("Team two " + this.prefix).under(ldu()).insert();
		this.data.aStaffMember(staff()).named("Ada", "Equal").inTeam(team()).insert();
		this.data.aStaffMember(otherStaff()).named("Ben", "Equal").inTeam(otherTeam()).insert();
		for (int i = 0; i < 12; i++) {
			ended("MALE", "BLACK", LocalDate.of(2024, 1, 17), i < 10, staff(), team());
			ended("FEMALE", "WHITE", LocalDate.of(2024, 3, 12), i < 4, staff(), team());
		}
		for (int i = 0; i < 3; i++) {
			ended("NOT_RECORDED", "WHITE", LocalDate.of(2024, 3, 20), i < 1, staff(), team());
		}
		for (int i = 0; i < 6; i++) {
			ended("MALE", "ASIAN", LocalDate.of(2024, 3, 4), true, otherStaff(), otherTeam());
		}
		return this;
	}

	/** A person's community order ended on the day, completed or revoked; the CRN. */
	String ended(String sex, String ethnicity, LocalDate terminated, boolean completed, String staff, String team) {
		int n = PEOPLE.incrementAndGet();
		String crn = this.crnLetter + String.format("%06d", 900000 + n);
		this.data.aPerson(crn)
			.bornOn(LocalDate.of(1994, 6, 15))
			.withCharacteristics(sex, null, ethnicity, "NONE", "NOT_RECORDED", false, "SINGLE")
			.insert();
		this.data.aCommunityOrder(this.prefix + "-E" + n)
			.forPerson(crn)
			.sentencedOn(terminated.minusMonths(9))
			.heldBy(staff)
			.inTeam(team)
			.terminatedOn(terminated, completed ? "COMPLETED" : "REVOKED_BREACH")
			.insert();
		return crn;
	}

}
