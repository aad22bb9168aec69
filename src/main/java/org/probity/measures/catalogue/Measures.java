package org.probity.measures.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of measures and their dated targets. The target of a period is the one in
 * force on the first day of the period: a change dated in the middle of a month applies
 * from the next month, and results before the change keep the old values.
 */
@Service
public class Measures {

	public record Measure(String code, String title, String description, int ordinal) {
	}

	public record TargetChange(String code, LocalDate effectiveFrom, Double target, Double trigger, String changedBy,
			Instant changedAt) {
	}

	/**
	 * Every target of every measure, newest first, to judge many periods without a query
	 * each.
	 */
	public record TargetBook(Map<String, List<Target>> byCode) {

		public Target on(String code, LocalDate day) {
			for (Target t : this.byCode.getOrDefault(code, List.of())) {
				if (!t.effectiveFrom().isAfter(day)) {
					return t;
				}
			}
			return Target.NONE;
		}

	}

	private final JdbcClient jdbc;

	Measures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Measure> all() {
		return this.jdbc.sql("select code, title, description, ordinal from measure order by ordinal")
			.query(Measure.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Measure> find(String code) {
		return this.jdbc.sql("select code, title, description, ordinal from measure where code = :code")
			.param("code", code)
			.query(Measure.class)
			.optional();
	}

	@Transactional(readOnly = true)
	public Target targetOn(String code, LocalDate day) {
		return this.jdbc.sql("""
				select effective_from, target::float8 as target, trigger::float8 as trigger from measure_target
				where code = :code and effective_from <= :day order by effective_from desc, id desc limit 1
				""").param("code", code).param("day", day).query(Target.class).optional().orElse(Target.NONE);
	}

	/** Every measure's target in force on the day, by code. */
	@Transactional(readOnly = true)
	public Map<String, Target> targetsOn(LocalDate day) {
		Map<String, Target> targets = new LinkedHashMap<>();
		this.jdbc.sql("""
				select distinct on (code) code, effective_from, target::float8 as target, trigger::float8 as trigger
				from measure_target where effective_from <= :day order by code, effective_from desc, id desc
				""")
			.param("day", day)
			.query((rs, i) -> targets.put(rs.getString("code"),
					new Target(rs.getObject("effective_from", LocalDate.class), (Double) rs.getObject("target"),
							(Double) rs.getObject("trigger"))))
			.list();
		return targets;
	}

	@Transactional(readOnly = true)
	public TargetBook targetBook() {
		Map<String, List<Target>> byCode = new LinkedHashMap<>();
		this.jdbc.sql("""
				select code, effective_from, target::float8 as target, trigger::float8 as trigger from measure_target
				order by code, effective_from desc, id desc
				""")
			.query((rs, i) -> byCode.computeIfAbsent(rs.getString("code"), (c) -> new java.util.ArrayList<>())
				.add(new Target(rs.getObject("effective_from", LocalDate.class), (Double) rs.getObject("target"),
						(Double) rs.getObject("trigger"))))
			.list();
		return new TargetBook(byCode);
	}

	@Transactional(readOnly = true)
	public List<TargetChange> history(String code) {
		return this.jdbc
			.sql("""
					select code, effective_from, target::float8 as target, trigger::float8 as trigger, changed_by, changed_at
					from measure_target where code = :code order by effective_from desc, id desc
					""")
			.param("code", code)
			.query(TargetChange.class)
			.list();
	}

	/** Every stored change of every measure's target, the latest first. */
	@Transactional(readOnly = true)
	public List<TargetChange> allHistory() {
		return this.jdbc
			.sql("""
					select code, effective_from, target::float8 as target, trigger::float8 as trigger, changed_by, changed_at
					from measure_target order by changed_at desc, id desc
					""")
			.query(TargetChange.class)
			.list();
	}

	/**
	 * How many times the measure's targets have been changed: the version a form carries.
	 */
	@Transactional(readOnly = true)
	public int targetVersion(String code) {
		return this.jdbc.sql("select target_version from measure where code = :code")
			.param("code", code)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * Records a contract variation: the target and trigger apply to every period that
	 * starts on or after {@code effectiveFrom}. A second change for the same date wins
	 * over the first; both stay in the audit trail. Refused when the targets changed
	 * since the person saw them at {@code seenVersion}, and when the values are not a
	 * target and trigger (each 0 to 100, a trigger only with a target, never above it).
	 * @throws TargetChanged when someone else changed the targets meanwhile
	 * @throws IllegalArgumentException when the values are not valid
	 */
	@Transactional
	public void changeTarget(String code, LocalDate effectiveFrom, Double target, Double trigger, String username,
			Instant at, int seenVersion) {
		if (effectiveFrom == null || effectiveFrom.getYear() < 1000 || effectiveFrom.getYear() > 9999) {
			throw new IllegalArgumentException("Enter a real date from which the new values apply");
		}
		if (!percentage(target) || !percentage(trigger) || (target == null && trigger != null)
				|| (trigger != null && trigger > target)) {
			throw new IllegalArgumentException(
					"A target and trigger are percentages from 0 to 100, the trigger not above the target");
		}
		int changed = this.jdbc.sql("""
				update measure set target_version = target_version + 1
				where code = :code and target_version = :version
				""").param("code", code).param("version", seenVersion).update();
		if (changed == 0) {
			throw new TargetChanged(code);
		}
		this.jdbc.sql("""
				insert into measure_target (code, effective_from, target, trigger, changed_by, changed_at)
				values (:code, :from, :target, :trigger, :by, :at)
				""")
			.param("code", code)
			.param("from", effectiveFrom)
			.param("target", target)
			.param("trigger", trigger)
			.param("by", username)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	private static boolean percentage(Double value) {
		return value == null || (!value.isNaN() && value >= 0 && value <= 100);
	}

	/** Someone else changed the measure's targets since the form was opened. */
	public static class TargetChanged extends RuntimeException {

		TargetChanged(String code) {
			super("Someone else changed the targets of " + code
					+ " since you opened the form. Check the changes so far and enter yours again.");
		}

	}

}
