package org.probity.feedback;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.probity.shared.Crn;
import org.probity.shared.Period;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints and their stages: logged, acknowledged, responded to with an outcome,
 * appealed, the appeal responded to, referred to the Ombudsman. Steps are recorded in
 * that order, each on or after the one before, against the complaint's version; an upheld
 * or partly upheld outcome raises an action in the unit's site development plan.
 */
@Service
public class Complaints {

	public static final List<String> CHANNELS = List.of("EMAIL", "LETTER", "PHONE", "IN_PERSON", "ONLINE", "OTHER");

	public static final List<String> COMPLAINANTS = List.of("PERSON_ON_PROBATION", "VICTIM", "FAMILY", "PUBLIC",
			"STAKEHOLDER", "STAFF");

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	private static final String SELECT = """
			select c.complaint_id, c.version, c.received_on, c.channel, c.complainant, c.unit_code, u.unit_name,
			       c.staff_code, s.forename || ' ' || s.surname as staff_name, c.crn, c.summary,
			       array(select l.category from complaint_category_link l where l.complaint_id = c.complaint_id
			             order by l.category) as categories,
			       c.acknowledged_on, c.responded_on, c.outcome, c.appealed_on, c.appeal_responded_on,
			       c.appeal_outcome, c.ombudsman_referred_on, c.ombudsman_outcome, c.action_id
			from complaint c
			left join estate_unit u on u.unit_code = c.unit_code
			left join estate_staff s on s.staff_code = c.staff_code
			""";

	private final JdbcClient jdbc;

	private final ComplaintTimescales timescales;

	private final FeedbackActions actions;

	private final Clock clock;

	Complaints(JdbcClient jdbc, ComplaintTimescales timescales, FeedbackActions actions, Clock clock) {
		this.jdbc = jdbc;
		this.timescales = timescales;
		this.actions = actions;
		this.clock = clock;
	}

	/** The categories kept as data, code to label. */
	@Transactional(readOnly = true)
	public Map<String, String> categories() {
		Map<String, String> categories = new LinkedHashMap<>();
		this.jdbc.sql("select code, label from complaint_category order by label").query((rs) -> {
			categories.put(rs.getString(1), rs.getString(2));
		});
		return categories;
	}

