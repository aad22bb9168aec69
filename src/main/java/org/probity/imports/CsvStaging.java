package org.probity.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import org.probity.imports.ImportResult.RowError;

/**
 * Streams a CSV file into the staging table {@code import_staging} (every value as text,
 * with its row number) through PostgreSQL's COPY, checking on the way what only the
 * parser can see: the header, the number of fields, the CSV syntax and the UTF-8
 * encoding. Nothing of the file is held in memory beyond one row.
 */
@Component
class CsvStaging {

	private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	private static final CSVFormat WRITE = CSVFormat.POSTGRESQL_CSV;

	private final DataSource dataSource;

	CsvStaging(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** What the parser found: the number of data rows and the problems it saw. */
	record Staged(long rows, Errors errors) {
	}

	/**
	 * Stages the file. Must run inside the import's transaction, after the staging table
	 * has been created.
	 */
	Staged stage(ExchangeFormat format, InputStream csv) throws IOException {
		Errors errors = new Errors();
		Utf8Reader reader = new Utf8Reader(csv);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		long rows = 0;
		List<RowError> notUtf8 = new ArrayList<>();
		long notUtf8Count = 0;
		try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(READ).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			CSVRecord header = next(records, parser, errors);
			if (header == null) {
				if (errors.count() == 0) {
					errors.add(new RowError(1, null,
							"The file is empty: it needs a header row and at least one row of data"));
				}
				return new Staged(0, errors);
			}
			int[] positions = checkHeader(format, header, errors);
			if (positions == null) {
				return new Staged(0, errors);
			}
			PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql(format),
					64 * 1024);
			try (Writer writer = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 64 * 1024);
					CSVPrinter printer = new CSVPrinter(writer, WRITE)) {
				Object[] values = new Object[positions.length + 1];
				CSVRecord record;
				while ((record = next(records, parser, errors)) != null) {
					long row = record.getRecordNumber();
					if (record.size() == 1 && record.get(0).isEmpty()) {
						continue;
					}
					rows++;
					if (record.size() != header.size()) {
						errors.add(new RowError(row, null, "This row has " + record.size()
								+ " values but the header has " + header.size() + " columns"));
						continue;
					}
					boolean stageable = true;
					values[0] = row;
					for (int i = 0; i < positions.length; i++) {
						String value = record.get(positions[i]);
						if (value.indexOf(Utf8Reader.REPLACEMENT) >= 0) {
							if (notUtf8.size() < ImportResult.MAX_ERRORS) {
								notUtf8.add(new RowError(row, format.columns().get(i).name(),
										"This value has bytes that are not UTF-8: save the file as CSV UTF-8"));
							}
							notUtf8Count++;
						}
						if (value.indexOf('\0') >= 0) {
							errors.add(new RowError(row, format.columns().get(i).name(),
									"This value has a NUL character, which text cannot hold"));
							stageable = false;
						}
						values[i + 1] = value.isEmpty() ? null : value;
					}
					if (stageable) {
						printer.printRecord(values);
					}
				}
			}
			if (rows == 0 && errors.count() == 0) {
				errors.add(new RowError(1, null, "The file has a header row but no rows of data"));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage the file in PostgreSQL", ex);
		}
		if (reader.malformed() > 0) {
			if (notUtf8Count == 0) {
				errors.add(new RowError(1, null, "The file has bytes that are not UTF-8: save the file as CSV UTF-8"));
			}
			else {
				notUtf8.forEach(errors::add);
				errors.addUncounted(notUtf8Count - notUtf8.size());
			}
		}
		return new Staged(rows, errors);
	}

	/**
	 * The next record, or null at the end or when the CSV syntax is broken (which ends
	 * the parse: nothing after it can be read reliably).
	 */
	private static CSVRecord next(Iterator<CSVRecord> records, CSVParser parser, Errors errors) {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			if (ex.getCause() instanceof Utf8Reader.SourceFailure failure) {
				throw new UncheckedIOException(failure);
			}
			errors.add(new RowError(parser.getRecordNumber() + 1, null,
					"The CSV is malformed here, so the rest of the file could not be read: " + reason(ex)));
			return null;
		}
	}

	private static String reason(Exception ex) {
		String message = (ex.getCause() != null) ? ex.getCause().getMessage() : ex.getMessage();
		if (message == null) {
			return "check the quotes";
		}
		if (message.contains("EOF reached before encapsulated token finished")) {
			return "a quoted value is not closed";
		}
		if (message.contains("invalid char between encapsulated token and delimiter")) {
			return "a quoted value is followed by more text before the next comma";
		}
		return message.replaceAll("\\s+", " ");
	}

	/**
	 * Where each column of the format is in the file, or null when the header is wrong.
	 */
	private static int[] checkHeader(ExchangeFormat format, CSVRecord header, Errors errors) {
		List<String> names = header.stream().map(String::strip).toList();
		int[] positions = new int[format.columns().size()];
		Arrays.fill(positions, -1);
		Set<String> seen = new HashSet<>();
		boolean ok = true;
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			int index = format.columnNames().indexOf(name);
			if (!seen.add(name)) {
				errors.add(new RowError(1, name, "Column " + name + " appears more than once in the header"));
				ok = false;
			}
			else if (index < 0) {
				errors.add(new RowError(1, name.isEmpty() ? null : name,
						name.isEmpty() ? "The header has an empty column name"
								: "Unknown column " + name + ": the columns of " + format.dataset().fileName()
										+ ".csv are " + String.join(", ", format.columnNames())));
				ok = false;
			}
			else {
				positions[index] = i;
			}
		}
		for (int i = 0; i < positions.length; i++) {
			if (positions[i] < 0) {
				String name = format.columns().get(i).name();
				errors.add(new RowError(1, name, "Column " + name + " is missing from the header"));
				ok = false;
			}
		}
		return ok ? positions : null;
	}

	private static String copySql(ExchangeFormat format) {
		return "copy import_staging (row_no, " + String.join(", ", format.columnNames())
				+ ") from stdin with (format csv)";
	}

	/**
	 * Problems in file order, at most {@link ImportResult#MAX_ERRORS} kept, all counted.
	 */
	static final class Errors {

		private final List<RowError> listed = new ArrayList<>();

		private long count;

		void add(RowError error) {
			if (this.listed.size() < ImportResult.MAX_ERRORS) {
				this.listed.add(error);
			}
			this.count++;
		}

		void addUncounted(long more) {
			this.count += more;
		}

		List<RowError> listed() {
			return this.listed;
		}

		long count() {
			return this.count;
		}

	}

}
