package org.probity.reports.obligations;

import java.io.IOException;
import java.io.Reader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.audits.AuditProgrammes;
import org.probity.estate.Visibility;
import org.probity.measures.MeasureSeries;
import org.probity.shared.Clocks;
import org.probity.shared.MeasureCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of contract obligations (issue 15, point 5): each clause with its
 * requirement, owner (an account), evidence, review frequency and next review date. A
 * review is appended with its RAG and note and never changed; the obligation's next
 * review moves on by its frequency. Every change names the version it was made from (a
 * stale one is refused) and is written to the obligation's change trail. An import is all
 * or nothing, every bad row listed.
 */
@Service
public class Obligations {

	/** The columns of an import, in the export's order; other columns are ignored. */
	static final List<String> COLUMNS = List.of("clause", "requirement", "owner", "evidence_kind", "evidence_ref",
			"review_frequency", "next_review_on");

	/**
	 * The optional column of an import: the subcontractor's delivery unit holding the
	 * obligation (a file without it, as exported before, leaves every obligation the
	 * provider's own).
	 */
	static final String DELIVERY_UNIT = "delivery_unit";

	/**
	 * An obligation as entered: every field as text, checked by {@link #create};
	 * {@code deliveryUnit} blank for the provider's own obligation, else the code of a
	 * subcontractor's delivery unit.
	 */
	public record Entry(String clause, String requirement, String owner, String evidenceKind, String evidenceRef,
			String reviewFrequency, String nextReviewOn, String deliveryUnit) {
	}

	public record Review(long reviewId, LocalDate reviewedOn, ObligationRag rag, String note, LocalDate nextReviewOn,
			String reviewedBy, Instant recordedAt) {
	}

	public record Change(Instant changedAt, String changedBy, String change, String details) {
	}

	/**
	 * An obligation with its latest review; {@code deliveryUnit} (with its name and its
	 * subcontractor's) null for the provider's own.
	 */
	public record Obligation(long obligationId, String clause, String requirement, String ownerUsername,
			String ownerName, EvidenceKind evidenceKind, String evidenceRef, ReviewFrequency reviewFrequency,
			LocalDate nextReviewOn, int version, Review lastReview, boolean overdue, String deliveryUnit,
			String deliveryUnitName, String subcontractor) {

		/**
		 * The delivery unit and its subcontractor in words, or "" for the provider's own.
		 */
		public String heldBy() {
			return (this.deliveryUnit == null) ? "" : this.deliveryUnitName + " (" + this.subcontractor + ")";
		}

	}

	public record Imported(int inserted, int updated, int unchanged) {
	}

	private record Checked(String clause, String requirement, String owner, EvidenceKind evidenceKind,
			String evidenceRef, ReviewFrequency frequency, LocalDate nextReviewOn, String deliveryUnit) {

		String details() {
			return "%s | %s | owner %s | %s %s | %s | next review %s".formatted(this.clause, this.requirement,
					this.owner, this.evidenceKind, this.evidenceRef, this.frequency, this.nextReviewOn)
					+ ((this.deliveryUnit == null) ? "" : " | delivery unit " + this.deliveryUnit);
		}

	}

	private static final String SELECT = """
			select o.obligation_id, o.clause, o.requirement, o.owner_username,
			       coalesce(ad.display_name, o.owner_username) as owner_name, o.evidence_kind, o.evidence_ref,
			       o.review_frequency, o.next_review_on, o.version, o.delivery_unit,
			       coalesce(eu.unit_name, o.delivery_unit) as delivery_unit_name, sc.name as subcontractor,
			       r.review_id, r.reviewed_on, r.rag, r.note, r.next_review_on as review_next, r.reviewed_by, r.recorded_at
			from obligation o
			left join account_directory ad on ad.username = o.owner_username
			left join estate_unit eu on eu.unit_code = o.delivery_unit
			left join report_subcontractor_unit su on su.unit_code = o.delivery_unit
			left join report_subcontractor sc on sc.subcontractor_id = su.subcontractor_id
			left join lateral (select * from obligation_review x where x.obligation_id = o.obligation_id
			                   order by x.reviewed_on desc, x.review_id desc limit 1) r on true
			""";

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final MeasureSeries measures;

