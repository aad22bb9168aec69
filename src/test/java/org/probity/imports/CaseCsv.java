package org.probity.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds CSV text of the exchange format for tests: every row starts from valid defaults,
 * and a test names only the values it cares about.
 * {@code CaseCsv.people().row("crn", "A100001").text()}.
 */
final class CaseCsv {

	private final Dataset dataset;

	private final Map<String, String> defaults;

	private final List<Map<String, String>> rows = new ArrayList<>();

	private List<String> columns;

	private CaseCsv(Dataset dataset, Map<String, String> defaults) {
		this.dataset = dataset;
		this.defaults = defaults;
		this.columns = List.copyOf(defaults.keySet());
	}

	static CaseCsv of(Dataset dataset) {
		return new CaseCsv(dataset, defaults(dataset));
	}

	static CaseCsv units() {
		return of(Dataset.UNITS);
	}

	static CaseCsv staff() {
		return of(Dataset.STAFF);
	}

	static CaseCsv people() {
		return of(Dataset.PEOPLE);
	}

	static CaseCsv events() {
		return of(Dataset.EVENTS);
	}

	static CaseCsv requirements() {
		return of(Dataset.REQUIREMENTS);
	}

	static CaseCsv contacts() {
		return of(Dataset.CONTACTS);
	}

	static CaseCsv plans() {
		return of(Dataset.PLANS);
	}

	static CaseCsv referrals() {
		return of(Dataset.REFERRALS);
	}

	static CaseCsv accommodation() {
		return of(Dataset.ACCOMMODATION);
	}

	Dataset dataset() {
		return this.dataset;
	}

	/** A row of the defaults with these column, value pairs changed. */
	CaseCsv row(String... columnValuePairs) {
		Map<String, String> row = new LinkedHashMap<>(this.defaults);
		for (int i = 0; i < columnValuePairs.length; i += 2) {
			row.put(columnValuePairs[i], columnValuePairs[i + 1]);
		}
		this.rows.add(row);
		return this;
	}

	/** Writes the columns in this order (or leaves some out, or adds unknown ones). */
	CaseCsv columns(String... columns) {
		this.columns = List.of(columns);
		return this;
	}

	CaseCsv without(String column) {
		this.columns = this.columns.stream().filter((c) -> !c.equals(column)).toList();
		return this;
	}

	String text() {
		StringBuilder csv = new StringBuilder(String.join(",", this.columns)).append('\n');
		for (Map<String, String> row : this.rows) {
			csv.append(
					this.columns.stream().map((c) -> quote(row.getOrDefault(c, ""))).collect(Collectors.joining(",")))
				.append('\n');
		}
		return csv.toString();
	}

	private static String quote(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	private static Map<String, String> defaults(Dataset dataset) {
		Map<String, String> d = new LinkedHashMap<>();
		switch (dataset) {
			case UNITS -> {
				d.put("unit_code", "T00");
				d.put("unit_name", "Test provider");
				d.put("unit_type", "PROVIDER");
				d.put("parent_code", "");
			}
			case STAFF -> {
				d.put("staff_code", "T00S001");
				d.put("forename", "Sam");
				d.put("surname", "Officer");
				d.put("grade", "PO");
				d.put("team_code", "T00T1");
				d.put("start_date", "2020-01-06");
				d.put("end_date", "");
			}
			case PEOPLE -> {
				d.put("crn", "T000001");
				d.put("forename", "Alex");
				d.put("surname", "Example");
				d.put("date_of_birth", "1990-05-17");
				d.put("sex", "MALE");
				d.put("gender_identity_same_as_birth", "Y");
				d.put("ethnicity", "WHITE");
				d.put("religion", "NONE");
				d.put("sexual_orientation", "HETEROSEXUAL");
				d.put("disability", "N");
				d.put("marital_status", "SINGLE");
				d.put("restricted", "N");
			}
			case EVENTS -> {
				d.put("event_id", "T00E1");
				d.put("crn", "T000001");
				d.put("event_type", "COMMUNITY_ORDER");
				d.put("sentence_date", "2024-01-08");
				d.put("allocation_date", "2024-01-09");
				d.put("release_date", "");
				d.put("expected_end_date", "2025-01-07");
				d.put("termination_date", "");
				d.put("termination_reason", "");
				d.put("staff_code", "T00S001");
				d.put("team_code", "T00T1");
			}
			case REQUIREMENTS -> {
				d.put("requirement_id", "T00R1");
				d.put("event_id", "T00E1");
				d.put("requirement_type", "UNPAID_WORK");
				d.put("length", "100");
				d.put("start_date", "2024-01-15");
				d.put("termination_date", "");
				d.put("termination_reason", "");
			}
			case CONTACTS -> {
				d.put("contact_id", "T00C1");
				d.put("crn", "T000001");
				d.put("event_id", "T00E1");
				d.put("requirement_id", "");
				d.put("staff_code", "T00S001");
				d.put("contact_type", "INITIAL_APPOINTMENT");
				d.put("face_to_face", "Y");
				d.put("national_standard", "Y");
				d.put("arranged_on", "2024-01-09");
				d.put("contact_at", "2024-01-12T10:30");
				d.put("outcome", "ATTENDED_COMPLIED");
			}
			case PLANS -> {
				d.put("plan_id", "T00P1");
				d.put("event_id", "T00E1");
				d.put("plan_type", "SENTENCE_PLAN");
				d.put("completed_date", "2024-02-01");
				d.put("agreed_with_person", "Y");
			}
			case REFERRALS -> {
				d.put("referral_id", "T00B1");
				d.put("event_id", "T00E1");
				d.put("referral_type", "BREACH");
				d.put("aware_date", "2024-03-01");
				d.put("referred_date", "2024-03-08");
				d.put("usable_without_more_information", "Y");
				d.put("outcome", "PENDING");
			}
			case ACCOMMODATION -> {
				d.put("event_id", "T00E2");
				d.put("status", "SETTLED");
			}
		}
		return d;
	}

}
