package org.probity.demo;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One exchange-format CSV file written row by row (data-exchange.md, "General rules"):
 * UTF-8, LF line ends, RFC 4180 quoting only where a value holds a comma, a quote or a
 * line break. Rows are streamed so that national-sized files never sit in memory.
 */
final class CsvFile implements Closeable {

	private final BufferedWriter out;

	private final StringBuilder line = new StringBuilder(256);

	private final int columns;

	private int column;

	private long rows;

	CsvFile(Path file, String... header) {
		try {
			this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.columns = header.length;
		for (String name : header) {
			add(name);
		}
		writeLine();
	}

	CsvFile add(String value) {
		if (this.column++ > 0) {
			this.line.append(',');
		}
		if (value != null) {
			appendQuoted(this.line, value);
		}
		return this;
	}

	CsvFile add(LocalDate date) {
		return add((date != null) ? date.toString() : null);
	}

	CsvFile add(boolean flag) {
		return add(flag ? "Y" : "N");
	}

	CsvFile add(int number) {
		return add(Integer.toString(number));
	}

	/** A date-time as {@code YYYY-MM-DDTHH:MM}, London local time. */
	CsvFile addDateTime(LocalDate date, int minuteOfDay) {
		if (this.column++ > 0) {
			this.line.append(',');
		}
		int hour = minuteOfDay / 60;
		int minute = minuteOfDay % 60;
		this.line.append(date).append('T');
		this.line.append((char) ('0' + hour / 10)).append((char) ('0' + hour % 10)).append(':');
		this.line.append((char) ('0' + minute / 10)).append((char) ('0' + minute % 10));
		return this;
	}

	/** Ends the current row. */
	void end() {
		if (this.column != this.columns) {
			throw new IllegalStateException("Row has " + this.column + " values, header has " + this.columns);
		}
		writeLine();
		this.rows++;
	}

	long rows() {
		return this.rows;
	}

	static String quoted(String value) {
		StringBuilder sb = new StringBuilder(value.length() + 2);
		appendQuoted(sb, value);
		return sb.toString();
	}

	private static void appendQuoted(StringBuilder sb, String value) {
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!quote) {
			sb.append(value);
			return;
		}
		sb.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				sb.append('"');
			}
			sb.append(c);
		}
		sb.append('"');
	}

	private void writeLine() {
		try {
			this.line.append('\n');
			this.out.append(this.line);
			this.line.setLength(0);
			this.column = 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.out.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