	private final AuditProgrammes programmes;

	private final Visibility visibility;

	private final Clock clock;

	Obligations(JdbcClient jdbc, Accounts accounts, MeasureSeries measures, AuditProgrammes programmes,
			Visibility visibility, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.measures = measures;
		this.programmes = programmes;
		this.visibility = visibility;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(Clocks.LONDON));
	}

	/** Every obligation, by clause. */
	@Transactional(readOnly = true)
	public List<Obligation> all() {
		return this.jdbc.sql(SELECT + " order by o.clause").query(this::map).list();
	}

	/**
	 * The obligations a reader of the register sees: the provider's own, and a
	 * subcontractor's where the reader may see its delivery unit (the visibility rule).
	 */
	@Transactional(readOnly = true)
	public List<Obligation> readableBy(CurrentUser user) {
		Set<String> units = this.visibility.visibleUnits(user);
		return all().stream()
			.filter((o) -> o.deliveryUnit() == null || units == null || units.contains(o.deliveryUnit()))
			.toList();
	}

	/**
	 * Whether the user sees the obligation: its owner always; a reader of the register
	 * (see {@link ObligationPages#mayRead}) when it is the provider's own or they may see
	 * its delivery unit.
	 */
	@Transactional(readOnly = true)
	public boolean maySee(CurrentUser user, Obligation o) {
		if (o.ownerUsername().equals(user.getUsername())) {
			return true;
		}
		return ObligationPages.mayRead(user)
				&& (o.deliveryUnit() == null || this.visibility.maySeeUnit(user, new UnitCode(o.deliveryUnit())));
	}

	/** The obligations held by these delivery units, by clause. */
	@Transactional(readOnly = true)
	public List<Obligation> ofDeliveryUnits(Collection<UnitCode> units) {
		return this.jdbc.sql(SELECT + " where o.delivery_unit = any (cast(:units as text[])) order by o.clause")
			.param("units", units.stream().map(UnitCode::value).toArray(String[]::new))
			.query(this::map)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Obligation> find(long id) {
		return this.jdbc.sql(SELECT + " where o.obligation_id = :id").param("id", id).query(this::map).optional();
	}

	/** The obligations an account owns whose review is overdue (due before today). */
	@Transactional(readOnly = true)
	public List<Obligation> overdueFor(String username) {
		return this.jdbc.sql(SELECT
				+ " where o.owner_username = :owner and o.next_review_on < :today order by o.next_review_on, o.clause")
			.param("owner", username)
			.param("today", today())
			.query(this::map)
			.list();
	}

	/** Every review of an obligation, newest first. */
	@Transactional(readOnly = true)
	public List<Review> reviews(long id) {
		return this.jdbc
			.sql("""
					select review_id, reviewed_on, rag, note, next_review_on, reviewed_by, recorded_at from obligation_review
					where obligation_id = :id order by reviewed_on desc, review_id desc
					""")
			.param("id", id)
			.query((rs, n) -> review(rs))
			.list();
	}

	/** The change trail of an obligation's entry, oldest first. */
	@Transactional(readOnly = true)
	public List<Change> changes(long id) {
		return this.jdbc.sql("""
				select changed_at, changed_by, change, details from obligation_change where obligation_id = :id
				order by changed_at, change
				""")
			.param("id", id)
			.query((rs, n) -> new Change(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
					rs.getString("change"), rs.getString("details")))
			.list();
	}

	/** A new obligation. */
	@Transactional
	public Obligation create(Entry entry, String username) {
		Checked c = checked(entry, null);
		if (existsClause(c.clause())) {
			throw new ObligationRefused(ObligationRefused.Kind.INVALID, "There is already an obligation " + c.clause(),
					List.of(new ObligationRefused.Problem(null, "clause",
							"There is already an obligation " + c.clause() + ": change that one")));
		}
		return find(insert(c, username)).orElseThrow();
	}

	/** Changes an obligation's entry, made from {@code version}. */
	@Transactional
	public Obligation edit(long id, int version, Entry entry, String username) {
		Obligation current = find(id).orElseThrow(() -> ObligationRefused.notFound(id));
		if (current.version() != version) {
			throw ObligationRefused.stale();
		}
		Checked c = checked(entry, null);
		if (!c.clause().equals(current.clause()) && existsClause(c.clause())) {
			throw new ObligationRefused(ObligationRefused.Kind.INVALID, "There is already an obligation " + c.clause(),
					List.of(new ObligationRefused.Problem(null, "clause",
							"There is already an obligation " + c.clause())));
		}
		update(id, version, c, username, "Edited");
		return find(id).orElseThrow();
	}

	/**
	 * Records a review made from {@code version}: its RAG and note, appended; the next
	 * review falls one frequency after the review's date.
	 */
	@Transactional
	public Obligation review(long id, int version, String reviewedOn, String rag, String note, String username) {
		Obligation current = find(id).orElseThrow(() -> ObligationRefused.notFound(id));
		List<ObligationRefused.Problem> problems = new ArrayList<>();
		LocalDate on = date(reviewedOn, "reviewed_on", null, problems, true);
		if (on != null && on.isAfter(today())) {
			problems.add(new ObligationRefused.Problem(null, "reviewed_on", "The review date cannot be in the future"));
		}
		ObligationRag value = parse(ObligationRag.class, rag, "rag", null, problems, "GREEN, AMBER or RED");
		String text = (note == null) ? "" : note.strip();
		if (text.isEmpty()) {
			problems.add(new ObligationRefused.Problem(null, "note", "Enter a note on what the review found"));
		}
		else if (text.length() > 4000) {
			problems.add(new ObligationRefused.Problem(null, "note", "The note must be 4,000 characters or fewer"));
		}
		if (!problems.isEmpty()) {
			throw new ObligationRefused(ObligationRefused.Kind.INVALID, problems.get(0).message(), problems);
		}
		if (current.version() != version) {
			throw ObligationRefused.stale();
		}
		LocalDate next = current.reviewFrequency().after(on);
		int changed = this.jdbc.sql("""
				update obligation set next_review_on = :next, version = version + 1, updated_at = :now, updated_by = :by
				where obligation_id = :id and version = :version
				""")
			.param("next", next)
			.param("now", now())
			.param("by", username)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw ObligationRefused.stale();
		}
		this.jdbc
			.sql("""
					insert into obligation_review (obligation_id, reviewed_on, rag, note, next_review_on, reviewed_by, recorded_at)
					values (:id, :on, :rag, :note, :next, :by, :now)
					""")
			.param("id", id)
			.param("on", on)
			.param("rag", value.name())
			.param("note", text)
			.param("next", next)
			.param("by", username)
			.param("now", now())
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * Imports a register as CSV (the export's layout; columns other than {@link #COLUMNS}
	 * are ignored): a new clause is added, a known one changed. All or nothing: every bad
	 * row is listed and nothing is applied.
	 */
	@Transactional
	public Imported importCsv(Reader in, String username) {
		List<ObligationRefused.Problem> problems = new ArrayList<>();
		List<Checked> rows = new ArrayList<>();
		Set<String> clauses = new HashSet<>();
		try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(in)) {
			Map<String, Integer> index = null;
			for (CSVRecord record : parser) {
				long row = record.getRecordNumber();
				if (index == null) {
					index = new HashMap<>();
					for (int i = 0; i < record.size(); i++) {
						String name = record.get(i).strip().toLowerCase(Locale.ROOT);
						if (i == 0 && name.startsWith("\uFEFF")) {
							name = name.substring(1);
						}
						index.put(name, i);
					}
					Map<String, Integer> header = index;
					List<String> missing = COLUMNS.stream().filter((c) -> !header.containsKey(c)).toList();
					if (!missing.isEmpty()) {
						problems.add(new ObligationRefused.Problem(row, null, "The header must name the columns "
								+ String.join(", ", COLUMNS) + "; missing: " + String.join(", ", missing)));
						break;
					}
					continue;
				}
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				Map<String, Integer> columns = index;
				java.util.function.Function<String, String> cell = (c) -> {
					int i = columns.get(c);
					return (i < record.size()) ? unneutralised(record.get(i).strip()) : "";
				};
				int before = problems.size();
				Checked c = check(new Entry(cell.apply("clause"), cell.apply("requirement"), cell.apply("owner"),
						cell.apply("evidence_kind"), cell.apply("evidence_ref"), cell.apply("review_frequency"),
						cell.apply("next_review_on"),
						columns.containsKey(DELIVERY_UNIT) ? cell.apply(DELIVERY_UNIT) : ""), row, problems);
				if (c != null && !clauses.add(c.clause())) {
					problems.add(new ObligationRefused.Problem(row, "clause",
							"Clause " + c.clause() + " is on an earlier row too"));
				}
				if (problems.size() == before && c != null) {
					rows.add(c);
				}
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			problems.add(new ObligationRefused.Problem(null, null, "The file could not be read as CSV"));
		}
		if (problems.isEmpty() && rows.isEmpty()) {
			problems.add(new ObligationRefused.Problem(null, null, "The file has no obligations"));
		}
		if (!problems.isEmpty()) {
			throw new ObligationRefused(ObligationRefused.Kind.INVALID, problems.size()
					+ (problems.size() == 1 ? " problem" : " problems") + " in the file: nothing was imported",
					problems);
		}
		int inserted = 0;
		int updated = 0;
		int unchanged = 0;
		for (Checked c : rows) {
			Optional<Obligation> existing = this.jdbc.sql(SELECT + " where o.clause = :clause")
				.param("clause", c.clause())
				.query(this::map)
				.optional();
			if (existing.isEmpty()) {
				insert(c, username);
				inserted++;
			}
			else if (same(existing.get(), c)) {
				unchanged++;
			}
			else {
				update(existing.get().obligationId(), existing.get().version(), c, username, "Imported");
				updated++;
			}
		}
		return new Imported(inserted, updated, unchanged);
	}

	/**
	 * The register as a table, in the import's layout with the latest review after it.
	 */
	public Table table(List<Obligation> obligations) {
		Table table = Table.titled("Contract obligations")
			.text("clause", "requirement", "owner", "evidence_kind", "evidence_ref", "review_frequency",
					"next_review_on", DELIVERY_UNIT, "owner_name", "delivery_unit_name", "subcontractor",
					"last_reviewed_on", "rag_at_last_review", "note_at_last_review", "review_overdue");
		List<List<Object>> rows = new ArrayList<>();
		for (Obligation o : obligations) {
			Review r = o.lastReview();
			boolean own = o.deliveryUnit() == null;
			rows.add(List.of(o.clause(), o.requirement(), o.ownerUsername(), o.evidenceKind().name(), o.evidenceRef(),
					o.reviewFrequency().name(), o.nextReviewOn().toString(), own ? "" : o.deliveryUnit(), o.ownerName(),
					own ? "" : o.deliveryUnitName(), own ? "" : o.subcontractor(),
					(r == null) ? "" : r.reviewedOn().toString(), (r == null) ? "" : r.rag().name(),
					(r == null) ? "" : r.note(), o.overdue() ? "yes" : "no"));
		}
		return table.rows(rows);
	}

	private boolean same(Obligation o, Checked c) {
		return o.requirement().equals(c.requirement()) && o.ownerUsername().equals(c.owner())
				&& o.evidenceKind() == c.evidenceKind() && o.evidenceRef().equals(c.evidenceRef())
				&& o.reviewFrequency() == c.frequency() && o.nextReviewOn().equals(c.nextReviewOn())
				&& java.util.Objects.equals(o.deliveryUnit(), c.deliveryUnit());
	}

	private boolean existsClause(String clause) {
		return this.jdbc.sql("select exists (select 1 from obligation where clause = :clause)")
			.param("clause", clause)
			.query(Boolean.class)
			.single();
	}

	private long insert(Checked c, String username) {
		Timestamp now = now();
		long id = this.jdbc
			.sql("""
					insert into obligation (clause, requirement, owner_username, evidence_kind, evidence_ref, review_frequency,
					                        next_review_on, delivery_unit, created_at, created_by, updated_at, updated_by)
					values (:clause, :requirement, :owner, :kind, :ref, :frequency, :next, :unit, :now, :by, :now, :by)
					returning obligation_id
					""")
			.param("clause", c.clause())
			.param("requirement", c.requirement())
			.param("owner", c.owner())
			.param("kind", c.evidenceKind().name())
			.param("ref", c.evidenceRef())
			.param("frequency", c.frequency().name())
			.param("next", c.nextReviewOn())
			.param("unit", c.deliveryUnit(), java.sql.Types.VARCHAR)
			.param("now", now)
			.param("by", username)
			.query(Long.class)
			.single();
		change(id, username, "Created", c.details());
		return id;
	}

	private void update(long id, int version, Checked c, String username, String what) {
		int changed = this.jdbc
			.sql("""
					update obligation set clause = :clause, requirement = :requirement, owner_username = :owner,
					       evidence_kind = :kind, evidence_ref = :ref, review_frequency = :frequency, next_review_on = :next,
					       delivery_unit = :unit, version = version + 1, updated_at = :now, updated_by = :by
					where obligation_id = :id and version = :version
					""")
			.param("clause", c.clause())
			.param("requirement", c.requirement())
			.param("owner", c.owner())
			.param("kind", c.evidenceKind().name())
			.param("ref", c.evidenceRef())
			.param("frequency", c.frequency().name())
			.param("next", c.nextReviewOn())
			.param("unit", c.deliveryUnit(), java.sql.Types.VARCHAR)
			.param("now", now())
			.param("by", username)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw ObligationRefused.stale();
		}
		change(id, username, what, c.details());
	}

	private void change(long id, String username, String what, String details) {
		this.jdbc.sql("""
				insert into obligation_change (obligation_id, changed_at, changed_by, change, details)
				values (:id, :now, :by, :what, :details)
				""")
			.param("id", id)
			.param("now", now())
			.param("by", username)
			.param("what", what)
			.param("details", details)
			.update();
	}

	private Checked checked(Entry entry, Long row) {
		List<ObligationRefused.Problem> problems = new ArrayList<>();
		Checked c = check(entry, row, problems);
		if (!problems.isEmpty()) {
			throw new ObligationRefused(ObligationRefused.Kind.INVALID, problems.get(0).message(), problems);
		}
		return c;
	}

	private Checked check(Entry e, Long row, List<ObligationRefused.Problem> problems) {
		int before = problems.size();
		String clause = text(e.clause(), "clause", "the clause (for example Schedule 7 OM4)", 100, row, problems);
		String requirement = text(e.requirement(), "requirement", "the requirement", 2000, row, problems);
		String owner = text(e.owner(), "owner", "the owner's username", 100, row, problems);
		if (owner != null && this.accounts.find(owner).isEmpty()) {
			problems.add(new ObligationRefused.Problem(row, "owner", "There is no account " + owner));
		}
		EvidenceKind kind = parse(EvidenceKind.class, e.evidenceKind(), "evidence_kind", row, problems,
				"MEASURE, AUDIT_PROGRAMME or DOCUMENT");
		String ref = text(e.evidenceRef(), "evidence_ref",
				"the evidence (a measure code, an audit programme number or a document reference)", 500, row, problems);
		if (kind == EvidenceKind.MEASURE && ref != null
				&& (!MeasureCode.isValid(ref) || this.measures.measure(new MeasureCode(ref)).isEmpty())) {
			problems.add(new ObligationRefused.Problem(row, "evidence_ref", "There is no service level " + ref));
		}
		if (kind == EvidenceKind.AUDIT_PROGRAMME && ref != null) {
			boolean known;
			try {
				known = this.programmes.find(Long.parseLong(ref)).isPresent();
			}
			catch (NumberFormatException ex) {
				known = false;
			}
			if (!known) {
				problems.add(new ObligationRefused.Problem(row, "evidence_ref",
						"There is no audit programme " + ref + " (give its number)"));
			}
		}
		ReviewFrequency frequency = parse(ReviewFrequency.class, e.reviewFrequency(), "review_frequency", row, problems,
				"MONTHLY, QUARTERLY, SIX_MONTHLY or ANNUAL");
		LocalDate next = date(e.nextReviewOn(), "next_review_on", row, problems, true);
		String unit = deliveryUnit(e.deliveryUnit(), row, problems);
		return (problems.size() == before) ? new Checked(clause, requirement, owner, kind, ref, frequency, next, unit)
				: null;
	}

	/**
	 * A delivery unit as entered: blank for none, else the code of a unit a subcontractor
	 * runs (marked on the supply chain page).
	 */
	private String deliveryUnit(String value, Long row, List<ObligationRefused.Problem> problems) {
		String v = (value == null) ? "" : value.strip();
		if (v.isEmpty()) {
			return null;
		}
		boolean known = UnitCode.isValid(v)
				&& this.jdbc.sql("select exists (select 1 from estate_unit where unit_code = :unit)")
					.param("unit", v)
					.query(Boolean.class)
					.single();
		if (!known) {
			problems.add(new ObligationRefused.Problem(row, DELIVERY_UNIT,
					"There is no unit " + ((v.length() > 40) ? v.substring(0, 40) + "..." : v)));
			return null;
		}
		boolean delivery = this.jdbc
			.sql("select exists (select 1 from report_subcontractor_unit where unit_code = :unit)")
			.param("unit", v)
			.query(Boolean.class)
			.single();
		if (!delivery) {
			problems.add(new ObligationRefused.Problem(row, DELIVERY_UNIT, "Unit " + v
					+ " is not a subcontractor's delivery unit: mark it as one on the subcontractors page first, "
					+ "or leave the delivery unit empty for the provider's own obligation"));
			return null;
		}
		return v;
	}

	private static String text(String value, String field, String what, int max, Long row,
			List<ObligationRefused.Problem> problems) {
		String v = (value == null) ? "" : value.strip();
		if (v.isEmpty()) {
			problems.add(new ObligationRefused.Problem(row, field, "Enter " + what));
			return null;
		}
		if (v.length() > max) {
			problems.add(new ObligationRefused.Problem(row, field,
					"The " + field.replace('_', ' ') + " must be " + max + " characters or fewer"));
			return null;
		}
		return v;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Long row,
			List<ObligationRefused.Problem> problems, String choices) {
		String v = (value == null) ? "" : value.strip().toUpperCase(Locale.ROOT);
		try {
			return Enum.valueOf(type, v);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new ObligationRefused.Problem(row, field,
					"The " + field.replace('_', ' ') + " must be " + choices));
			return null;
		}
	}

	private static LocalDate date(String value, String field, Long row, List<ObligationRefused.Problem> problems,
			boolean required) {
		String v = (value == null) ? "" : value.strip();
		if (v.isEmpty() && !required) {
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(v);
			if (d.getYear() < 1000 || d.getYear() > 9999) {
				throw new DateTimeParseException("year", v, 0);
			}
			return d;
		}
		catch (DateTimeParseException ex) {
			problems.add(new ObligationRefused.Problem(row, field,
					"The " + field.replace('_', ' ') + " must be a date like 2026-12-31"));
			return null;
		}
	}

	/**
	 * A cell as it was before the export neutralised it (a leading ' before =, +, -, @).
	 */
	static String unneutralised(String cell) {
		return (cell.length() > 1 && cell.charAt(0) == '\''
				&& TableExport.neutralised(cell.substring(1)).startsWith("'")) ? cell.substring(1) : cell;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private Obligation map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Review last = (rs.getObject("review_id") == null) ? null
				: new Review(rs.getLong("review_id"), rs.getObject("reviewed_on", LocalDate.class),
						ObligationRag.valueOf(rs.getString("rag")), rs.getString("note"),
						rs.getObject("review_next", LocalDate.class), rs.getString("reviewed_by"),
						rs.getTimestamp("recorded_at").toInstant());
		LocalDate next = rs.getObject("next_review_on", LocalDate.class);
		return new Obligation(rs.getLong("obligation_id"), rs.getString("clause"), rs.getString("requirement"),
				rs.getString("owner_username"), rs.getString("owner_name"),
				EvidenceKind.valueOf(rs.getString("evidence_kind")), rs.getString("evidence_ref"),
				ReviewFrequency.valueOf(rs.getString("review_frequency")), next, rs.getInt("version"), last,
				next.isBefore(today()), rs.getString("delivery_unit"), rs.getString("delivery_unit_name"),
				rs.getString("subcontractor"));
	}

	private static Review review(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Review(rs.getLong("review_id"), rs.getObject("reviewed_on", LocalDate.class),
				ObligationRag.valueOf(rs.getString("rag")), rs.getString("note"),
				rs.getObject("next_review_on", LocalDate.class), rs.getString("reviewed_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}

}