	@Transactional
	public Complaint log(NewComplaint complaint, String username) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (complaint.receivedOn() == null) {
			errors.put("received_on", "Enter the date the complaint was received");
		}
		else if (complaint.receivedOn().isAfter(LocalDate.now(this.clock))) {
			errors.put("received_on", "The date the complaint was received must be today or in the past");
		}
		String channel = code(complaint.channel());
		if (channel == null) {
			errors.put("channel", "Enter how the complaint came in, such as EMAIL or LETTER");
		}
		String complainant = code(complaint.complainant());
		if (complainant == null || !COMPLAINANTS.contains(complainant)) {
			errors.put("complainant", "Who complains must be one of " + String.join(", ", COMPLAINANTS));
		}
		String unit = blankToNull(complaint.unitCode());
		if (unit == null) {
			errors.put("unit_code", "Enter the unit the complaint is about");
		}
		else if (!exists("select count(*) from estate_unit where unit_code = :code", unit)) {
			errors.put("unit_code", "There is no unit " + unit);
		}
		String staff = blankToNull(complaint.staffCode());
		if (staff != null && (staff.length() != 7
				|| !exists("select count(*) from estate_staff where staff_code = :code", staff))) {
			errors.put("staff_code", "There is no member of staff " + staff);
		}
		String crn = blankToNull(complaint.crn());
		if (crn != null) {
			crn = crn.toUpperCase(Locale.ROOT);
			if (!Crn.isValid(crn)) {
				errors.put("crn", "A CRN is a capital letter and six digits, like X123456");
			}
		}
		if (blankToNull(complaint.summary()) == null) {
			errors.put("summary", "Enter a summary of the complaint");
		}
		List<String> categories = new ArrayList<>();
		for (String category : (complaint.categories() != null) ? complaint.categories() : List.<String>of()) {
			String c = code(category);
			if (c == null) {
				errors.put("categories", "A category is a code such as STAFF_CONDUCT, not '" + category + "'");
			}
			else if (!categories.contains(c)) {
				categories.add(c);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFeedback(errors);
		}
		long id = this.jdbc
			.sql("""
					insert into complaint (received_on, channel, complainant, unit_code, staff_code, crn, summary, logged_by)
					values (:received, :channel, :complainant, :unit, :staff, :crn, :summary, :by)
					returning complaint_id
					""")
			.param("received", complaint.receivedOn())
			.param("channel", channel)
			.param("complainant", complainant)
			.param("unit", unit)
			.param("staff", staff)
			.param("crn", crn)
			.param("summary", complaint.summary().strip())
			.param("by", username)
			.query(Long.class)
			.single();
		for (String category : categories) {
			this.jdbc.sql("insert into complaint_category_link (complaint_id, category) values (:id, :category)")
				.param("id", id)
				.param("category", category)
				.update();
		}
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Complaint> find(long id) {
		return this.jdbc.sql(SELECT + " where c.complaint_id = :id")
			.param("id", id)
			.query(Complaints::complaint)
			.optional();
	}

	/**
	 * Complaints about the unit or any unit below it (every unit when null) received
	 * between two dates, newest first.
	 */
	@Transactional(readOnly = true)
	public List<Complaint> receivedUnder(UnitCode unit, LocalDate from, LocalDate to) {
		return this.jdbc.sql(SELECT + """
				where (cast(:unit as text) is null
				       or c.unit_code in (select a.unit_code from estate_unit_ancestry a where a.ancestor_code = :unit))
				  and c.received_on between :from and :to
				order by c.received_on desc, c.complaint_id desc
				""")
			.param("unit", (unit != null) ? unit.value() : null, java.sql.Types.VARCHAR)
			.param("from", from)
			.param("to", to)
			.query(Complaints::complaint)
			.list();
	}

	/**
	 * The complaints about units under this one (every unit: null) received by the day
	 * with a stage still waiting on it: not acknowledged, not answered, or appealed and
	 * the appeal not answered, as of that day (a date after it is not yet done,
	 * {@link ComplaintStatus#of}). The home page counts these, not every complaint ever
	 * received.
	 */
	public List<Complaint> waitingUnder(UnitCode unit, LocalDate asOf) {
		return this.jdbc.sql(SELECT + """
				where (cast(:unit as text) is null
				       or c.unit_code in (select a.unit_code from estate_unit_ancestry a where a.ancestor_code = :unit))
				  and c.received_on <= :as_of
				  and (c.acknowledged_on is null or c.acknowledged_on > :as_of
				       or c.responded_on is null or c.responded_on > :as_of
				       or (c.appealed_on is not null
				           and (c.appeal_responded_on is null or c.appeal_responded_on > :as_of)))
				order by c.received_on desc, c.complaint_id desc
				""")
			.param("unit", (unit != null) ? unit.value() : null, java.sql.Types.VARCHAR)
			.param("as_of", asOf)
			.query(Complaints::complaint)
			.list();
	}

	/**
	 * One unit and month of receipt: how many stages were on time, late, open, overdue.
	 */
	public record TimelinessRow(UnitCode unitCode, String unitName, java.time.YearMonth month, int received,
			int acknowledgedOnTime, int acknowledgedLate, int acknowledgementOpen, int acknowledgementOverdue,
			int respondedOnTime, int respondedLate, int responseOpen, int responseOverdue) {

	}

	/**
	 * The stages of the complaints by the unit they are about and the month received, as
	 * of a day; the last row (unit null) adds them all up.
	 */
	public List<TimelinessRow> timeliness(List<Complaint> complaints, LocalDate asOf) {
		Map<String, int[]> counts = new java.util.TreeMap<>();
		Map<String, String> names = new java.util.HashMap<>();
		int[] total = new int[9];
		for (Complaint c : complaints) {
			String key = c.unitCode().value() + "|" + java.time.YearMonth.from(c.receivedOn());
			names.put(c.unitCode().value(), c.unitName());
			int[] n = counts.computeIfAbsent(key, (k) -> new int[9]);
			ComplaintTimescales.Timeliness t = this.timescales.on(c, asOf);
			for (int[] row : new int[][] { n, total }) {
				row[0]++;
				count(row, 1, t.acknowledgement());
				count(row, 5, t.response());
			}
		}
		List<TimelinessRow> rows = new ArrayList<>();
		counts.forEach((key, n) -> {
			String unit = key.substring(0, key.indexOf('|'));
			rows.add(row(new UnitCode(unit), names.get(unit),
					java.time.YearMonth.parse(key.substring(key.indexOf('|') + 1)), n));
		});
		rows.add(row(null, "All", null, total));
		return rows;
	}

	/**
	 * Timeliness of the complaints about a unit and the units below it (every unit when
	 * null) received in a period, up to {@code asOf}, with every stage as it stood on
	 * {@code asOf}: what the monthly and quarterly reports show.
	 */
	@Transactional(readOnly = true)
	public ComplaintTimeliness timeliness(UnitCode unit, Period period, LocalDate asOf) {
		LocalDate to = period.endDate().isAfter(asOf) ? asOf : period.endDate();
		int[] n = new int[12];
		int overdueCount = 0;
		for (Complaint c : receivedUnder(unit, period.startDate(), to)) {
			ComplaintTimescales.Timeliness t = this.timescales.on(c, asOf);
			n[0]++;
			count(n, 1, t.acknowledgement());
			count(n, 5, t.response());
			ComplaintStatus appeal = t.appealResponse();
			if (appeal == ComplaintStatus.ON_TIME || appeal == ComplaintStatus.LATE) {
				n[9]++;
				n[10] += (appeal == ComplaintStatus.LATE) ? 1 : 0;
			}
			boolean waiting = t.response() == null || t.response() == ComplaintStatus.OPEN
					|| t.response() == ComplaintStatus.OVERDUE || appeal == ComplaintStatus.OPEN
					|| appeal == ComplaintStatus.OVERDUE;
			n[11] += waiting ? 1 : 0;
			boolean overdue = t.acknowledgement() == ComplaintStatus.OVERDUE || t.response() == ComplaintStatus.OVERDUE
					|| appeal == ComplaintStatus.OVERDUE;
			if (overdue) {
				overdueCount++;
			}
		}
		return new ComplaintTimeliness(unit, period, asOf, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9],
				n[10], n[11], overdueCount);
	}

