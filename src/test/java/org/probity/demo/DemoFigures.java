package org.probity.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.probity.shared.BusinessCalendar;

/**
 * The measures of measures.md computed straight from generated CSV files with the Java
 * business calendar: an independent check that the demo provider looks like a real one.
 */
final class DemoFigures {

	static final Set<String> NEUTRAL = Set.of("TRANSFERRED_OUT", "DECEASED", "OTHER_NEUTRAL");

	record Ratio(long numerator, long denominator) {

		double percent() {
			return (this.denominator == 0) ? Double.NaN : 100.0 * this.numerator / this.denominator;
		}

		Ratio plus(boolean hit) {
			return new Ratio(this.numerator + (hit ? 1 : 0), this.denominator + 1);
		}

		@Override
		public String toString() {
			return String.format("%.1f%% (%d/%d)", percent(), this.numerator, this.denominator);
		}

	}

	record Event(String id, String crn, String type, LocalDate sentence, LocalDate allocation, LocalDate release,
			LocalDate expectedEnd, LocalDate termination, String reason, String staff, String team) {

		LocalDate start() {
			return (this.release != null) ? this.release : this.allocation;
		}

		boolean community() {
			return "COMMUNITY_ORDER".equals(this.type) || "SUSPENDED_SENTENCE_ORDER".equals(this.type);
		}

	}

	record Contact(String requirementId, String type, boolean faceToFace, boolean nationalStandard, LocalDate day,
			String outcome) {

		boolean offered() {
			return !"RESCHEDULED".equals(this.outcome);
		}

		boolean attended() {
			return "ATTENDED_COMPLIED".equals(this.outcome) || "ATTENDED_FAILED_TO_COMPLY".equals(this.outcome);
		}

	}

	record Requirement(String id, String eventId, String type, LocalDate termination, String reason) {
	}

	record Referral(String eventId, String type, LocalDate aware, LocalDate referred, boolean usable) {
	}

	final BusinessCalendar calendar = BusinessCalendar.englandAndWales();

	final Map<String, Event> events = new LinkedHashMap<>();

	final Map<String, List<Contact>> contacts = new HashMap<>();

	final List<Requirement> requirements = new ArrayList<>();

	final Map<String, LocalDate> sentencePlans = new HashMap<>();

	final Map<String, LocalDate> resettlementPlans = new HashMap<>();

	final List<Referral> referrals = new ArrayList<>();

	final Map<String, String> accommodation = new HashMap<>();

	DemoFigures(Path dir) {
		read(dir.resolve("events.csv"),
				(r) -> this.events.put(r.get("event_id"),
						new Event(r.get("event_id"), r.get("crn"), r.get("event_type"), date(r.get("sentence_date")),
								date(r.get("allocation_date")), date(r.get("release_date")),
								date(r.get("expected_end_date")), date(r.get("termination_date")),
								r.get("termination_reason"), r.get("staff_code"), r.get("team_code"))));
		read(dir.resolve("contacts.csv"),
				(r) -> this.contacts.computeIfAbsent(r.get("event_id"), (k) -> new ArrayList<>())
					.add(new Contact(r.get("requirement_id"), r.get("contact_type"), "Y".equals(r.get("face_to_face")),
							"Y".equals(r.get("national_standard")),
							LocalDate.parse(r.get("contact_at").substring(0, 10)), r.get("outcome"))));
		read(dir.resolve("requirements.csv"),
				(r) -> this.requirements.add(new Requirement(r.get("requirement_id"), r.get("event_id"),
						r.get("requirement_type"), date(r.get("termination_date")), r.get("termination_reason"))));
		read(dir.resolve("plans.csv"), (r) -> {
			LocalDate completed = date(r.get("completed_date"));
			if (completed != null) {
				(("SENTENCE_PLAN".equals(r.get("plan_type"))) ? this.sentencePlans : this.resettlementPlans)
					.put(r.get("event_id"), completed);
			}
		});
		read(dir.resolve("referrals.csv"),
				(r) -> this.referrals
					.add(new Referral(r.get("event_id"), r.get("referral_type"), date(r.get("aware_date")),
							date(r.get("referred_date")), "Y".equals(r.get("usable_without_more_information")))));
		read(dir.resolve("accommodation.csv"), (r) -> this.accommodation.put(r.get("event_id"), r.get("status")));
	}

	static void read(Path file, Consumer<CSVRecord> row) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				row.accept(record);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static LocalDate date(String value) {
		return (value == null || value.isEmpty()) ? null : LocalDate.parse(value);
	}

	private static boolean in(LocalDate day, LocalDate from, LocalDate to) {
		return day != null && !day.isBefore(from) && !day.isAfter(to);
	}

	private List<Contact> contactsOf(String eventId) {
		return this.contacts.getOrDefault(eventId, List.of());
	}

