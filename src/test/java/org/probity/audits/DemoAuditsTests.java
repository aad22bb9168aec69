package org.probity.audits;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.demo.DemoAudits;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoAuditsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	DemoAudits demo;

	@Autowired
	AuditRatings ratings;

	@Autowired
	Inspections inspections;

	@Autowired
	Clock clock;

	@Test
	void loadsACompletedLocalQualityInspectionWithRealisticRatingsAndOpenRounds() {
		CaseData.TwoTeams data = new CaseData(this.jdbc).aProviderWithTwoTeams("ADM", 'R', 600);
		data.people(240);
		for (int i = 0; i < 60; i++) {
			data.aLicenceHeldBy((i % 4) + 1);
		}
		this.accounts.createOrReset("adm-quality", "adm-quality", Role.QUALITY_TEAM, null, null,
				"a-password-for-tests");
		this.accounts.createOrReset("adm-qdo", "adm-qdo", Role.QUALITY_TEAM, null, null, "a-password-for-tests");
		long lqi = this.demo.load(data.provider(), List.of("adm-quality", "adm-qdo"));
		assertThat(lqi).isPositive();
		assertThat(this.demo.load(data.provider(), List.of("adm-quality"))).isEqualTo(-1);

		AuditRatings.Result result = this.ratings.rate(AuditRatings.Scope.programme(lqi));
		assertThat(result.auditsCompleted()).isEqualTo(120);
		assertThat(result.standards()).extracting(AuditRatings.StandardResult::code)
			.containsExactly("2.1", "2.2", "2.3", "2.4");
		for (AuditRatings.StandardResult s : result.standards()) {
			assertThat(s.keyQuestions()).as("standard %s", s.code()).isNotEmpty();
			for (AuditRatings.KeyQuestionResult q : s.keyQuestions()) {
				assertThat(q.yes() + q.no() + q.notApplicable()).as("answers to %s", q.code())
					.isPositive()
					.isLessThanOrEqualTo(result.auditsCompleted());
				if (q.yes() + q.no() > 0) {
					assertThat(q.percent().doubleValue()).as("%s", q.code())
						.isCloseTo(100.0 * q.yes() / (q.yes() + q.no()), org.assertj.core.data.Offset.offset(0.5));
				}
			}
		}
		assertThat(result.standards().stream().map(AuditRatings.StandardResult::rating).distinct().count())
			.as("a realistic spread of ratings, not one rating everywhere")
			.isGreaterThan(1);
		long inspection = this.jdbc.sql("select inspection_id from audit_inspection where unit_code = :u")
			.param("u", data.provider())
			.query(Long.class)
			.single();
		Inspections.Inspection exercise = this.inspections.find(inspection).orElseThrow();
		// a complete set of ten standards, scored 0-3 points each and banded as HMIP 2018
		// does
		assertThat(exercise.standards()).hasSize(10).allSatisfy((s) -> assertThat(s.rating()).isNotNull());
		int points = exercise.standards().stream().mapToInt((s) -> s.rating().points()).sum();
		assertThat(exercise.score()).isEqualTo(points);
		assertThat(exercise.overall()).isEqualTo((points <= 5) ? Rating.INADEQUATE
				: (points <= 15) ? Rating.REQUIRES_IMPROVEMENT : (points <= 25) ? Rating.GOOD : Rating.OUTSTANDING);
		assertThat(this.jdbc
			.sql("select count(*) from case_audit where auditor in ('adm-quality', 'adm-qdo') and status = 'PLANNED'")
			.query(Integer.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("select count(*) from audit_alert where team_code like 'ADM%'")
			.query(Integer.class)
			.single()).isPositive();

		// the remote checks began two months ago: that round is done, last month's has
		// audits done in it, this month's is under way, and none is done after now
		YearMonth month = YearMonth.now(this.clock);
		Map<String, Map<String, Long>> remote = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select r.period_code, a.status, a.completed_at from case_audit a join audit_round r using (round_id)
				join audit_programme p on p.programme_id = a.programme_id
				where p.name = 'Monthly remote checks (demo)' and a.team_code like 'ADM%'
				""").query((rs, n) -> {
			remote.computeIfAbsent(rs.getString(1), (k) -> new java.util.TreeMap<>())
				.merge(rs.getString(2), 1L, Long::sum);
			java.sql.Timestamp at = rs.getTimestamp(3);
			assertThat((at == null) ? Instant.MIN : at.toInstant()).isBeforeOrEqualTo(this.clock.instant());
			return null;
		}).list();
		assertThat(remote).containsOnlyKeys(month.minusMonths(2).toString(), month.minusMonths(1).toString(),
				month.toString());
		assertThat(remote.get(month.minusMonths(2).toString())).containsOnlyKeys("COMPLETED");
		assertThat(remote.get(month.minusMonths(1).toString())).containsKey("COMPLETED");
	}

}
