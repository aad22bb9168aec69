package org.probity.imports;

import java.util.List;
import java.util.Optional;

/**
 * The columns of each dataset of the case data exchange format (data-exchange.md), with
 * the key a file may hold each value of once. The SQL that types and checks a file is
 * derived from these columns; the rules across rows are in
 * {@code sql/imports/checks-*.sql}. Which table a dataset loads into is its owner's
 * business ({@link ImportMerge}).
 */
record ExchangeFormat(Dataset dataset, String key, List<Column> columns) {

	enum Kind {

		TEXT, CODE, FLAG, DATE, DATE_TIME, POSITIVE_INTEGER, CRN, STAFF_CODE, UNIT_CODE

	}

	record Column(String name, Kind kind, boolean required, List<String> codes) {

		static Column text(String name) {
			return new Column(name, Kind.TEXT, true, List.of());
		}

		static Column of(String name, Kind kind) {
			return new Column(name, kind, true, List.of());
		}

		static Column optional(String name, Kind kind) {
			return new Column(name, kind, false, List.of());
		}

		static Column code(String name, String... codes) {
			return new Column(name, Kind.CODE, true, List.of(codes));
		}

		static Column optionalCode(String name, String... codes) {
			return new Column(name, Kind.CODE, false, List.of(codes));
		}

	}

	List<String> columnNames() {
		return this.columns.stream().map(Column::name).toList();
	}

	Optional<Column> column(String name) {
		return this.columns.stream().filter((c) -> c.name().equals(name)).findFirst();
	}

	static ExchangeFormat of(Dataset dataset) {
		return switch (dataset) {
			case UNITS -> new ExchangeFormat(dataset, "unit_code",
					List.of(Column.of("unit_code", Kind.UNIT_CODE), Column.text("unit_name"),
							Column.code("unit_type", "PROVIDER", "REGION", "LDU", "TEAM"),
							Column.optional("parent_code", Kind.UNIT_CODE)));
			case STAFF -> new ExchangeFormat(dataset, "staff_code",
					List.of(Column.of("staff_code", Kind.STAFF_CODE), Column.text("forename"), Column.text("surname"),
							Column.code("grade", "PO", "PSO", "SPO", "QDO", "ACO", "OTHER"),
							Column.of("team_code", Kind.UNIT_CODE), Column.of("start_date", Kind.DATE),
							Column.optional("end_date", Kind.DATE)));
			case PEOPLE -> new ExchangeFormat(dataset, "crn",
					List.of(Column.of("crn", Kind.CRN), Column.text("forename"), Column.text("surname"),
							Column.of("date_of_birth", Kind.DATE), Column.code("sex", "MALE", "FEMALE", "NOT_RECORDED"),
							Column.optional("gender_identity_same_as_birth", Kind.FLAG),
							Column.code("ethnicity", "ASIAN", "BLACK", "MIXED", "WHITE", "OTHER", "NOT_RECORDED"),
							Column.code("religion", "NONE", "CHRISTIAN", "MUSLIM", "HINDU", "SIKH", "JEWISH",
									"BUDDHIST", "OTHER", "NOT_RECORDED"),
							Column.code("sexual_orientation", "HETEROSEXUAL", "GAY_OR_LESBIAN", "BISEXUAL", "OTHER",
									"NOT_RECORDED"),
							Column.optional("disability", Kind.FLAG),
							Column.code("marital_status", "SINGLE", "MARRIED_OR_CIVIL_PARTNERSHIP",
									"SEPARATED_DIVORCED_OR_DISSOLVED", "WIDOWED", "NOT_RECORDED"),
							Column.of("restricted", Kind.FLAG)));
			case EVENTS ->
				new ExchangeFormat(dataset, "event_id", List.of(Column.text("event_id"), Column.of("crn", Kind.CRN),
						Column.code("event_type", "COMMUNITY_ORDER", "SUSPENDED_SENTENCE_ORDER", "LICENCE",
								"POST_SENTENCE_SUPERVISION", "CUSTODY"),
						Column.of("sentence_date", Kind.DATE), Column.of("allocation_date", Kind.DATE),
						Column.optional("release_date", Kind.DATE), Column.of("expected_end_date", Kind.DATE),
						Column.optional("termination_date", Kind.DATE),
						Column.optionalCode("termination_reason", "COMPLETED", "REVOKED_BREACH",
								"REVOKED_FURTHER_OFFENCE", "RECALLED", "TRANSFERRED_OUT", "DECEASED", "OTHER_NEUTRAL"),
						Column.of("staff_code", Kind.STAFF_CODE), Column.of("team_code", Kind.UNIT_CODE)));
			case REQUIREMENTS -> new ExchangeFormat(dataset, "requirement_id",
					List.of(Column.text("requirement_id"), Column.text("event_id"),
							Column.code("requirement_type", "UNPAID_WORK", "ACCREDITED_PROGRAMME",
									"REHABILITATION_ACTIVITY", "OTHER"),
							Column.of("length", Kind.POSITIVE_INTEGER), Column.of("start_date", Kind.DATE),
							Column.optional("termination_date", Kind.DATE),
							Column.optionalCode("termination_reason", "COMPLETED", "REVOKED_BREACH",
									"REVOKED_FURTHER_OFFENCE", "TRANSFERRED_OUT", "DECEASED", "OTHER_NEUTRAL")));
			case CONTACTS -> new ExchangeFormat(dataset, "contact_id",
					List.of(Column.text("contact_id"), Column.of("crn", Kind.CRN), Column.text("event_id"),
							Column.optional("requirement_id", Kind.TEXT), Column.of("staff_code", Kind.STAFF_CODE),
							Column.code("contact_type", "INITIAL_APPOINTMENT", "SUPERVISION", "HOME_VISIT",
									"UNPAID_WORK_SESSION", "PROGRAMME_SESSION", "OTHER"),
							Column.of("face_to_face", Kind.FLAG), Column.of("national_standard", Kind.FLAG),
							Column.of("arranged_on", Kind.DATE), Column.of("contact_at", Kind.DATE_TIME),
							Column.code("outcome", "ATTENDED_COMPLIED", "ATTENDED_FAILED_TO_COMPLY",
									"ACCEPTABLE_ABSENCE", "UNACCEPTABLE_ABSENCE", "RESCHEDULED", "NOT_RECORDED")));
			case PLANS -> new ExchangeFormat(dataset, "plan_id",
					List.of(Column.text("plan_id"), Column.text("event_id"),
							Column.code("plan_type", "SENTENCE_PLAN", "RESETTLEMENT_PLAN"),
							Column.optional("completed_date", Kind.DATE), Column.of("agreed_with_person", Kind.FLAG)));
			case REFERRALS ->
				new ExchangeFormat(dataset, "referral_id", List.of(Column.text("referral_id"), Column.text("event_id"),
						Column.code("referral_type", "BREACH", "RECALL"), Column.of("aware_date", Kind.DATE),
						Column.of("referred_date", Kind.DATE), Column.of("usable_without_more_information", Kind.FLAG),
						Column.code("outcome", "PENDING", "PROVEN", "NOT_PROVEN", "WITHDRAWN")));
			case ACCOMMODATION -> new ExchangeFormat(dataset, "event_id", List.of(Column.text("event_id"),
					Column.code("status", "SETTLED", "TEMPORARY", "NO_FIXED_ABODE", "UNKNOWN")));
		};
	}

}
