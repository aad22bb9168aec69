package org.probity.reports.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.estate.Visibility;
import org.probity.reports.archive.ReportArchive;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportRefused;
import org.probity.reports.archive.StoredReport;
import org.probity.shared.Crn;
import org.probity.shared.UnitCode;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read which archived report, and what of its frozen content they see. The
 * quality team, administrators and API clients read every report; a senior manager every
 * report of a provider or of a unit they see; a line manager the monthly report of their
 * own units. Case rows in the content (any JSON object with a {@code crn}, held by its
 * {@code team_code} and {@code staff_code}) are shown as the visibility rule says: out of
 * scope left out, a restricted case the reader may not open reduced to its CRN and
 * {@code "restricted": true}. Each opening is written to the case access log.
 */
@Component
class ReportReading {

	/** A report as one reader may see it: its content redacted for them. */
	record Read(StoredReport report, List<String> opened, List<String> refused) {
	}

	private final ReportArchive archive;

	private final Visibility visibility;

	private final Estate estate;

	private final JsonMapper json;

	ReportReading(ReportArchive archive, Visibility visibility, Estate estate, JsonMapper json) {
		this.archive = archive;
		this.visibility = visibility;
		this.estate = estate;
		this.json = json;
	}

	/** The kinds the user may read at all (empty: none). */
	static Set<ReportKind> kindsFor(CurrentUser user) {
		return switch (user.role()) {
			case ADMIN, QUALITY_TEAM, SENIOR_MANAGER, API_CLIENT -> EnumSet.allOf(ReportKind.class);
			case LINE_MANAGER -> EnumSet.of(ReportKind.MONTHLY_UNIT);
			default -> EnumSet.noneOf(ReportKind.class);
		};
	}

	/** The units whose reports the user may read (null: every unit). */
	@Transactional(readOnly = true)
	Set<String> unitsFor(CurrentUser user) {
		if (user.role() == Role.ADMIN || user.role() == Role.QUALITY_TEAM || user.role() == Role.API_CLIENT
				|| this.visibility.seesEveryUnit(user)) {
			return null;
		}
		Set<String> units = new HashSet<>(this.visibility.visibleUnits(user));
		if (user.role() == Role.SENIOR_MANAGER) {
			this.estate.units()
				.stream()
				.filter((u) -> u.parentCode() == null)
				.map((u) -> u.code().value())
				.forEach(units::add);
		}
		return units;
	}

	boolean mayRead(CurrentUser user, StoredReport report) {
		if (!kindsFor(user).contains(report.kind())) {
			return false;
		}
		Set<String> units = unitsFor(user);
		return units == null || units.contains(report.unit().value());
	}

	/**
	 * The report for this reader, redacted, with the access log written ({@code what}
	 * says what showed it: page, PDF, API).
	 * @throws ReportRefused NOT_FOUND when there is none
	 * @throws AccessDeniedException when the user may not read it
	 */
	@Transactional(readOnly = true)
	Read open(long id, CurrentUser user, String what) {
		StoredReport report = this.archive.find(id)
			.orElseThrow(() -> new ReportRefused(ReportRefused.Kind.NOT_FOUND, "There is no report " + id));
		if (!mayRead(user, report)) {
			throw new AccessDeniedException("You may not read this report");
		}
		Read read = redacted(report, user);
		this.visibility.logCases(user, what + ": " + report.title() + " (report " + id + ")",
				read.opened().stream().map(Crn::new).toList(), read.refused().stream().map(Crn::new).toList());
		return read;
	}

	Read redacted(StoredReport report, CurrentUser user) {
		JsonNode root = this.json.readTree(report.content());
		List<ObjectNode> rows = new ArrayList<>();
		collect(root, rows);
		if (rows.isEmpty()) {
			return new Read(report, List.of(), List.of());
		}
		List<Visibility.Shown<ObjectNode>> shown = this.visibility.filter(user, rows,
				(n) -> Visibility.Holding.of(text(n, "crn"), text(n, "team_code"), text(n, "staff_code")));
		Set<ObjectNode> kept = Collections.newSetFromMap(new IdentityHashMap<>());
		List<String> opened = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (Visibility.Shown<ObjectNode> s : shown) {
			ObjectNode node = s.row();
			kept.add(node);
			String crn = text(node, "crn");
			if (s.restricted()) {
				String team = text(node, "team_code");
				node.removeAll();
				node.put("crn", crn);
				if (team != null) {
					node.put("team_code", team);
				}
				node.put("restricted", true);
				refused.add(crn);
			}
			else {
				opened.add(crn);
			}
		}
		prune(root, kept);
		StoredReport copy = new StoredReport(report.id(), report.kind(), report.period(), report.unit(), report.issue(),
				report.status(), report.version(), report.title(), report.dueOn(), this.json.writeValueAsString(root),
				report.reissueReason(), report.createdAt(), report.createdBy(), report.submittedAt(),
				report.submittedBy(), report.approvedAt(), report.approvedBy());
		return new Read(copy, opened, refused);
	}

	/** The unit's name, or its code when the estate no longer has it. */
	String unitName(UnitCode code) {
		return this.estate.unit(code).map(Unit::name).orElse(code.value());
	}

	private static void collect(JsonNode node, List<ObjectNode> rows) {
		if (node instanceof ObjectNode object) {
			JsonNode crn = object.get("crn");
			if (crn != null && crn.isString()) {
				rows.add(object);
				return;
			}
		}
		if (node.isContainer()) {
			for (JsonNode child : node.values()) {
				collect(child, rows);
			}
		}
	}

	private static void prune(JsonNode node, Set<ObjectNode> kept) {
		if (node instanceof ArrayNode array) {
			for (int i = array.size() - 1; i >= 0; i--) {
				JsonNode child = array.get(i);
				if (child instanceof ObjectNode object && isRow(object) && !kept.contains(object)) {
					array.remove(i);
				}
			}
		}
		if (node.isContainer()) {
			for (JsonNode child : node.values()) {
				if (!(child instanceof ObjectNode object && isRow(object))) {
					prune(child, kept);
				}
			}
		}
	}

	private static boolean isRow(ObjectNode node) {
		JsonNode crn = node.get("crn");
		return crn != null && crn.isString();
	}

	private static String text(ObjectNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
