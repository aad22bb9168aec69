package org.probity.improvement.plans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.probity.shared.web.TableExport;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The inspection response exchange of improvement.md: one row per action, the
 * recommendation's columns repeated on each of its rows; a NOT_AGREED recommendation has
 * one row with the action columns empty. Read whole and checked before anything is
 * applied; the header is row 1. The export writes the same layout (RFC 4180, CRLF).
 */
final class PlanCsv {

	static final List<String> COLUMNS = List.of("rec_no", "recommendation", "response", "reason_category",
			"explanation", "action_no", "action", "owner", "target_date", "recurrence");

	static final List<String> ACTION_COLUMNS = List.of("action_no", "action", "owner", "target_date", "recurrence");

	record ActionRow(int recNo, int actionNo, String description, String owner, LocalDate targetDate,
			Recurrence recurrence) {
	}

	record Parsed(List<Recommendation> recommendations, List<ActionRow> actions) {
	}

	private PlanCsv() {
	}

	static Parsed read(Reader in) {
		List<InvalidImport.RowError> errors = new ArrayList<>();
		Map<Integer, Recommendation> recommendations = new LinkedHashMap<>();
		Map<Integer, Long> firstRow = new HashMap<>();
		Map<Integer, Integer> rowsOf = new HashMap<>();
		Set<Integer> notAgreed = new HashSet<>();
		Set<String> actionKeys = new HashSet<>();
		List<ActionRow> actions = new ArrayList<>();
		try (CSVParser parser = CSVFormat.RFC4180.builder().get().parse(skipBom(in))) {
			Map<String, Integer> index = null;
			for (CSVRecord record : parser) {
				long row = record.getRecordNumber();
				if (index == null) {
					index = header(record, errors);
					if (index == null) {
						break;
					}
					continue;
				}
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				if (record.size() != index.size()) {
					errors.add(new InvalidImport.RowError(row, null,
							"Row has " + record.size() + " fields; the header has " + index.size()));
					continue;
				}
				Map<String, String> v = new HashMap<>();
				index.forEach((name, i) -> v.put(name, unneutralised(record.get(i).trim())));
				int before = errors.size();
				Integer recNo = positive(v, "rec_no", row, errors);
				String text = required(v, "recommendation", row, errors);
				Response response = parse(Response.class, v, "response", row, errors, true);
				ReasonCategory reason = parse(ReasonCategory.class, v, "reason_category", row, errors, false);
				String explanation = v.get("explanation");
				if (response == Response.AGREED && reason != null) {
					errors.add(new InvalidImport.RowError(row, "reason_category",
							"Leave the reason category empty for an AGREED recommendation"));
				}
				if (response != null && response != Response.AGREED) {
					if (v.get("reason_category").isEmpty()) {
						errors.add(new InvalidImport.RowError(row, "reason_category",
								"Give the reason category (COMMISSIONING, POLICY, OPERATIONAL or AFFORDABILITY) for a "
										+ response + " recommendation"));
					}
					if (explanation.isEmpty()) {
						errors.add(new InvalidImport.RowError(row, "explanation",
								"Give the explanation for a " + response + " recommendation"));
					}
				}
				boolean actionEmpty = ACTION_COLUMNS.stream().allMatch((c) -> v.get(c).isEmpty());
				if (response == Response.NOT_AGREED && !actionEmpty) {
					errors.add(new InvalidImport.RowError(row, "action",
							"A NOT_AGREED recommendation has no actions: leave the action columns empty"));
				}
				ActionRow action = null;
				if (response != null && response != Response.NOT_AGREED) {
					Integer actionNo = positive(v, "action_no", row, errors);
					String description = required(v, "action", row, errors);
					String owner = required(v, "owner", row, errors);
					LocalDate target = date(v, "target_date", row, errors);
					Recurrence recurrence = parse(Recurrence.class, v, "recurrence", row, errors, false);
					if (recNo != null && actionNo != null && !actionKeys.add(recNo + "/" + actionNo)) {
						errors.add(new InvalidImport.RowError(row, "action_no",
								"Action " + actionNo + " of recommendation " + recNo + " is on an earlier row too"));
					}
					if (errors.size() == before) {
						action = new ActionRow(recNo, actionNo, description, owner, target, recurrence);
					}
				}
				if (recNo == null) {
					continue;
				}
				rowsOf.merge(recNo, 1, Integer::sum);
				if (response == Response.NOT_AGREED) {
					notAgreed.add(recNo);
				}
				if (notAgreed.contains(recNo) && rowsOf.get(recNo) > 1) {
					errors.add(new InvalidImport.RowError(row, "rec_no",
							"A NOT_AGREED recommendation has exactly one row; recommendation " + recNo + " is on row "
									+ firstRow.get(recNo) + " too"));
				}
				Recommendation recommendation = new Recommendation(recNo, text, response, reason,
						explanation.isEmpty() ? null : explanation);
				Recommendation earlier = recommendations.putIfAbsent(recNo, recommendation);
				firstRow.putIfAbsent(recNo, row);
				if (earlier != null && !earlier.equals(recommendation)) {
					errors.add(new InvalidImport.RowError(row, disagreement(earlier, recommendation),
							"The recommendation columns of recommendation " + recNo + " must repeat those of row "
									+ firstRow.get(recNo)));
				}
				if (action != null && errors.size() == before) {
					actions.add(action);
				}
			}
			if (index != null && recommendations.isEmpty() && errors.isEmpty()) {
				errors.add(new InvalidImport.RowError(1, null, "The file has a header but no recommendations"));
			}
			if (index == null && errors.isEmpty()) {
				errors.add(new InvalidImport.RowError(1, null, "The file is empty: the first row must be the header"));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			errors.add(new InvalidImport.RowError(0, null, "The file could not be read as CSV: " + ex.getMessage()));
		}
		catch (IllegalStateException ex) {
			errors.add(new InvalidImport.RowError(0, null, "The file is not valid CSV: " + ex.getMessage()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidImport(errors);
		}
		return new Parsed(List.copyOf(recommendations.values()), actions);
	}

	/**
	 * A cell as it was before the export neutralised it for spreadsheets (a leading
	 * {@code '} before a formula character), so that an exported plan imports as it was.
	 */
	static String unneutralised(String cell) {
		return (cell.length() > 1 && cell.charAt(0) == '\''
				&& TableExport.neutralised(cell.substring(1)).startsWith("'")) ? cell.substring(1) : cell;
	}

	static byte[] write(List<Recommendation> recommendations, List<ActionView> actions) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
				CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
			for (Recommendation r : recommendations) {
				List<Object> head = List.of(r.recNo(), TableExport.neutralised(r.text()), r.response().name(),
						(r.reasonCategory() != null) ? r.reasonCategory().name() : "",
						TableExport.neutralised(Objects.requireNonNullElse(r.explanation(), "")));
				List<ActionView> of = actions.stream()
					.filter((a) -> a.recNo() != null && a.recNo() == r.recNo())
					.toList();
				if (of.isEmpty()) {
					List<Object> row = new ArrayList<>(head);
					row.addAll(List.of("", "", "", "", ""));
					printer.printRecord(row);
				}
				for (ActionView a : of) {
					List<Object> row = new ArrayList<>(head);
					row.addAll(List.of(a.actionNo(), TableExport.neutralised(a.description()),
							TableExport.neutralised(a.ownerRole()), a.targetDate().toString(),
							(a.recurrence() != null) ? a.recurrence().name() : ""));
					printer.printRecord(row);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Map<String, Integer> header(CSVRecord record, List<InvalidImport.RowError> errors) {
		Map<String, Integer> index = new LinkedHashMap<>();
		int before = errors.size();
		for (int i = 0; i < record.size(); i++) {
			String name = record.get(i).trim();
			if (!COLUMNS.contains(name)) {
				errors.add(new InvalidImport.RowError(1, name, "Unknown column " + name));
			}
			else if (index.putIfAbsent(name, i) != null) {
				errors.add(new InvalidImport.RowError(1, name, "Column " + name + " appears twice"));
			}
		}
		for (String column : COLUMNS) {
			if (!index.containsKey(column) && !errors.stream().anyMatch((e) -> column.equals(e.column()))) {
				errors.add(new InvalidImport.RowError(1, column, "Missing column " + column));
			}
		}
		return (errors.size() == before) ? index : null;
	}

	private static String disagreement(Recommendation a, Recommendation b) {
		if (!Objects.equals(a.text(), b.text())) {
			return "recommendation";
		}
		if (a.response() != b.response()) {
			return "response";
		}
		if (a.reasonCategory() != b.reasonCategory()) {
			return "reason_category";
		}
		return "explanation";
	}

	private static String required(Map<String, String> v, String column, long row,
			List<InvalidImport.RowError> errors) {
		String value = v.get(column);
		if (value.isEmpty()) {
			errors.add(new InvalidImport.RowError(row, column, "Enter the " + column.replace('_', ' ')));
			return null;
		}
		return value;
	}

	private static Integer positive(Map<String, String> v, String column, long row,
			List<InvalidImport.RowError> errors) {
		String value = v.get(column);
		try {
			int n = Integer.parseInt(value);
			if (n > 0) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new InvalidImport.RowError(row, column,
				(value.isEmpty() ? "Enter the " + column.replace('_', ' ') : "'" + value + "' is not")
						+ " a whole number from 1"));
		return null;
	}

	private static LocalDate date(Map<String, String> v, String column, long row, List<InvalidImport.RowError> errors) {
		String value = v.get(column);
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.add(new InvalidImport.RowError(row, column,
					value.isEmpty() ? "Enter the target date" : "'" + value + "' is not a date like 2019-09-30"));
			return null;
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, Map<String, String> v, String column, long row,
			List<InvalidImport.RowError> errors, boolean required) {
		String value = v.get(column);
		if (value.isEmpty()) {
			if (required) {
				errors.add(new InvalidImport.RowError(row, column, "Enter the " + column.replace('_', ' ')));
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
			errors.add(new InvalidImport.RowError(row, column,
					"'" + value + "' is not one of " + String.join(", ", names)));
			return null;
		}
	}

	private static Reader skipBom(Reader in) throws IOException {
		java.io.PushbackReader reader = new java.io.PushbackReader(in, 1);
		int first = reader.read();
		if (first != -1 && first != '\uFEFF') {
			reader.unread(first);
		}
		return reader;
	}

}