	private static TimelinessRow row(UnitCode unit, String name, java.time.YearMonth month, int[] n) {
		return new TimelinessRow(unit, name, month, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
	}

	private static void count(int[] row, int at, ComplaintStatus status) {
		if (status != null) {
			switch (status) {
				case ON_TIME -> row[at]++;
				case LATE -> row[at + 1]++;
				case OPEN -> row[at + 2]++;
				case OVERDUE -> row[at + 3]++;
			}
		}
	}

	/**
	 * Records one step. Refused with {@link FeedbackChanged} when the version is not the
	 * stored one, with {@link InvalidFeedback} when the step is out of order or dated
	 * before the step it follows.
	 */
	@Transactional
	public Complaint record(long id, ComplaintStep step, String username) {
		Complaint c = this.jdbc.sql(SELECT + " where c.complaint_id = :id for update of c")
			.param("id", id)
			.query(Complaints::complaint)
			.optional()
			.orElseThrow(() -> new FeedbackNotFound("There is no complaint " + id));
		if (step.version() == null) {
			throw new InvalidFeedback("version", "Give the version of the complaint you last read");
		}
		if (step.version() != c.version()) {
			throw new FeedbackChanged("Complaint " + id + " was changed by someone else (version " + c.version()
					+ ", not " + step.version() + "): read it again before recording this");
		}
		if (step.kind() == null) {
			throw new InvalidFeedback("kind",
					"Say what happened: ACKNOWLEDGED, RESPONDED, APPEALED, APPEAL_RESPONDED or OMBUDSMAN_REFERRED");
		}
		if (step.on() == null) {
			throw new InvalidFeedback("on", "Enter the date it happened");
		}
		if (step.on().isAfter(LocalDate.now(this.clock))) {
			throw new InvalidFeedback("on", "The date must be today or in the past");
		}
		String column;
		LocalDate after;
		String afterWhat;
		switch (step.kind()) {
			case ACKNOWLEDGED -> {
				requireNotDone(c.acknowledgedOn(), "acknowledged");
				column = "acknowledged_on";
				after = c.receivedOn();
				afterWhat = "received";
			}
			case RESPONDED -> {
				requireDone(c.acknowledgedOn(), "acknowledged", "responded to");
				requireNotDone(c.respondedOn(), "responded to");
				column = "responded_on";
				after = c.acknowledgedOn();
				afterWhat = "acknowledged";
			}
			case APPEALED -> {
				requireDone(c.respondedOn(), "responded to", "appealed");
				requireNotDone(c.appealedOn(), "appealed");
				column = "appealed_on";
				after = c.respondedOn();
				afterWhat = "responded to";
			}
			case APPEAL_RESPONDED -> {
				requireDone(c.appealedOn(), "appealed", "have its appeal responded to");
				requireNotDone(c.appealRespondedOn(), "had its appeal responded to");
				column = "appeal_responded_on";
				after = c.appealedOn();
				afterWhat = "appealed";
			}
			case OMBUDSMAN_REFERRED -> {
				requireDone(c.appealRespondedOn(), "had its appeal responded to", "go to the Ombudsman");
				requireNotDone(c.ombudsmanReferredOn(), "referred to the Ombudsman");
				column = "ombudsman_referred_on";
				after = c.appealRespondedOn();
				afterWhat = "its appeal was responded to";
			}
			default -> throw new IllegalStateException();
		}
		if (step.on().isBefore(after)) {
			throw new InvalidFeedback("on", "The date cannot be before the complaint was " + afterWhat + " ("
					+ org.probity.shared.Dates.format(after) + ")");
		}
		ComplaintOutcome outcome = null;
		String ombudsmanOutcome = null;
		if (step.kind() == ComplaintStep.Kind.OMBUDSMAN_REFERRED) {
			ombudsmanOutcome = blankToNull(step.outcome());
		}
		else if (blankToNull(step.outcome()) != null) {
			if (step.kind() != ComplaintStep.Kind.RESPONDED && step.kind() != ComplaintStep.Kind.APPEAL_RESPONDED) {
				throw new InvalidFeedback("outcome", "An outcome is recorded with a response, not when "
						+ step.kind().name().toLowerCase(Locale.ROOT));
			}
			try {
				outcome = ComplaintOutcome.valueOf(step.outcome().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidFeedback("outcome",
						"The outcome must be one of UPHELD, PARTLY_UPHELD, NOT_UPHELD, WITHDRAWN");
			}
		}
		String outcomeColumn = switch (step.kind()) {
			case RESPONDED -> ", outcome = :outcome";
			case APPEAL_RESPONDED -> ", appeal_outcome = :outcome";
			case OMBUDSMAN_REFERRED -> ", ombudsman_outcome = :ombudsman";
			default -> "";
		};
		this.jdbc
			.sql("update complaint set version = version + 1, %s = :on%s where complaint_id = :id".formatted(column,
					outcomeColumn))
			.param("on", step.on())
			.param("outcome", (outcome != null) ? outcome.name() : null, java.sql.Types.VARCHAR)
			.param("ombudsman", ombudsmanOutcome, java.sql.Types.VARCHAR)
			.param("id", id)
			.update();
		if (outcome != null && outcome.raisesAction() && c.actionId() == null) {
			raiseAction(c, step.on());
		}
		return find(id).orElseThrow();
	}

	private void raiseAction(Complaint c, LocalDate decidedOn) {
		Optional<Long> action = this.actions.raise(ActionPlanKind.SITE_DEVELOPMENT, c.unitCode(),
				FeedbackActions.SourceKind.COMPLAINT, "complaint:" + c.id(),
				"Learn from upheld complaint " + c.id() + ": " + abbreviate(c.summary()), "Senior manager",
				decidedOn.plusMonths(3));
		action
			.ifPresent((actionId) -> this.jdbc.sql("update complaint set action_id = :action where complaint_id = :id")
				.param("action", actionId)
				.param("id", c.id())
				.update());
	}

	/** The stages of a complaint on a day. */
	ComplaintTimescales.Timeliness timeliness(Complaint c, LocalDate asOf) {
		return this.timescales.on(c, asOf);
	}

	private static String abbreviate(String s) {
		return (s.length() > 120) ? s.substring(0, 117) + "..." : s;
	}

	private static void requireNotDone(LocalDate done, String what) {
		if (done != null) {
			throw new InvalidFeedback("kind", "The complaint was already " + what);
		}
	}

	private static void requireDone(LocalDate done, String before, String what) {
		if (done == null) {
			throw new InvalidFeedback("kind", "A complaint must be " + before + " before it can " + what);
		}
	}

	private boolean exists(String sql, String code) {
		return this.jdbc.sql(sql).param("code", code).query(Long.class).single() > 0;
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static String code(String s) {
		String value = blankToNull(s);
		if (value == null) {
			return null;
		}
		value = value.toUpperCase(Locale.ROOT);
		return CODE.matcher(value).matches() ? value : null;
	}

	private static Complaint complaint(ResultSet rs, int row) throws SQLException {
		Array categories = rs.getArray("categories");
		String outcome = rs.getString("outcome");
		String appealOutcome = rs.getString("appeal_outcome");
		long action = rs.getLong("action_id");
		Long actionId = rs.wasNull() ? null : action;
		String staff = rs.getString("staff_code");
		String crn = rs.getString("crn");
		return new Complaint(rs.getLong("complaint_id"), rs.getInt("version"),
				rs.getObject("received_on", LocalDate.class), rs.getString("channel"), rs.getString("complainant"),
				new UnitCode(rs.getString("unit_code")), rs.getString("unit_name"),
				(staff != null) ? new StaffCode(staff) : null, rs.getString("staff_name"),
				(crn != null) ? new Crn(crn) : null, rs.getString("summary"),
				(categories != null) ? Arrays.asList((String[]) categories.getArray()) : List.of(),
				rs.getObject("acknowledged_on", LocalDate.class), rs.getObject("responded_on", LocalDate.class),
				(outcome != null) ? ComplaintOutcome.valueOf(outcome) : null,
				rs.getObject("appealed_on", LocalDate.class), rs.getObject("appeal_responded_on", LocalDate.class),
				(appealOutcome != null) ? ComplaintOutcome.valueOf(appealOutcome) : null,
				rs.getObject("ombudsman_referred_on", LocalDate.class), rs.getString("ombudsman_outcome"), actionId);
	}

}
