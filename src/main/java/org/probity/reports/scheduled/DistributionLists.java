package org.probity.reports.scheduled;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.estate.UnitType;
import org.probity.reports.archive.ReportKind;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives each scheduled report by email, and how: the PDF attached, or a link to
 * the report in Probity (for readers with an account). The monthly report to operational
 * managers has a list per LDU or team; the other kinds one list each. Subcontractors'
 * reports go to their contacts instead. Every addition and removal is recorded.
 */
@Service
public class DistributionLists {

	/** The kinds that have lists here. */
	public static final List<ReportKind> KINDS = List.of(ReportKind.WEEKLY_OPERATIONS, ReportKind.MONTHLY_UNIT,
			ReportKind.QUARTERLY_EXECUTIVE, ReportKind.COMMITTEE);

	public enum Delivery {

		PDF("PDF attached"), LINK("Link to the report");

		private final String words;

		Delivery(String words) {
			this.words = words;
		}

		public String words() {
			return this.words;
		}

	}

	/** A recipient; {@code unitCode} is null on a list of a kind without units. */
	public record Recipient(long id, ReportKind kind, String unitCode, String email, Delivery delivery, Instant addedAt,
			String addedBy) {
	}

	public record Change(Instant at, String by, ReportKind kind, String unitCode, String email, Delivery delivery,
			String change) {
	}

	/** A recipient that cannot be added or removed, with the reason fit to show. */
	public static class Refused extends RuntimeException {

		public Refused(String message) {
			super(message);
		}

	}

	private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

	private final JdbcClient jdbc;

	private final Estate estate;

	private final Clock clock;

	DistributionLists(JdbcClient jdbc, Estate estate, Clock clock) {
		this.jdbc = jdbc;
		this.estate = estate;
		this.clock = clock;
	}

	/** Every recipient, by kind, unit and address. */
	@Transactional(readOnly = true)
	public List<Recipient> all() {
		return this.jdbc.sql("""
				select entry_id, kind, unit_code, email, delivery, added_at, added_by from report_distribution
				order by kind, unit_code, email
				""").query((rs, n) -> recipient(rs)).list();
	}

	/** The recipients of a kind (and unit, for the monthly unit report). */
	@Transactional(readOnly = true)
	public List<Recipient> of(ReportKind kind, UnitCode unit) {
		return this.jdbc.sql("""
				select entry_id, kind, unit_code, email, delivery, added_at, added_by from report_distribution
				where kind = :kind and unit_code = :unit order by email
				""")
			.param("kind", kind.name())
			.param("unit", (unit != null && kind == ReportKind.MONTHLY_UNIT) ? unit.value() : "")
			.query((rs, n) -> recipient(rs))
			.list();
	}

	/** The units that have a list of the monthly unit report. */
	@Transactional(readOnly = true)
	public List<String> unitsWithRecipients() {
		return this.jdbc.sql("select distinct unit_code from report_distribution where kind = 'MONTHLY_UNIT'")
			.query(String.class)
			.list();
	}

	@Transactional
	public Recipient add(ReportKind kind, String unitCode, String email, Delivery delivery, String username) {
		if (kind == null || !KINDS.contains(kind)) {
			throw new Refused("Choose which report the recipient receives");
		}
		if (delivery == null) {
			throw new Refused("Choose how the report is sent: the PDF attached or a link");
		}
		String address = (email == null) ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (address.isEmpty() || address.length() > 254 || !EMAIL.matcher(address).matches()) {
			throw new Refused("Enter an email address in the correct format, like name@example.com");
		}
		String unit = "";
		if (kind == ReportKind.MONTHLY_UNIT) {
			String code = (unitCode == null) ? "" : unitCode.strip();
			Optional<Unit> u = UnitCode.isValid(code) ? this.estate.unit(new UnitCode(code)) : Optional.empty();
			if (u.isEmpty() || (u.get().type() != UnitType.LDU && u.get().type() != UnitType.TEAM)) {
				throw new Refused("Choose the LDU or team whose monthly report the recipient receives");
			}
			unit = code;
		}
		int added = this.jdbc.sql("""
				insert into report_distribution (kind, unit_code, email, delivery, added_at, added_by)
				values (:kind, :unit, :email, :delivery, :now, :by) on conflict do nothing
				""")
			.param("kind", kind.name())
			.param("unit", unit)
			.param("email", address)
			.param("delivery", delivery.name())
			.param("now", now())
			.param("by", username)
			.update();
		if (added == 0) {
			throw new Refused(address + " already receives this report");
		}
		record(username, kind, unit, address, delivery, "ADDED");
		return of(kind, unit.isEmpty() ? null : new UnitCode(unit)).stream()
			.filter((r) -> r.email().equals(address))
			.findFirst()
			.orElseThrow();
	}

	@Transactional
	public void remove(long id, String username) {
		Recipient r = this.jdbc.sql("""
				delete from report_distribution where entry_id = :id
				returning entry_id, kind, unit_code, email, delivery, added_at, added_by
				""").param("id", id).query((rs, n) -> recipient(rs)).optional().orElse(null);
		if (r == null) {
			throw new Refused("That recipient has already been removed");
		}
		record(username, r.kind(), (r.unitCode() == null) ? "" : r.unitCode(), r.email(), r.delivery(), "REMOVED");
	}

	/** Every change to the lists, newest first. */
	@Transactional(readOnly = true)
	public List<Change> history(int limit) {
		return this.jdbc.sql("""
				select changed_at, changed_by, kind, unit_code, email, delivery, change from report_distribution_change
				order by changed_at desc limit :limit
				""")
			.param("limit", limit)
			.query((rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2),
					ReportKind.valueOf(rs.getString(3)), rs.getString(4).isEmpty() ? null : rs.getString(4),
					rs.getString(5), Delivery.valueOf(rs.getString(6)), rs.getString(7)))
			.list();
	}

	private void record(String username, ReportKind kind, String unit, String email, Delivery delivery, String change) {
		this.jdbc
			.sql("""
					insert into report_distribution_change (changed_at, changed_by, kind, unit_code, email, delivery, change)
					values (:now, :by, :kind, :unit, :email, :delivery, :change)
					""")
			.param("now", now())
			.param("by", username)
			.param("kind", kind.name())
			.param("unit", unit)
			.param("email", email)
			.param("delivery", delivery.name())
			.param("change", change)
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static Recipient recipient(java.sql.ResultSet rs) throws java.sql.SQLException {
		String unit = rs.getString(3);
		return new Recipient(rs.getLong(1), ReportKind.valueOf(rs.getString(2)), unit.isEmpty() ? null : unit,
				rs.getString(4), Delivery.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), rs.getString(7));
	}

}
