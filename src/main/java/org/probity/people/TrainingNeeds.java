package org.probity.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.shared.Dates;
import org.probity.shared.Period;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training needs analysis (improvement.md, "People"): per unit (a team, an LDU, the
 * provider: every team below it) and quarter, the prompts and key questions most often
 * found wanting by completed audits, each with how many audits failed it, its share of
 * the template's audits, and the trend against the previous quarter; each linkable to
 * items of the learning and development plan, whose theme's audit performance is shown
 * before and after the training.
 */
@Service
class TrainingNeeds {

	/** Months of audits either side of a training date for its before-and-after. */
	static final int BEFORE_AFTER_MONTHS = 3;

	record Need(String templateCode, String themeKind, String themeCode, String themeText, long failed, long audits,
			long previousFailed, long previousAudits, List<Item> items) {

		public double share() {
			return (this.audits == 0) ? 0 : 100.0 * this.failed / this.audits;
		}

		public Double previousShare() {
			return (this.previousAudits == 0) ? null : 100.0 * this.previousFailed / this.previousAudits;
		}

		public String shareText() {
			return String.format(java.util.Locale.UK, "%.1f%%", share());
		}

		/** Against the previous quarter's share: "Worse", "Better", "Same" or "New". */
		public String trend() {
			Double previous = previousShare();
			if (previous == null || this.previousFailed == 0) {
				return "New";
			}
			int c = Double.compare(share(), previous);
			return (c > 0) ? "Worse" : (c < 0) ? "Better" : "Same";
		}

		public String kindLabel() {
			return "PROMPT".equals(this.themeKind) ? "Prompt" : "Key question";
		}

	}

	/** The theme's performance (share of audits not failing it) before and after. */
	record BeforeAfter(long auditsBefore, long failedBefore, long auditsAfter, long failedAfter) {

		public String before() {
			return percentMet(this.auditsBefore, this.failedBefore);
		}

		public String after() {
			return percentMet(this.auditsAfter, this.failedAfter);
		}

		private static String percentMet(long audits, long failed) {
			return (audits == 0) ? "No audits"
					: String.format(java.util.Locale.UK, "%.1f%% of %d", 100.0 * (audits - failed) / audits, audits);
		}

	}

	enum Status {

		PLANNED("Planned"), BOOKED("Booked"), DELIVERED("Delivered"), CANCELLED("Cancelled");

		private final String word;

		Status(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

	}

	record Item(long itemId, String unitCode, String templateCode, String themeKind, String themeCode, String course,
			String audienceGrade, List<String> audienceStaff, LocalDate trainingDate, String owner, Status status,
			int version, BeforeAfter beforeAfter) {

		public String date() {
			return Dates.format(this.trainingDate);
		}

		public String audience() {
			List<String> parts = new ArrayList<>();
			if (this.audienceGrade != null) {
				parts.add(org.probity.estate.Grade.valueOf(this.audienceGrade).label() + "s");
			}
			if (!this.audienceStaff.isEmpty()) {
				parts.add(String.join(", ", this.audienceStaff));
			}
			return String.join("; ", parts);
		}

	}

