package org.probity.feedback;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings of councils, forums and focus groups with their themes, and the actions raised
 * from a meeting or a survey round (source SURVEY, the meeting or round as reference),
 * each raised once.
 */
@Service
public class Meetings {

	private static final String SELECT = """
			select m.meeting_id, m.held_on, m.unit_code, u.unit_name, m.kind, m.title, m.attendance,
			       array(select t.theme_code from meeting_theme t where t.meeting_id = m.meeting_id order by 1) as themes,
			       m.notes
			from feedback_meeting m left join estate_unit u on u.unit_code = m.unit_code
			""";

	public record RaisedAction(String sourceKind, long sourceId, String description, Long actionId, String raisedBy,
			LocalDate raisedOn) {
	}

	private final JdbcClient jdbc;

	private final FeedbackActions actions;

	private final Clock clock;

	Meetings(JdbcClient jdbc, FeedbackActions actions, Clock clock) {
		this.jdbc = jdbc;
		this.actions = actions;
		this.clock = clock;
	}

	/** The theme list, code to label. */
	@Transactional(readOnly = true)
	public Map<String, String> themes() {
		Map<String, String> themes = new LinkedHashMap<>();
		this.jdbc.sql("select code, label from feedback_theme order by label").query((rs) -> {
			themes.put(rs.getString(1), rs.getString(2));
		});
		return themes;
	}

	@Transactional
	public Meeting record(NewMeeting meeting, String username) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (meeting.heldOn() == null) {
			errors.put("held_on", "Enter the date of the meeting");
		}
		if (meeting.unitCode() == null || this.jdbc.sql("select count(*) from estate_unit where unit_code = :u")
			.param("u", meeting.unitCode())
			.query(Long.class)
			.single() == 0) {
			errors.put("unit", "Choose the unit the meeting was for");
		}
		if (!NewMeeting.KINDS.contains(meeting.kind())) {
			errors.put("kind", "Choose the kind of meeting");
		}
		if (meeting.title() == null || meeting.title().isBlank()) {
			errors.put("title", "Enter a title");
		}
		if (meeting.attendance() < 0) {
			errors.put("attendance", "Attendance cannot be negative");
		}
		Map<String, String> themes = themes();
		List<String> chosen = (meeting.themes() != null) ? meeting.themes().stream().distinct().toList() : List.of();
		if (!themes.keySet().containsAll(chosen)) {
			errors.put("themes", "Choose themes from the list");
		}
		if (!errors.isEmpty()) {
			throw new InvalidFeedback(errors);
		}
		long id = this.jdbc.sql("""
				insert into feedback_meeting (held_on, unit_code, kind, title, attendance, notes, recorded_by)
				values (:on, :unit, :kind, :title, :attendance, :notes, :by) returning meeting_id
				""")
			.param("on", meeting.heldOn())
			.param("unit", meeting.unitCode())
			.param("kind", meeting.kind())
			.param("title", meeting.title().strip())
			.param("attendance", meeting.attendance())
			.param("notes", meeting.notes(), java.sql.Types.VARCHAR)
			.param("by", username)
			.query(Long.class)
			.single();
		for (String theme : chosen) {
			this.jdbc.sql("insert into meeting_theme (meeting_id, theme_code) values (:id, :theme)")
				.param("id", id)
				.param("theme", theme)
				.update();
		}
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Meeting> find(long id) {
		return this.jdbc.sql(SELECT + " where m.meeting_id = :id").param("id", id).query(Meetings::meeting).optional();
	}

	/** Meetings of units at or below the unit (every one when null), newest first. */
	@Transactional(readOnly = true)
	public List<Meeting> meetings(String underUnit) {
		return this.jdbc.sql(SELECT + """
				where cast(:unit as text) is null
				   or m.unit_code in (select a.unit_code from estate_unit_ancestry a where a.ancestor_code = :unit)
				order by m.held_on desc, m.meeting_id desc
				""").param("unit", underUnit, java.sql.Types.VARCHAR).query(Meetings::meeting).list();
	}

	/**
	 * Raises an action in the unit's plan from a survey round or a meeting (source
	 * SURVEY, the round or meeting as reference). The same description from the same
	 * source is raised once.
	 */
	@Transactional
	public RaisedAction raiseAction(String sourceKind, long sourceId, UnitCode unit, ActionPlanKind plan,
			String description, LocalDate targetDate, String username) {
		if (!"ROUND".equals(sourceKind) && !"MEETING".equals(sourceKind)) {
			throw new InvalidFeedback("source", "An action is raised from a round or a meeting");
		}
		if (description == null || description.isBlank()) {
			throw new InvalidFeedback("description", "Describe the action");
		}
		if (targetDate == null) {
			throw new InvalidFeedback("target_date", "Enter the date the action should be done by");
		}
		String text = description.strip();
		int inserted = this.jdbc.sql("""
				insert into feedback_action (source_kind, source_id, description, raised_by, raised_on)
				values (:kind, :id, :text, :by, :on) on conflict do nothing
				""")
			.param("kind", sourceKind)
			.param("id", sourceId)
			.param("text", text)
			.param("by", username)
			.param("on", LocalDate.now(this.clock))
			.update();
		if (inserted > 0) {
			// one action per source and description: the description is part of the
			// reference
			String ref = ("ROUND".equals(sourceKind) ? "survey-round:" : "meeting:") + sourceId + ":" + text;
			this.actions.raise(plan, unit, FeedbackActions.SourceKind.SURVEY, ref, text, "Senior manager", targetDate)
				.ifPresent((action) -> this.jdbc.sql("""
						update feedback_action set action_id = :action
						where source_kind = :kind and source_id = :id and description = :text
						""")
					.param("action", action)
					.param("kind", sourceKind)
					.param("id", sourceId)
					.param("text", text)
					.update());
		}
		return actionsOf(sourceKind, sourceId).stream()
			.filter((a) -> a.description().equals(text))
			.findFirst()
			.orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<RaisedAction> actionsOf(String sourceKind, long sourceId) {
		return this.jdbc.sql("""
				select source_kind, source_id, description, action_id, raised_by, raised_on from feedback_action
				where source_kind = :kind and source_id = :id order by raised_on, description
				""").param("kind", sourceKind).param("id", sourceId).query(RaisedAction.class).list();
	}

	private static Meeting meeting(ResultSet rs, int row) throws SQLException {
		Array themes = rs.getArray("themes");
		return new Meeting(rs.getLong("meeting_id"), rs.getObject("held_on", LocalDate.class),
				new UnitCode(rs.getString("unit_code")), rs.getString("unit_name"), rs.getString("kind"),
				rs.getString("title"), rs.getInt("attendance"),
				(themes != null) ? Arrays.asList((String[]) themes.getArray()) : List.of(), rs.getString("notes"));
	}

}
