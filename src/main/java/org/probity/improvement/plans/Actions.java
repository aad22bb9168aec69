package org.probity.improvement.plans;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.accounts.CurrentUser;
import org.probity.improvement.ActionSource;
import org.probity.improvement.PlanKind;
import org.probity.improvement.RaiseAction;
import org.probity.improvement.SourceKind;
import org.probity.shared.Clocks;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions: raised once per source, numbered within their plan or recommendation, changed
 * only by dated progress updates that are appended and never overwritten (optimistic
 * {@code version}: a stale update is refused and changes nothing).
 */
@Service
public class Actions {

	public record NewAction(Integer recNo, Integer actionNo, String description, String ownerRole, StaffCode ownerStaff,
			LocalDate targetDate, Recurrence recurrence, ActionSource source, UnitCode unit) {
	}

	public record Evidence(EvidenceKind kind, String ref) {
	}

	public record Progress(Integer version, String note, ActionStatus status, String reason, List<Evidence> evidence) {
	}

	public record Update(long updateId, Instant writtenAt, LocalDate writtenOn, String author, String note,
			ActionStatus statusFrom, ActionStatus statusTo, String reason, List<Evidence> evidence) {
	}

	static final String ACTION_SELECT = """
			select a.action_id, a.plan_id, a.rec_no, a.action_no, a.description, a.owner_role, a.owner_staff,
			       s.forename || ' ' || s.surname as owner_name, a.target_date, a.recurrence, a.status,
			       a.cancel_reason, a.source_kind, a.source_ref, a.unit_code, a.created_on, a.version,
			       array(select w.written_on from improvement_action_update w where w.action_id = a.action_id
			             order by w.written_on) as update_dates
			from improvement_action a join improvement_plan p on p.plan_id = a.plan_id
			left join estate_staff s on s.staff_code = a.owner_staff
			""";

	static final String ORDER = " order by a.plan_id, a.rec_no nulls last, a.action_no, a.action_id";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PlanScope scope;

	private final DueCache dueCache = new DueCache();