	record ItemInput(String unitCode, String templateCode, String themeKind, String themeCode, String course,
			String audienceGrade, String audienceStaff, LocalDate trainingDate, String owner, String status) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	TrainingNeeds(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Need> needs(String unitCode, Period quarter) {
		Period previous = quarter.previous();
		record Row(String templateCode, String themeKind, String themeCode, String themeText, long failed, long audits,
				long previousFailed, long previousAudits) {
		}
		List<Row> rows = this.jdbc
			.sql("""
					with audits as (
					    select a.audit_id, a.template_code, a.completed_on from people_completed_audit a
					    where a.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = :unit)
					      and a.completed_on between :previousFrom and :to
					),
					totals as (
					    select template_code, count(*) filter (where completed_on >= :from) as audits,
					           count(*) filter (where completed_on < :from) as previous_audits
					    from audits group by template_code
					),
					themes as (
					    select f.template_code, f.theme_kind, f.theme_code, min(f.theme_text) as theme_text,
					           count(distinct f.audit_id) filter (where f.completed_on >= :from) as failed,
					           count(distinct f.audit_id) filter (where f.completed_on < :from) as previous_failed
					    from people_audit_failure f join audits a on a.audit_id = f.audit_id
					    group by f.template_code, f.theme_kind, f.theme_code
					)
					select t.template_code, t.theme_kind, t.theme_code, t.theme_text, t.failed, s.audits,
					       t.previous_failed, s.previous_audits
					from themes t join totals s on s.template_code = t.template_code
					where t.failed > 0
					order by t.failed desc, t.failed::float8 / s.audits desc, t.template_code, t.theme_kind desc, t.theme_code
					""")
			.param("unit", unitCode)
			.param("previousFrom", previous.startDate())
			.param("from", quarter.startDate())
			.param("to", quarter.endDate())
			.query(Row.class)
			.list();
		Map<String, List<Item>> items = new LinkedHashMap<>();
		for (Item item : items(unitCode)) {
			items
				.computeIfAbsent(item.templateCode() + "|" + item.themeKind() + "|" + item.themeCode(),
						(k) -> new ArrayList<>())
				.add(item);
		}
		return rows.stream()
			.map((r) -> new Need(r.templateCode(), r.themeKind(), r.themeCode(), r.themeText(), r.failed(), r.audits(),
					r.previousFailed(), r.previousAudits(),
					items.getOrDefault(r.templateCode() + "|" + r.themeKind() + "|" + r.themeCode(), List.of())))
			.toList();
	}

	/**
	 * The learning and development plan of the unit: its own items and those of the units
	 * above it (an LDU's course is for its teams too), soonest training first.
	 */
	@Transactional(readOnly = true)
	List<Item> items(String unitCode) {
		record Row(long itemId, String unitCode, String templateCode, String themeKind, String themeCode, String course,
				String audienceGrade, String[] audienceStaff, LocalDate trainingDate, String owner, String status,
				int version) {
		}
		LocalDate today = LocalDate.now(this.clock);
		return this.jdbc
			.sql("""
						select item_id, unit_code, template_code, theme_kind, theme_code, course, audience_grade, audience_staff,
						       training_date, owner, status, version
						from learning_plan_item
					where unit_code in (select ancestor_code from estate_unit_ancestry where unit_code = :unit)
					order by training_date, item_id
						""")
			.param("unit", unitCode)
			.query((rs, i) -> {
				java.sql.Array staff = rs.getArray("audience_staff");
				return new Row(rs.getLong("item_id"), rs.getString("unit_code"), rs.getString("template_code"),
						rs.getString("theme_kind"), rs.getString("theme_code"), rs.getString("course"),
						rs.getString("audience_grade"), (staff != null) ? (String[]) staff.getArray() : new String[0],
						rs.getObject("training_date", LocalDate.class), rs.getString("owner"), rs.getString("status"),
						rs.getInt("version"));
			})
			.list()
			.stream()
			.map((r) -> new Item(r.itemId(), r.unitCode(), r.templateCode(), r.themeKind(), r.themeCode(), r.course(),
					r.audienceGrade(), Arrays.asList(r.audienceStaff()), r.trainingDate(), r.owner(),
					Status.valueOf(r.status()), r.version(),
					r.trainingDate().isBefore(today) ? beforeAfter(r.unitCode(), r.templateCode(), r.themeKind(),
							r.themeCode(), r.trainingDate()) : null))
			.toList();
	}

	/**
	 * Audits of the theme's template in the unit completed in the three months before the
	 * training date, and in the three months after it (the day itself in neither).
	 */
	BeforeAfter beforeAfter(String unit, String template, String kind, String theme, LocalDate trainingDate) {
		return this.jdbc.sql("""
				with audits as (
				    select a.audit_id, a.completed_on < :day as before from people_completed_audit a
				    where a.template_code = :template
				      and a.team_code in (select unit_code from estate_unit_ancestry where ancestor_code = :unit)
				      and a.completed_on >= :from and a.completed_on <= :to and a.completed_on <> :day
				)
				select count(*) filter (where a.before) as audits_before,
				       count(*) filter (where a.before and f.audit_id is not null) as failed_before,
				       count(*) filter (where not a.before) as audits_after,
				       count(*) filter (where not a.before and f.audit_id is not null) as failed_after
				from audits a
				left join (select distinct audit_id from people_audit_failure
				           where template_code = :template and theme_kind = :kind and theme_code = :theme) f
				  on f.audit_id = a.audit_id
				""")
			.param("day", trainingDate)
			.param("from", trainingDate.minusMonths(BEFORE_AFTER_MONTHS))
			.param("to", trainingDate.plusMonths(BEFORE_AFTER_MONTHS))
			.param("template", template)
			.param("unit", unit)
			.param("kind", kind)
			.param("theme", theme)
			.query(BeforeAfter.class)
			.single();
	}

	Map<String, String> problems(ItemInput in) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (in.course() == null || in.course().isBlank()) {
			errors.put("course", "Enter the course or activity");
		}
		if (in.owner() == null || in.owner().isBlank()) {
			errors.put("owner", "Enter who owns the item");
		}
		if (in.trainingDate() == null) {
			errors.put("trainingDate", "Enter the date of the training, like 2 4 2024");
		}
		if (in.audienceGrade() != null && !in.audienceGrade().isBlank()) {
			try {
				org.probity.estate.Grade.valueOf(in.audienceGrade());
			}
			catch (IllegalArgumentException ex) {
				errors.put("audienceGrade", "Select a grade");
			}
		}
		if ((in.audienceGrade() == null || in.audienceGrade().isBlank()) && staffList(in.audienceStaff()).isEmpty()) {
			errors.put("audienceGrade", "Select a grade or list the staff codes of the audience");
		}
		for (String code : staffList(in.audienceStaff())) {
			if (code.length() != 7) {
				errors.put("audienceStaff", "Staff codes have 7 characters, like N54A001: " + code);
			}
		}
		if (status(in.status()) == null) {
			errors.put("status", "Select a status");
		}
		Integer theme = this.jdbc.sql("""
				select count(*) from people_audit_failure
				where template_code = :template and theme_kind = :kind and theme_code = :theme
				""")
			.param("template", String.valueOf(in.templateCode()))
			.param("kind", String.valueOf(in.themeKind()))
			.param("theme", String.valueOf(in.themeCode()))
			.query(Integer.class)
			.single();
		if (theme == 0) {
			errors.put("course", "No audit has found this theme wanting: choose it from the training needs analysis");
		}
		return errors;
	}

