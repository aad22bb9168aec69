package org.probity.imports;

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
 * up to 30 November 2026, imported 1 December 2026 at 6:10am." The date is that of the
 * latest contact recorded at or before the latest applied import (arranged appointments
 * after it are not yet data); it is looked up once per import on each node. Templates
 * include {@code imports/freshness :: line}, which calls it as
 * {@code @dataFreshness.sentence()}.
 */
@Component("dataFreshness")
public class DataFreshness {

	/** The latest import and what it brought, or nulls before any import. */
	public record Currency(LocalDate dataUpTo, LocalDateTime importedAt) {
	}

	private record Known(long importId, Currency currency) {
	}

	private final JdbcClient jdbc;

	private final AtomicReference<Known> known = new AtomicReference<>();

	DataFreshness(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		Known seen = this.known.get();
		if (seen != null && seen.importId() == latest.id()) {
			return seen.currency();
		}
		LocalDate upTo = this.jdbc
			.sql("""
					select max(contact_at)::date from case_contact where cast(:until as timestamptz) is null or contact_at <= cast(:until as timestamptz)
					""")
			.param("until",
					(latest.finishedAt() != null) ? latest.finishedAt().atOffset(java.time.ZoneOffset.UTC) : null,
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		Currency currency = new Currency(upTo,
				(latest.finishedAt() != null) ? LocalDateTime.ofInstant(latest.finishedAt(), Clocks.LONDON) : null);
		this.known.set(new Known(latest.id(), currency));
		return currency;
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
