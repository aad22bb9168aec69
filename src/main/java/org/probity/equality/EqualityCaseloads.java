package org.probity.equality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.probity.equality.EqualityTables.Count;

/**
 * The case-mix profile of a unit's caseload (the first part of a strategic needs
 * assessment): people with an event active on a day (allocated on or before it, not
 * terminated on or before it), by every characteristic, beside the same for the provider.
 * Age on that day. Counts of 1 to 4 people are suppressed as the measures' groups are,
 * with the next smallest when only one is.
 */
@Service
class EqualityCaseloads {

	record Row(String group, String label, String unit, String unitShare, String provider, String providerShare) {
	}

	record Profile(Characteristic characteristic, List<Row> rows, long unitPeople, long providerPeople) {
	}

	private final JdbcClient jdbc;

	EqualityCaseloads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<Profile> profile(String unit, LocalDate day) {
		String provider = this.jdbc.sql("""
				select ancestor_code from estate_unit_ancestry where unit_code = :unit order by depth desc limit 1
				""").param("unit", unit).query(String.class).single();
		Map<Characteristic, Map<String, long[]>> counts = new EnumMap<>(Characteristic.class);
		this.jdbc.sql("""
				with active as (
				    select e.crn, bool_or(e.team_code = any(cast(:teams as text[]))) as in_unit
				    from equality_event e
				    where e.allocation_date <= :day and (e.termination_date is null or e.termination_date > :day)
				      and e.team_code = any(cast(:providerTeams as text[]))
				    group by e.crn
				)
				select g.characteristic, g.group_code, count(*) filter (where a.in_unit) as unit_people,
				       count(*) as provider_people
				from active a
				join equality_person p on p.crn = a.crn
				cross join lateral equality_groups(p.date_of_birth, p.sex, p.gender_identity_same_as_birth, p.ethnicity,
				    p.religion, p.sexual_orientation, p.disability, p.marital_status, :day) as g
				group by 1, 2
				""")
			.param("teams", teams(unit))
			.param("providerTeams", teams(provider))
			.param("day", day)
			.query((rs, i) -> counts.computeIfAbsent(Characteristic.valueOf(rs.getString(1)), (k) -> new HashMap<>())
				.put(rs.getString(2), new long[] { rs.getLong(3), rs.getLong(4) }))
			.list();
		List<Profile> profiles = new ArrayList<>();
		for (Characteristic c : Characteristic.values()) {
			Map<String, long[]> groups = counts.getOrDefault(c, Map.of());
			Map<String, Count> unitCounts = new HashMap<>();
			Map<String, Count> providerCounts = new HashMap<>();
			long unitTotal = 0;
			long providerTotal = 0;
			for (var e : groups.entrySet()) {
				unitCounts.put(e.getKey(), new Count(0, e.getValue()[0]));
				providerCounts.put(e.getKey(), new Count(0, e.getValue()[1]));
				unitTotal += e.getValue()[0];
				providerTotal += e.getValue()[1];
			}
			Set<String> unitHidden = EqualityTables.suppressed(c, unitCounts);
			Set<String> providerHidden = EqualityTables.suppressed(c, providerCounts);
			List<Row> rows = new ArrayList<>();
			for (String g : c.groups()) {
				long[] n = groups.getOrDefault(g, new long[2]);
				rows.add(new Row(g, Characteristic.groupLabel(g), unitHidden.contains(g) ? "fewer than 5" : "" + n[0],
						unitHidden.contains(g) ? "" : share(n[0], unitTotal),
						providerHidden.contains(g) ? "fewer than 5" : "" + n[1],
						providerHidden.contains(g) ? "" : share(n[1], providerTotal)));
			}
			profiles.add(new Profile(c, rows, unitTotal, providerTotal));
		}
		return profiles;
	}

	private static String share(long n, long total) {
		return (total == 0) ? "" : GroupView.percent(100.0 * n / total);
	}

	private String[] teams(String unit) {
		return this.jdbc.sql("select unit_code from estate_unit_ancestry where ancestor_code = :code")
			.param("code", unit)
			.query(String.class)
			.list()
			.toArray(String[]::new);
	}

}