	@Transactional
	long add(ItemInput in, String username) {
		Map<String, String> errors = problems(in);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return this.jdbc
			.sql("""
					insert into learning_plan_item (unit_code, template_code, theme_kind, theme_code, course, audience_grade,
					    audience_staff, training_date, owner, status, created_by, created_at)
					values (:unit, :template, :kind, :theme, :course, :grade, :staff, :date, :owner, :status, :by, :at)
					returning item_id
					""")
			.param("unit", in.unitCode())
			.param("template", in.templateCode())
			.param("kind", in.themeKind())
			.param("theme", in.themeCode())
			.param("course", in.course().strip())
			.param("grade", (in.audienceGrade() == null || in.audienceGrade().isBlank()) ? null : in.audienceGrade(),
					java.sql.Types.VARCHAR)
			.param("staff", staffList(in.audienceStaff()).toArray(String[]::new))
			.param("date", in.trainingDate())
			.param("owner", in.owner().strip())
			.param("status", status(in.status()).name())
			.param("by", username)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	/** Moves an item on; refused when it changed since {@code version}. */
	@Transactional
	void changeStatus(long itemId, int version, String statusText) {
		Status status = status(statusText);
		if (status == null) {
			throw new InvalidInput(Map.of("status", "Select a status"));
		}
		int updated = this.jdbc.sql("""
				update learning_plan_item set status = :status, version = version + 1
				where item_id = :id and version = :version
				""").param("status", status.name()).param("id", itemId).param("version", version).update();
		if (updated != 1) {
			throw new StaleEdit("Someone else changed this item since you opened the page: reload it");
		}
	}

	@Transactional(readOnly = true)
	java.util.Optional<String> unitOfItem(long itemId) {
		return this.jdbc.sql("select unit_code from learning_plan_item where item_id = :id")
			.param("id", itemId)
			.query(String.class)
			.optional();
	}

	static List<String> staffList(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split("[,\\s]+"))
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.map((s) -> s.toUpperCase(java.util.Locale.UK))
			.distinct()
			.toList();
	}

	static Status status(String text) {
		for (Status s : Status.values()) {
			if (s.name().equalsIgnoreCase((text == null) ? "" : text.strip())) {
				return s;
			}
		}
		return null;
	}

}
