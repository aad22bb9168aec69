package org.probity.reports.supplychain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.estate.UnitType;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supply chain: subcontractors, the contacts who receive their monthly report, and
 * the delivery units (teams or LDUs) they run, each run by one subcontractor at most.
 * Every change is recorded in {@code report_subcontractor_change}; a stale edit is
 * refused.
 */
@Service
public class Subcontractors {

	/** A subcontractor with its contacts' emails and its delivery units, by code. */
	public record Subcontractor(long id, String name, List<String> contacts, List<UnitCode> units, int version) {

		/** The contacts one per line, as the form shows them. */
		public String contactLines() {
			return String.join("\n", this.contacts);
		}

	}

	public record Change(Instant at, String by, String name, String change, String detail) {
	}

	/** A change that cannot be made: {@code stale} when someone else changed it first. */
	public static class Refused extends RuntimeException {

		private final boolean stale;

		Refused(String message, boolean stale) {
			super(message);
			this.stale = stale;
		}

		public boolean stale() {
			return this.stale;
		}

	}

	static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

	private final JdbcClient jdbc;

	private final Estate estate;

	private final Clock clock;

	Subcontractors(JdbcClient jdbc, Estate estate, Clock clock) {
		this.jdbc = jdbc;
		this.estate = estate;
		this.clock = clock;
	}

	/** Every subcontractor, by name. */
	@Transactional(readOnly = true)
	public List<Subcontractor> all() {
		Map<Long, List<UnitCode>> units = new TreeMap<>();
		this.jdbc.sql("select subcontractor_id, unit_code from report_subcontractor_unit order by unit_code")
			.query((rs) -> {
				units.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(new UnitCode(rs.getString(2)));
			});
		return this.jdbc.sql("select subcontractor_id, name, contacts, version from report_subcontractor order by name")
			.query((rs, n) -> new Subcontractor(rs.getLong(1), rs.getString(2),
					List.of((String[]) rs.getArray(3).getArray()), units.getOrDefault(rs.getLong(1), List.of()),
					rs.getInt(4)))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Subcontractor> find(long id) {
		return all().stream().filter((s) -> s.id() == id).findFirst();
	}

	/** The subcontractor running the unit, if one does. */
	@Transactional(readOnly = true)
	public Optional<Subcontractor> ofUnit(UnitCode unit) {
		return all().stream().filter((s) -> s.units().contains(unit)).findFirst();
	}

	/**
	 * Reads contacts typed one per line or separated by commas or semicolons.
	 * @throws Refused naming the first address that is not one
	 */
	public static List<String> contacts(String text) {
		Set<String> addresses = new LinkedHashSet<>();
		for (String part : ((text == null) ? "" : text).split("[,;\\s]+")) {
			String address = part.strip().toLowerCase(java.util.Locale.ROOT);
			if (address.isEmpty()) {
				continue;
			}
			if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
				throw new Refused("Enter each contact as an email address, like name@example.org: '"
						+ ((part.length() > 60) ? part.substring(0, 60) + "..." : part.strip()) + "' is not one",
						false);
			}
			addresses.add(address);
		}
		if (addresses.isEmpty()) {
			throw new Refused("Enter at least one contact's email address", false);
		}
		if (addresses.size() > 20) {
			throw new Refused("Enter at most 20 contacts", false);
		}
		return List.copyOf(addresses);
	}

	@Transactional
	public Subcontractor create(String name, List<String> contacts, String username) {
		String clean = name(name);
		Integer taken = this.jdbc.sql("select count(*) from report_subcontractor where lower(name) = lower(:name)")
			.param("name", clean)
			.query(Integer.class)
			.single();
		if (taken > 0) {
			throw new Refused("There is already a subcontractor called " + clean, false);
		}
		long id = this.jdbc.sql("""
				insert into report_subcontractor (name, contacts, updated_at, updated_by)
				values (:name, :contacts, :now, :by) returning subcontractor_id
				""")
			.param("name", clean)
			.param("contacts", contacts.toArray(String[]::new))
			.param("now", now())
			.param("by", username)
			.query(Long.class)
			.single();
		record(id, clean, username, "CREATED", "Contacts: " + String.join(", ", contacts));
		return find(id).orElseThrow();
	}