	Actions(JdbcClient jdbc, Clock clock, PlanScope scope) {
		this.scope = scope;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Raises the action on the plan once per source: the unique (kind, ref) index decides
	 * between two nodes, and a second call returns the first action's id.
	 */
	@Transactional
	public long raise(long planId, RaiseAction command) {
		return raise(planId, command, null);
	}

	/**
	 * Raises one action per part of a source (such as each failed standard of an audit).
	 */
	@Transactional
	public long raise(long planId, RaiseAction command, String part) {
		ActionSource source = command.source();
		if (source.ref() != null) {
			Optional<Long> existing = bySourceId(source, part);
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		Optional<Long> inserted = this.jdbc.sql("""
				insert into improvement_action (plan_id, action_no, description, owner_role, owner_staff, target_date,
				    source_kind, source_ref, source_part, unit_code, created_at, created_on, created_by)
				select :plan, coalesce(max(action_no), 0) + 1, :description, :role, :staff, :target, :kind, :ref,
				    :part, :unit, :now, :today, 'system'
				from improvement_action where plan_id = :plan and rec_no is null
				on conflict (source_kind, source_ref, (coalesce(source_part, ''))) where source_ref is not null
				do nothing
				returning action_id
				""")
			.param("plan", planId)
			.param("description", command.description().trim())
			.param("role", command.ownerRole().trim())
			.param("staff", (command.ownerStaff() != null) ? command.ownerStaff().value() : null)
			.param("target", command.targetDate())
			.param("kind", source.kind().name())
			.param("ref", source.ref())
			.param("part", part)
			.param("unit", command.unit().value())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("today", today())
			.query(Long.class)
			.optional();
		return inserted.orElseGet(() -> bySourceId(source, part).orElseThrow());
	}

	/**
	 * Adds an action entered by hand or imported (numbered next when no number is given).
	 */
	@Transactional
	public long add(long planId, NewAction action, String username) {
		if (action.description() == null || action.description().isBlank()) {
			throw new InvalidPlan("description", "Enter what the action is");
		}
		if (action.ownerRole() == null || action.ownerRole().isBlank()) {
			throw new InvalidPlan("owner", "Enter who owns the action");
		}
		if (action.targetDate() == null) {
			throw new InvalidPlan("target_date", "Enter the target date");
		}
		ActionSource source = (action.source() != null) ? action.source() : new ActionSource(SourceKind.MANUAL, null);
		return this.jdbc.sql("""
				insert into improvement_action (plan_id, rec_no, action_no, description, owner_role, owner_staff,
				    target_date, recurrence, source_kind, source_ref, unit_code, created_at, created_on, created_by)
				select :plan, cast(:rec as integer),
				    coalesce(cast(:no as integer), (select coalesce(max(action_no), 0) + 1 from improvement_action
				        where plan_id = :plan and rec_no is not distinct from cast(:rec as integer))),
				    :description, :role, :staff, :target, :recurrence, :kind, :ref,
				    coalesce(cast(:unit as text), p.unit_code), :now, :today, :by
				from improvement_plan p where p.plan_id = :plan
				returning action_id
				""")
			.param("plan", planId)
			.param("rec", action.recNo())
			.param("no", action.actionNo())
			.param("description", action.description().trim())
			.param("role", action.ownerRole().trim())
			.param("staff", (action.ownerStaff() != null) ? action.ownerStaff().value() : null)
			.param("target", action.targetDate())
			.param("recurrence", (action.recurrence() != null) ? action.recurrence().name() : null)
			.param("kind", source.kind().name())
			.param("ref", source.ref())
			.param("unit", (action.unit() != null) ? action.unit().value() : null)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("today", today())
			.param("by", username)
			.query(Long.class)
			.single();
	}

	/**
	 * Records a dated progress update: a note, optionally a status change (a cancellation
	 * needs its reason) and evidence. Refused with nothing changed when the version is
	 * not the current one.
	 */
	@Transactional
	public ActionView update(long actionId, Progress progress, CurrentUser user) {
		ActionView action = visible(actionId, user, today()).orElseThrow(() -> new NotFound("No action " + actionId));
		return apply(action, progress, user.getUsername(), this.clock.instant(), today());
	}

	/**
	 * Records a progress update written at a past time, checked as {@link #update} checks
	 * one written now: history carried over from before Probity, such as the demo
	 * provider's line managers' work on their audits' findings. It may not be dated after
	 * now, nor before the action's latest update, so that the history stays in the order
	 * it was written.
	 */
	@Transactional
	public ActionView recordPast(long actionId, Instant writtenAt, String author, Progress progress) {
		ActionView action = find(actionId, today()).orElseThrow(() -> new NotFound("No action " + actionId));
		if (writtenAt.isAfter(this.clock.instant())) {
			throw new InvalidPlan("written_at", "A past update cannot be dated after now");
		}
		LocalDate on = LocalDate.ofInstant(writtenAt, Clocks.LONDON);
		if (!action.updateDates().isEmpty() && on.isBefore(action.updateDates().get(action.updateDates().size() - 1))) {
			throw new InvalidPlan("written_at", "A past update cannot be dated before the action's latest update");
		}
		return apply(action, progress, author, writtenAt, on);
	}

	private ActionView apply(ActionView action, Progress progress, String author, Instant writtenAt,
			LocalDate writtenOn) {
		long actionId = action.actionId();
		if (progress.version() == null) {
			throw new InvalidPlan("version", "Give the version of the action you are updating");
		}
		if (progress.version() != action.version()) {
			throw new Stale("The action was updated by someone else since you opened it (version " + action.version()
					+ ", yours " + progress.version() + "): nothing was changed");
		}
		ActionStatus to = (progress.status() != null) ? progress.status() : action.status();
		String note = (progress.note() != null) ? progress.note().trim() : "";
		String reason = (progress.reason() != null && !progress.reason().isBlank()) ? progress.reason().trim() : null;
		if (!action.open() && to != action.status()) {
			throw new InvalidPlan("status",
					"The action is " + action.status().label().toLowerCase() + " and can no longer change status");
		}
		if (to == ActionStatus.NOT_STARTED && action.status() != ActionStatus.NOT_STARTED) {
			throw new InvalidPlan("status", "An action that has started cannot go back to not started");
		}
		if (to == ActionStatus.COMPLETE && action.recurrence() != null) {
			throw new InvalidPlan("status",
					"A recurring action is reviewed every period and never complete: record a review, or cancel it");
		}
		if (to == ActionStatus.CANCELLED && to != action.status() && reason == null) {
			throw new InvalidPlan("reason", "Enter why the action is cancelled");
		}
		if (note.isEmpty() && to == action.status()) {
			throw new InvalidPlan("note", "Enter a note on the progress made");
		}
		List<Evidence> evidence = (progress.evidence() != null) ? progress.evidence() : List.of();
		for (Evidence e : evidence) {
			if (e == null || e.kind() == null || e.ref() == null || e.ref().isBlank()) {
				throw new InvalidPlan("evidence", "Each piece of evidence needs a kind and a reference");
			}
		}
		int changed = this.jdbc.sql("""
				update improvement_action set status = :status, version = version + 1,
				    cancel_reason = case when :status = 'CANCELLED' then coalesce(cancel_reason, :reason) end
				where action_id = :id and version = :version
				""")
			.param("status", to.name())
			.param("reason", reason)
			.param("id", actionId)
			.param("version", progress.version())
			.update();
		if (changed == 0) {
			throw new Stale("The action was updated by someone else since you opened it: nothing was changed");
		}
		long updateId = this.jdbc.sql("""
				insert into improvement_action_update (action_id, written_at, written_on, author, note, status_from,
				    status_to, reason)
				values (:id, :at, :on, :author, :note, :from, :to, :reason) returning update_id
				""")
			.param("id", actionId)
			.param("at", Timestamp.from(writtenAt))
			.param("on", writtenOn)
			.param("author", author)
			.param("note", note)
			.param("from", action.status().name())
			.param("to", to.name())
			.param("reason", reason)
			.query(Long.class)
			.single();
		for (int i = 0; i < evidence.size(); i++) {
			this.jdbc
				.sql("""
						insert into improvement_evidence (update_id, position, kind, ref) values (:update, :position, :kind, :ref)
						""")
				.param("update", updateId)
				.param("position", i + 1)
				.param("kind", evidence.get(i).kind().name())
				.param("ref", evidence.get(i).ref().trim())
				.update();
		}
		return find(actionId, today()).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<ActionView> find(long actionId, LocalDate asOf) {
		return this.jdbc.sql(ACTION_SELECT + " where a.action_id = :id")
			.param("id", actionId)
			.query((rs, n) -> view(rs, asOf))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<ActionView> visible(long actionId, CurrentUser user, LocalDate asOf) {
		PlanScope.Filter scope = this.scope.actions(user);
		return this.jdbc.sql(ACTION_SELECT + " where a.action_id = :id and " + scope.sql())
			.params(scope.params())
			.param("id", actionId)
			.query((rs, n) -> view(rs, asOf))
			.optional()
			.map((a) -> this.scope.shown(user, "Action " + actionId, List.of(a)).get(0));
	}

	/** Every action of the plans, by plan. */
	@Transactional(readOnly = true)
	public Map<Long, List<ActionView>> ofPlans(List<Long> planIds, LocalDate asOf) {
		Map<Long, List<ActionView>> byPlan = new LinkedHashMap<>();
		if (planIds.isEmpty()) {
			return byPlan;
		}
		this.jdbc.sql(ACTION_SELECT + " where a.plan_id in (:plans)" + ORDER)
			.param("plans", planIds)
			.query((rs, n) -> view(rs, asOf))
			.list()
			.forEach((a) -> byPlan.computeIfAbsent(a.planId(), (k) -> new ArrayList<>()).add(a));
		return byPlan;
	}

	@Transactional(readOnly = true)
	public List<ActionView> ofPlan(long planId, LocalDate asOf) {
		return ofPlans(List.of(planId), asOf).getOrDefault(planId, List.of());
	}

	/** The actions of a plan that the user may see. */
	@Transactional(readOnly = true)
	public List<ActionView> ofPlanFor(long planId, CurrentUser user, LocalDate asOf) {
		PlanScope.Filter scope = this.scope.actions(user);
		return this.scope.shown(user, "Actions of plan " + planId,
				this.jdbc.sql(ACTION_SELECT + " where a.plan_id = :plan and " + scope.sql() + ORDER)
					.params(scope.params())
					.param("plan", planId)
					.query((rs, n) -> view(rs, asOf))
					.list());
	}

	/**
	 * The actions the user may see, of one source kind or all, with their RAG as of a
	 * date.
	 */
	@Transactional(readOnly = true)
	public List<ActionView> visibleTo(CurrentUser user, SourceKind source, LocalDate asOf) {
		PlanScope.Filter scope = this.scope.actions(user);
		return this.scope.shown(user, "Actions", this.jdbc
			.sql(ACTION_SELECT + " where (cast(:source as text) is null or a.source_kind = cast(:source as text)) and "
					+ scope.sql() + ORDER)
			.params(scope.params())
			.param("source", (source != null) ? source.name() : null)
			.query((rs, n) -> view(rs, asOf))
			.list());
	}

	/**
	 * How many open actions the user may see are overdue and due soon, and the first few.
	 */
	public record Due(long red, long amber, List<ActionView> first) {

		/** Nothing overdue or due soon. */
		public boolean empty() {
			return this.red == 0 && this.amber == 0;
		}

	}

	/**
	 * The open actions the user may see that are RED or AMBER as of the date: counted in
	 * the database, and the first {@code listed} of them (red first, then by the date
	 * that makes them so, then in plan order) read whole. A one-off action, and a
	 * recurring one before its target date, is red or amber by its target date alone,
	 * which SQL compares; only recurring actions past their target date, whose RAG
	 * depends on their updates, are read and judged by {@link Rag}. Counts and list are
	 * kept on this node until an action, update or plan changes ({@link DueCache}). Only
	 * the listed actions are shown, so only they are logged, on every call.
	 */
	@Transactional(readOnly = true)
	public Due due(CurrentUser user, LocalDate asOf, int listed) {
		PlanScope.Filter scope = this.scope.actions(user);
		long version = this.jdbc.sql("select last_value from improvement_change").query(Long.class).single();
		Due due = this.dueCache.get(DueCache.Key.of(scope, asOf, listed), version, () -> count(scope, asOf, listed));
		return new Due(due.red(), due.amber(), this.scope.shown(user, "Actions", due.first()));
	}

	/** {@link #due}, counted and read now; the actions listed before the user's view. */
	private Due count(PlanScope.Filter scope, LocalDate asOf, int listed) {
		String open = " where a.status in ('NOT_STARTED', 'IN_PROGRESS') and " + scope.sql();
		// bounded by the due-soon date, so that the index of open actions by target date
		// (improvement_action_due) reads only the red and amber ones, and without the
		// plan
		// when the scope does not ask for it, so that the count reads that index only: on
		// every home page, at national scale (69,250 open actions)
		String byTarget = open + " and (a.recurrence is null or a.target_date > :as_of) and a.target_date <= :soon";
		LocalDate soon = asOf.plusDays(Rag.DUE_SOON_DAYS);
		long[] counts = this.jdbc.sql("""
				select count(*) filter (where a.target_date < :as_of), count(*) filter (where a.target_date >= :as_of)
				from improvement_action a
				""" + (scope.everything() ? "" : " join improvement_plan p on p.plan_id = a.plan_id") + byTarget)
			.params(scope.params())
			.param("as_of", asOf)
			.param("soon", soon)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		List<ActionView> candidates = new ArrayList<>(this.jdbc.sql(ACTION_SELECT + byTarget + """
				 order by a.target_date, a.plan_id, a.rec_no, a.action_no, a.action_id
				limit :listed
				""")
			.params(scope.params())
			.param("as_of", asOf)
			.param("soon", soon)
			.param("listed", listed)
			.query((rs, n) -> view(rs, asOf))
			.list());
		long red = counts[0];
		long amber = counts[1];
		for (ActionView a : this.jdbc
			.sql(ACTION_SELECT + open + " and a.recurrence is not null and a.target_date <= :as_of")
			.params(scope.params())
			.param("as_of", asOf)
			.query((rs, n) -> view(rs, asOf))
			.list()) {
			if (a.rag() == Rag.RED) {
				red++;
			}
			else if (a.rag() == Rag.AMBER) {
				amber++;
			}
			if (a.rag() != Rag.GREEN) {
				candidates.add(a);
			}
		}
		List<ActionView> first = candidates.stream()
			.sorted(Comparator.comparing((ActionView a) -> a.rag() != Rag.RED)
				.thenComparing(ActionView::ragDate)
				.thenComparing(ActionView::planId)
				.thenComparing(ActionView::recNo, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(ActionView::actionNo)
				.thenComparing(ActionView::actionId))
			.limit(listed)
			.toList();
		return new Due(red, amber, first);
	}

	/**
	 * The open actions of live plans whose named owner is the member of staff, or raised
	 * from a completed audit (AUDIT_FINDING, ALERT) of a case they held, by target date.
	 */
	@Transactional(readOnly = true)
	public List<ActionView> openFor(String staffCode, LocalDate asOf) {
		return this.jdbc
			.sql(ACTION_SELECT
					+ """
							where a.status in ('NOT_STARTED', 'IN_PROGRESS') and p.archived_at is null
							  and (a.owner_staff = :staff
							       or (a.source_kind in ('AUDIT_FINDING', 'ALERT') and a.source_ref in (
							           select cast(ca.audit_id as text) from people_completed_audit ca where ca.staff_code = :staff)))
							order by a.target_date, a.action_id
							""")
			.param("staff", staffCode)
			.query((rs, n) -> view(rs, asOf))
			.list();
	}

	/**
	 * The open actions of archived and live plans alike that are RED as of the date. Only
	 * an action whose target date is on or before the date can be RED ({@link Rag}), so
	 * only those are read (the index of open actions by target date) and judged.
	 */
	@Transactional(readOnly = true)
	public List<ActionView> openRed(LocalDate asOf) {
		return this.jdbc
			.sql(ACTION_SELECT + " where a.status in ('NOT_STARTED', 'IN_PROGRESS') and a.target_date <= :as_of"
					+ ORDER)
			.param("as_of", asOf)
			.query((rs, n) -> view(rs, asOf))
			.list()
			.stream()
			.filter((a) -> a.rag() == Rag.RED)
			.toList();
	}

	/** The same, as the user may see them (the committee report). */
	@Transactional(readOnly = true)
	public List<ActionView> openRed(LocalDate asOf, CurrentUser user) {
		return this.scope.shown(user, "Committee report", openRed(asOf));
	}

	/** The open actions of the live plans of a kind for the units, in plan order. */
	@Transactional(readOnly = true)
	public List<ActionView> openOnPlansOf(PlanKind kind, java.util.Collection<String> units, LocalDate asOf) {
		return this.jdbc.sql(ACTION_SELECT + """
				 where a.status in ('NOT_STARTED', 'IN_PROGRESS') and p.archived_at is null and p.kind = :kind
				   and p.unit_code = any (cast(:units as text[]))
				""" + ORDER)
			.param("kind", kind.name())
			.param("units", units.toArray(String[]::new), java.sql.Types.ARRAY)
			.query((rs, n) -> view(rs, asOf))
			.list();
	}

	/** Every open action, for reminders. */
	@Transactional(readOnly = true)
	public List<ActionView> open(LocalDate asOf) {
		return this.jdbc.sql(ACTION_SELECT + " where a.status in ('NOT_STARTED', 'IN_PROGRESS')" + ORDER)
			.query((rs, n) -> view(rs, asOf))
			.list();
	}

	/** The action's history, oldest first, never overwritten. */
	@Transactional(readOnly = true)
	public List<Update> history(long actionId) {
		Map<Long, List<Evidence>> evidence = new LinkedHashMap<>();
		this.jdbc.sql("""
				select e.update_id, e.kind, e.ref from improvement_evidence e
				join improvement_action_update w on w.update_id = e.update_id
				where w.action_id = :id order by e.update_id, e.position
				""").param("id", actionId).query((rs) -> {
			evidence.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new Evidence(EvidenceKind.valueOf(rs.getString(2)), rs.getString(3)));
		});
		return this.jdbc.sql("""
				select update_id, written_at, written_on, author, note, status_from, status_to, reason
				from improvement_action_update where action_id = :id order by written_at, update_id
				""")
			.param("id", actionId)
			.query((rs, n) -> new Update(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
					ActionStatus.valueOf(rs.getString(6)), ActionStatus.valueOf(rs.getString(7)), rs.getString(8),
					evidence.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	/**
	 * The latest update written on or before the date of each of the actions that has
	 * one, as the last of its {@link #history} so dated: read for all of them at once
	 * (the committee report's red actions, thousands at national scale).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Update> latestUpdates(java.util.Collection<Long> actionIds, LocalDate asOf) {
		Map<Long, Update> latest = new java.util.HashMap<>();
		if (actionIds.isEmpty()) {
			return latest;
		}
		Long[] ids = actionIds.toArray(Long[]::new);
		Map<Long, List<Evidence>> evidence = new LinkedHashMap<>();
		this.jdbc.sql("""
				select e.update_id, e.kind, e.ref from improvement_evidence e
				where e.update_id in (select distinct on (w.action_id) w.update_id from improvement_action_update w
				                      where w.action_id = any (:ids) and w.written_on <= :as_of
				                      order by w.action_id, w.written_at desc, w.update_id desc)
				order by e.update_id, e.position
				""").param("ids", ids).param("as_of", asOf).query((rs) -> {
			evidence.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new Evidence(EvidenceKind.valueOf(rs.getString(2)), rs.getString(3)));
		});
		this.jdbc.sql("""
				select distinct on (action_id) action_id, update_id, written_at, written_on, author, note, status_from,
				       status_to, reason
				from improvement_action_update where action_id = any (:ids) and written_on <= :as_of
				order by action_id, written_at desc, update_id desc
				""").param("ids", ids).param("as_of", asOf).query((rs) -> {
			latest.put(rs.getLong(1),
					new Update(rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getObject(4, LocalDate.class),
							rs.getString(5), rs.getString(6), ActionStatus.valueOf(rs.getString(7)),
							ActionStatus.valueOf(rs.getString(8)), rs.getString(9),
							evidence.getOrDefault(rs.getLong(2), List.of())));
		});
		return latest;
	}

	private Optional<Long> bySourceId(ActionSource source, String part) {
		return this.jdbc.sql("""
				select action_id from improvement_action
				where source_kind = :kind and source_ref = :ref and coalesce(source_part, '') = :part
				""")
			.param("kind", source.kind().name())
			.param("ref", source.ref())
			.param("part", (part != null) ? part : "")
			.query(Long.class)
			.optional();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	static ActionView view(ResultSet rs, LocalDate asOf) throws SQLException {
		ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
		LocalDate target = rs.getObject("target_date", LocalDate.class);
		String recurrenceName = rs.getString("recurrence");
		Recurrence recurrence = (recurrenceName != null) ? Recurrence.valueOf(recurrenceName) : null;
		LocalDate createdOn = rs.getObject("created_on", LocalDate.class);
		List<LocalDate> updates = new ArrayList<>();
		Array array = rs.getArray("update_dates");
		if (array != null) {
			for (Object d : (Object[]) array.getArray()) {
				updates.add((d instanceof java.sql.Date date) ? date.toLocalDate() : (LocalDate) d);
			}
		}
		int recNo = rs.getInt("rec_no");
		Integer rec = rs.wasNull() ? null : recNo;
		return new ActionView(rs.getLong("action_id"), rs.getLong("plan_id"), rec, rs.getInt("action_no"),
				rs.getString("description"), rs.getString("owner_role"), rs.getString("owner_staff"),
				rs.getString("owner_name"), target, recurrence, status, rs.getString("cancel_reason"),
				SourceKind.valueOf(rs.getString("source_kind")), rs.getString("source_ref"), rs.getString("unit_code"),
				createdOn, rs.getInt("version"), List.copyOf(updates), asOf,
				Rag.of(status, target, recurrence, createdOn, updates, asOf));
	}

}
