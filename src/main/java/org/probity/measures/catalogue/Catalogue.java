package org.probity.measures.catalogue;

import static org.probity.measures.catalogue.MeasureDefinition.Input.ACCOMMODATION;
import static org.probity.measures.catalogue.MeasureDefinition.Input.CALENDAR;
import static org.probity.measures.catalogue.MeasureDefinition.Input.CONTACTS;
import static org.probity.measures.catalogue.MeasureDefinition.Input.COUNTED_EVENTS;
import static org.probity.measures.catalogue.MeasureDefinition.Input.EVENTS;
import static org.probity.measures.catalogue.MeasureDefinition.Input.FIRST_CONTACTS;
import static org.probity.measures.catalogue.MeasureDefinition.Input.MONTHLY_CONTACTS;
import static org.probity.measures.catalogue.MeasureDefinition.Input.PLANS;
import static org.probity.measures.catalogue.MeasureDefinition.Input.REFERRALS;
import static org.probity.measures.catalogue.MeasureDefinition.Input.REQUIREMENTS;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.probity.imports.Dataset;
import org.probity.measures.catalogue.MeasureDefinition.Input;
import org.probity.measures.catalogue.MeasureDefinition.Rows;

/**
 * The sixteen measures (measures.md), in the order they are computed and shown: the one
 * place that defines a measure. The recomputation, the per-case rows and the pages are
 * driven by this list; the {@code measure} table's rows (migration V1_5_1, for the
 * targets and existing databases) and each measure's SQL file are held to it by
 * CatalogueTests.
 */
public final class Catalogue {

	private static final List<MeasureDefinition> MEASURES = List.of(
			stored("SL001R", "Initial contact: community orders and SSOs", true, EVENTS, FIRST_CONTACTS, CALENDAR),
			stored("SL002R", "Initial contact: licences", true, EVENTS, FIRST_CONTACTS, CALENDAR),
			stored("SL003R", "Plan completion: community orders and SSOs", true, EVENTS, FIRST_CONTACTS, PLANS,
					CALENDAR),
			stored("SL004R", "Plan completion: licences", true, EVENTS, FIRST_CONTACTS, PLANS, CALENDAR),
			stored("SL006R", "Unpaid work arranged promptly", true, EVENTS, REQUIREMENTS, CONTACTS, CALENDAR),
			stored("SL008", "Completion of community orders and SSOs", false, EVENTS),
			stored("SL010", "Unpaid work requirements completed", false, EVENTS, REQUIREMENTS),
			stored("SL011R", "Programme requirements completed", false, EVENTS, REQUIREMENTS),
			stored("SL013", "Resettlement plans completed", true, EVENTS, PLANS, CALENDAR),
			stored("SL016", "Quality of breach referrals", false, EVENTS, REFERRALS),
			stored("SL018", "Recall referral timeliness", false, EVENTS, REFERRALS, CALENDAR),
			stored("AM_C", "Accommodation on release", false, EVENTS, ACCOMMODATION),
			stored("AM_E", "Breach referral timeliness", false, EVENTS, REFERRALS, CALENDAR),
			stored("AM_J", "Completion of licences and PSS", false, EVENTS),
			derived("AM_K", "Monthly contact", COUNTED_EVENTS, MONTHLY_CONTACTS),
			derived("ATTENDANCE", "Attendance at appointments", COUNTED_EVENTS, MONTHLY_CONTACTS));

	private Catalogue() {
	}

	/** Every measure, in order. */
	public static List<MeasureDefinition> all() {
		return MEASURES;
	}

	/** The codes of every measure, in order. */
	public static List<String> codes() {
		return MEASURES.stream().map(MeasureDefinition::code).toList();
	}

	public static Optional<MeasureDefinition> find(String code) {
		return MEASURES.stream().filter((m) -> m.code().equals(code)).findFirst();
	}

	public static boolean contains(String code) {
		return find(code).isPresent();
	}

	/**
	 * The codes of the measures an import of the dataset can change, in order: those
	 * whose SQL reads a table the dataset changes, or every measure for a dataset none
	 * reads directly (units, say).
	 */
	public static List<String> readersOf(Dataset dataset) {
		List<String> readers = MEASURES.stream().filter((m) -> m.reads(dataset)).map(MeasureDefinition::code).toList();
		return readers.isEmpty() ? codes() : readers;
	}

	/** The codes of the measures that read each event's first contacts, in order. */
	public static List<String> firstContactReaders() {
		return MEASURES.stream()
			.filter((m) -> m.reads().contains(Input.FIRST_CONTACTS))
			.map(MeasureDefinition::code)
			.toList();
	}

	/** The codes of the measures whose rows are derived when read, in order. */
	public static List<String> derived() {
		return MEASURES.stream().filter((m) -> !m.stored()).map(MeasureDefinition::code).toList();
	}

	/** Whether the measure's rows are stored (false for a derived or unknown measure). */
	public static boolean stored(String code) {
		return find(code).map(MeasureDefinition::stored).orElse(true);
	}

	/**
	 * The codes of the measures whose SQL also selects each case's due date, in order.
	 */
	public static List<String> withDueDates() {
		return MEASURES.stream().filter(MeasureDefinition::dueDates).map(MeasureDefinition::code).toList();
	}

	private static MeasureDefinition stored(String code, String title, boolean dueDates, Input... reads) {
		return new MeasureDefinition(code, title, Set.of(reads), Rows.STORED, dueDates);
	}

	private static MeasureDefinition derived(String code, String title, Input... reads) {
		return new MeasureDefinition(code, title, Set.of(reads), Rows.DERIVED, false);
	}

}