	/** Every measure over the days from..to, for the events that pass the filter. */
	Map<String, Ratio> measures(LocalDate from, LocalDate to, Predicate<Event> which) {
		Map<String, Ratio> m = new LinkedHashMap<>();
		for (String code : List.of("SL001R", "SL002R", "SL003R", "SL004R", "SL006R", "SL008", "SL010", "SL011R",
				"SL013", "SL016", "SL018", "AM_C", "AM_E", "AM_J", "AM_K", "ATTENDANCE")) {
			m.put(code, new Ratio(0, 0));
		}
		for (Event e : this.events.values()) {
			if (!which.test(e)) {
				continue;
			}
			List<Contact> cs = contactsOf(e.id());
			if (e.community() && in(e.allocation(), from, to)) {
				LocalDate due = this.calendar.businessDayAfter(e.allocation(), 5);
				m.merge("SL001R",
						new Ratio(0, 0).plus(cs.stream()
							.anyMatch((c) -> c.offered() && c.faceToFace() && in(c.day(), e.allocation(), due))),
						this::sum);
			}
			if ("LICENCE".equals(e.type()) && in(e.release(), from, to)) {
				LocalDate due = this.calendar.businessDayAfter(e.release(), 1);
				m.merge("SL002R",
						new Ratio(0, 0).plus(cs.stream()
							.anyMatch((c) -> c.offered() && c.faceToFace() && in(c.day(), e.release(), due))),
						this::sum);
			}
			if (!"CUSTODY".equals(e.type())) {
				LocalDate first = cs.stream()
					.filter((c) -> c.attended() && c.faceToFace())
					.map(Contact::day)
					.min(LocalDate::compareTo)
					.orElse(null);
				if (first != null) {
					LocalDate due = this.calendar.businessDayAfter(first, 15);
					if (in(due, from, to)) {
						LocalDate plan = this.sentencePlans.get(e.id());
						String code = e.community() ? "SL003R" : ("LICENCE".equals(e.type()) ? "SL004R" : null);
						if (code != null) {
							m.merge(code, new Ratio(0, 0).plus(plan != null && !plan.isAfter(due)), this::sum);
						}
					}
				}
			}
			if (e.community() && e.termination() != null && in(e.termination(), from, to)
					&& !NEUTRAL.contains(e.reason())) {
				m.merge("SL008", new Ratio(0, 0).plus("COMPLETED".equals(e.reason())), this::sum);
			}
			if (!e.community()) {
				LocalDate due = this.calendar.businessDayAfter(e.sentence(), 10);
				if (in(due, from, to)) {
					LocalDate plan = this.resettlementPlans.get(e.id());
					m.merge("SL013", new Ratio(0, 0).plus(plan != null && !plan.isAfter(due)), this::sum);
				}
			}
			boolean released = "LICENCE".equals(e.type()) || "POST_SENTENCE_SUPERVISION".equals(e.type());
			if (released && in(e.release(), from, to) && this.accommodation.containsKey(e.id())
					&& !"UNKNOWN".equals(this.accommodation.get(e.id()))) {
				String status = this.accommodation.get(e.id());
				m.merge("AM_C", new Ratio(0, 0).plus("SETTLED".equals(status) || "TEMPORARY".equals(status)),
						this::sum);
			}
			if (released && e.termination() != null && in(e.termination(), from, to) && !NEUTRAL.contains(e.reason())) {
				m.merge("AM_J", new Ratio(0, 0).plus("COMPLETED".equals(e.reason())), this::sum);
			}
			if (e.community() || released) {
				for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month
					.plusMonths(1)) {
					LocalDate first = month.atDay(1);
					LocalDate last = month.atEndOfMonth();
					if (!e.start().isAfter(first) && (e.termination() == null || e.termination().isAfter(last))) {
						m.merge("AM_K",
								new Ratio(0,
										0)
									.plus(cs.stream()
										.anyMatch((c) -> c.offered() && c.faceToFace() && c.nationalStandard()
												&& in(c.day(), first, last))),
								this::sum);
					}
				}
			}
			for (Contact c : cs) {
				if (in(c.day(), from, to) && c.nationalStandard()
						&& (c.attended() || "UNACCEPTABLE_ABSENCE".equals(c.outcome()))) {
					m.merge("ATTENDANCE", new Ratio(0, 0).plus(c.attended()), this::sum);
				}
			}
		}
		for (Requirement r : this.requirements) {
			Event e = this.events.get(r.eventId());
			if (!which.test(e)) {
				continue;
			}
			if ("UNPAID_WORK".equals(r.type()) && in(e.allocation(), from, to)) {
				LocalDate due = this.calendar.businessDayAfter(e.allocation(), 7);
				m.merge("SL006R",
						new Ratio(0, 0).plus(contactsOf(e.id()).stream()
							.anyMatch((c) -> r.id().equals(c.requirementId()) && "UNPAID_WORK_SESSION".equals(c.type())
									&& c.offered() && in(c.day(), e.allocation(), due))),
						this::sum);
			}
			if (r.termination() != null && in(r.termination(), from, to) && !NEUTRAL.contains(r.reason())) {
				if ("UNPAID_WORK".equals(r.type())) {
					m.merge("SL010", new Ratio(0, 0)
						.plus("COMPLETED".equals(r.reason()) && !r.termination().isAfter(e.sentence().plusMonths(12))),
							this::sum);
				}
				if ("ACCREDITED_PROGRAMME".equals(r.type())) {
					m.merge("SL011R", new Ratio(0, 0).plus("COMPLETED".equals(r.reason())), this::sum);
				}
			}
		}
		for (Referral r : this.referrals) {
			if (!which.test(this.events.get(r.eventId())) || !in(r.referred(), from, to)) {
				continue;
			}
			if ("BREACH".equals(r.type())) {
				m.merge("SL016", new Ratio(0, 0).plus(r.usable()), this::sum);
				m.merge("AM_E",
						new Ratio(0, 0).plus(!r.referred().isAfter(this.calendar.businessDayAfter(r.aware(), 8))),
						this::sum);
			}
			else {
				m.merge("SL018",
						new Ratio(0, 0).plus(!r.referred().isAfter(this.calendar.businessDayAfter(r.aware(), 1))),
						this::sum);
			}
		}
		return m;
	}

	private Ratio sum(Ratio a, Ratio b) {
		return new Ratio(a.numerator() + b.numerator(), a.denominator() + b.denominator());
	}

}