	@Transactional
	public Subcontractor changeContacts(long id, int version, List<String> contacts, String username) {
		Subcontractor s = require(id);
		int changed = this.jdbc.sql("""
				update report_subcontractor set contacts = :contacts, version = version + 1, updated_at = :now,
				       updated_by = :by
				where subcontractor_id = :id and version = :version
				""")
			.param("contacts", contacts.toArray(String[]::new))
			.param("now", now())
			.param("by", username)
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw stale();
		}
		record(id, s.name(), username, "CONTACTS",
				String.join(", ", s.contacts()) + " to " + String.join(", ", contacts));
		return require(id);
	}

	/** Marks a team or LDU as one of the subcontractor's delivery units. */
	@Transactional
	public Subcontractor addUnit(long id, int version, UnitCode unit, String username) {
		Subcontractor s = require(id);
		Unit u = this.estate.unit(unit).orElseThrow(() -> new Refused("There is no unit " + unit, false));
		if (u.type() != UnitType.TEAM && u.type() != UnitType.LDU) {
			throw new Refused(
					"A delivery unit is a team or a local delivery unit, not a " + u.type().label().toLowerCase(),
					false);
		}
		Optional<Subcontractor> holder = ofUnit(unit);
		if (holder.isPresent()) {
			throw new Refused(u.name() + " is already a delivery unit of " + holder.get().name(), false);
		}
		bump(id, version, username);
		this.jdbc.sql("insert into report_subcontractor_unit (unit_code, subcontractor_id) values (:unit, :id)")
			.param("unit", unit.value())
			.param("id", id)
			.update();
		record(id, s.name(), username, "UNIT_ADDED", u.name() + " (" + unit + ")");
		return require(id);
	}

	@Transactional
	public Subcontractor removeUnit(long id, int version, UnitCode unit, String username) {
		Subcontractor s = require(id);
		if (!s.units().contains(unit)) {
			throw new Refused(unit + " is not a delivery unit of " + s.name(), false);
		}
		long held = this.jdbc.sql("select count(*) from obligation where delivery_unit = :unit")
			.param("unit", unit.value())
			.query(Long.class)
			.single();
		if (held > 0) {
			throw new Refused(unit + " holds " + held + ((held == 1) ? " contract obligation" : " contract obligations")
					+ " of " + s.name() + ": change the obligations' delivery unit on the register first", false);
		}
		bump(id, version, username);
		this.jdbc.sql("delete from report_subcontractor_unit where unit_code = :unit and subcontractor_id = :id")
			.param("unit", unit.value())
			.param("id", id)
			.update();
		String name = this.estate.unit(unit).map(Unit::name).orElse(unit.value());
		record(id, s.name(), username, "UNIT_REMOVED", name + " (" + unit + ")");
		return require(id);
	}

	/** Every change, newest first. */
	@Transactional(readOnly = true)
	public List<Change> history(int limit) {
		return this.jdbc.sql("""
				select changed_at, changed_by, name, change, detail from report_subcontractor_change
				order by changed_at desc limit :limit
				""")
			.param("limit", limit)
			.query((rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	private void bump(long id, int version, String username) {
		int changed = this.jdbc.sql("""
				update report_subcontractor set version = version + 1, updated_at = :now, updated_by = :by
				where subcontractor_id = :id and version = :version
				""").param("now", now()).param("by", username).param("id", id).param("version", version).update();
		if (changed == 0) {
			throw stale();
		}
	}

	private Subcontractor require(long id) {
		return find(id).orElseThrow(() -> new Refused("There is no subcontractor " + id, false));
	}

	private static String name(String name) {
		String clean = (name == null) ? "" : name.strip().replaceAll("\\s+", " ");
		if (clean.isEmpty() || clean.length() > 120 || !clean.chars().allMatch((c) -> c >= 0x20 && c != 0x7f)) {
			throw new Refused("Enter the subcontractor's name (up to 120 characters)", false);
		}
		return clean;
	}

	private static Refused stale() {
		return new Refused("Someone else changed this subcontractor since you opened it: reload the page and try again",
				true);
	}

	private void record(long id, String name, String username, String change, String detail) {
		this.jdbc.sql("""
				insert into report_subcontractor_change (changed_at, changed_by, subcontractor_id, name, change, detail)
				values (:now, :by, :id, :name, :change, :detail)
				""")
			.param("now", now())
			.param("by", username)
			.param("id", id)
			.param("name", name)
			.param("change", change)
			.param("detail", detail)
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
