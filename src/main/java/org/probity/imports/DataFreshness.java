package org.probity.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicReference;

import org.probity.shared.Clocks;
import org.probity.shared.web.Format;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How current the case data is, for every page that shows figures of a period: "Case data
 * up to 30 November 2026, imported 1 December 2026 at 6:10am."
 * <p>
 * The rule: the date is the last <em>full</em> day the data covers, that is the latest
 * contact date before the day of the latest applied import (before today when nothing was
 * imported through Probity). An extract taken on 1 December runs to 30 November: contacts
 * dated on the import's day are that day's first hours, and those after it are arranged
 * appointments, neither yet a day of data. So the date is at most the import's day minus
 * one, and earlier when no contact was recorded on that day. It is looked up once per
 * import (and per day) on each node. Templates include {@code imports/freshness :: line},
 * which calls it as {@code @dataFreshness.sentence()}.
 */
@Component("dataFreshness")
public class DataFreshness {

	/** The latest import and what it brought, or nulls before any import. */
	public record Currency(LocalDate dataUpTo, LocalDateTime importedAt) {
	}

	private record Known(long importId, LocalDate before, Currency currency) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Known> known = new AtomicReference<>();

	DataFreshness(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Currency currency() {
		record Latest(long id, Instant finishedAt) {
		}
		Latest latest = this.jdbc.sql("""
				select id, finished_at from import_run where outcome = 'APPLIED'
				order by finished_at desc, id desc limit 1
				""")
			.query((rs, i) -> new Latest(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.optional()
			.orElse(new Latest(0, null));
		LocalDateTime importedAt = (latest.finishedAt() != null)
				? LocalDateTime.ofInstant(latest.finishedAt(), Clocks.LONDON) : null;
		LocalDate before = (importedAt != null) ? importedAt.toLocalDate() : LocalDate.now(this.clock);
		Known seen = this.known.get();
		if (seen != null && seen.importId() == latest.id() && seen.before().equals(before)) {
			return seen.currency();
		}
		Currency currency = new Currency(lastFullDay(before), importedAt);
		this.known.set(new Known(latest.id(), before, currency));
		return currency;
	}

	/** The latest contact date before {@code day}: the last full day of data then. */
	LocalDate lastFullDay(LocalDate day) {
		return this.jdbc.sql("select max(contact_at)::date from case_contact where contact_at < :day")
			.param("day", day.atStartOfDay())
			.query(LocalDate.class)
			.optional()
			.orElse(null);
	}

	/** The sentence pages show, or null when there is no case data yet. */
	public String sentence() {
		Currency c = currency();
		if (c.dataUpTo() == null && c.importedAt() == null) {
			return null;
		}
		StringBuilder s = new StringBuilder("Case data");
		if (c.dataUpTo() != null) {
			s.append(" up to ").append(Format.date(c.dataUpTo()));
		}
		if (c.importedAt() != null) {
			s.append((c.dataUpTo() != null) ? ", imported " : " imported ").append(Format.dateTime(c.importedAt()));
		}
		return s.append('.').toString();
	}

}
