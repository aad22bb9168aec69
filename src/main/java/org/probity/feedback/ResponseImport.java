package org.probity.feedback;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paper and interview answers imported as CSV, one row per answer, {@code response_ref}
 * grouping one respondent's answers within the file. The general rules of the exchange
 * format apply: exact column names in any order, a byte order mark ignored, unknown
 * columns and unlisted codes are errors, and a file is applied all or nothing with every
 * bad row listed. A response_ref already imported for the questionnaire is replaced.
 */
@Service
public class ResponseImport {

	static final List<String> COLUMNS = List.of("response_ref", "questionnaire_code", "version", "unit_code",
			"answered_on", "channel", "question_code", "answer");

	static final int MAX_ERRORS = 1000;

	public record RowError(long row, String column, String message) {
	}

	public record Outcome(boolean applied, int responses, int answers, List<RowError> errors, long errorCount) {
	}

	private record Group(String questionnaire, String version, String unit, String answeredOn, String channel,
			long firstRow, Map<String, String> answers) {
	}

	private final JdbcClient jdbc;

	private final Questionnaires questionnaires;

	private final Surveys surveys;

	private final Clock clock;

	ResponseImport(JdbcClient jdbc, Questionnaires questionnaires, Surveys surveys, Clock clock) {
		this.jdbc = jdbc;
		this.questionnaires = questionnaires;
		this.surveys = surveys;
		this.clock = clock;
	}

	@Transactional
	public Outcome importCsv(Reader in) {
		List<RowError> errors = new ArrayList<>();
		long[] errorCount = { 0 };
		Map<String, Group> groups = new LinkedHashMap<>();
		Set<String> units = new HashSet<>(
				this.jdbc.sql("select unit_code from estate_unit").query(String.class).list());
		Map<String, Optional<Questionnaire>> versions = new HashMap<>();
		LocalDate today = LocalDate.now(this.clock);
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setAllowMissingColumnNames(true)
			.get()
			.parse(withoutByteOrderMark(in))) {
			List<String> header = parser.getHeaderNames();
			for (String column : header) {
				if (!COLUMNS.contains(column)) {
					add(errors, errorCount, new RowError(1, column,
							"Unknown column '" + column + "': the columns are " + String.join(", ", COLUMNS)));
				}
			}
			for (String column : COLUMNS) {
				if (!header.contains(column)) {
					add(errors, errorCount, new RowError(1, column, "Missing column " + column));
				}
			}
			if (errorCount[0] > 0) {
				return new Outcome(false, 0, 0, errors, errorCount[0]);
			}
			for (CSVRecord record : parser) {
				long row = record.getRecordNumber() + 1;
				if (record.size() != header.size()) {
					add(errors, errorCount,
							new RowError(row, null, "Expected " + header.size() + " fields, found " + record.size()));
					continue;
				}
				List<RowError> rowErrors = new ArrayList<>();
				String ref = record.get("response_ref").strip();
				String code = record.get("questionnaire_code").strip();
				String version = record.get("version").strip();
				String unit = record.get("unit_code").strip();
				String answeredOn = record.get("answered_on").strip();
				String channel = record.get("channel").strip();
				String question = record.get("question_code").strip();
				String answer = record.get("answer");
				if (ref.isEmpty()) {
					rowErrors.add(new RowError(row, "response_ref", "response_ref is required"));
				}
				Optional<Questionnaire> questionnaire = Optional.empty();
				if (!version.matches("[1-9][0-9]{0,5}")) {
					rowErrors
						.add(new RowError(row, "version", "version must be a whole number, not '" + version + "'"));
				}
				else {
					questionnaire = versions.computeIfAbsent(code + "/" + version,
							(k) -> this.questionnaires.find(code, Integer.parseInt(version)));
					if (questionnaire.isEmpty()) {
						rowErrors.add(new RowError(row, "questionnaire_code",
								"There is no questionnaire " + code + " version " + version));
					}
				}
				if (!units.contains(unit)) {
					rowErrors.add(new RowError(row, "unit_code", "There is no unit '" + unit + "'"));
				}
				try {
					if (LocalDate.parse(answeredOn).isAfter(today)) {
						rowErrors.add(new RowError(row, "answered_on", "answered_on is in the future"));
					}
				}
				catch (DateTimeParseException ex) {
					rowErrors.add(new RowError(row, "answered_on",
							"answered_on must be a date YYYY-MM-DD, not '" + answeredOn + "'"));
				}
				if (!Surveys.CHANNELS.contains(channel)) {
					rowErrors.add(new RowError(row, "channel", "channel must be one of "
							+ String.join(", ", Surveys.CHANNELS) + ", not '" + channel + "'"));
				}
				if (questionnaire.isPresent()) {
					Optional<Questionnaire.Question> q = questionnaire.get().question(question);
					if (q.isEmpty()) {
						rowErrors.add(new RowError(row, "question_code",
								"There is no question '" + question + "' in " + code + " version " + version));
					}
					else if (!answer.isBlank() && q.get().type() != QuestionType.TEXT
							&& !q.get().answers().contains(answer.strip())) {
						rowErrors.add(new RowError(row, "answer", "answer must be one of "
								+ String.join(", ", q.get().answers()) + " or empty, not '" + answer + "'"));
					}
				}
				if (!ref.isEmpty()) {
					Group group = groups.get(ref);
					if (group == null) {
						groups.put(ref, new Group(code, version, unit, answeredOn, channel, row,
								new LinkedHashMap<>(Map.of(question, answer))));
					}
					else {
						agree(rowErrors, row, ref, "questionnaire_code", group.questionnaire(), code);
						agree(rowErrors, row, ref, "version", group.version(), version);
						agree(rowErrors, row, ref, "unit_code", group.unit(), unit);
						agree(rowErrors, row, ref, "answered_on", group.answeredOn(), answeredOn);
						agree(rowErrors, row, ref, "channel", group.channel(), channel);
						if (group.answers().containsKey(question)) {
							rowErrors.add(new RowError(row, "question_code",
									"Response " + ref + " answers " + question + " twice"));
						}
						else {
							group.answers().put(question, answer);
						}
					}
				}
				rowErrors.forEach((e) -> add(errors, errorCount, e));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			add(errors, errorCount,
					new RowError(1, null, "The file is not CSV as RFC 4180 writes it: " + ex.getMessage()));
		}
		if (errorCount[0] > 0) {
			return new Outcome(false, 0, 0, errors, errorCount[0]);
		}
		int answers = 0;
		for (Map.Entry<String, Group> entry : groups.entrySet()) {
			Group g = entry.getValue();
			this.jdbc.sql("delete from survey_response where questionnaire_code = :q and response_ref = :ref")
				.param("q", g.questionnaire())
				.param("ref", entry.getKey())
				.update();
			this.surveys.store(new SurveyAnswers(g.questionnaire(), Integer.parseInt(g.version()), g.unit(),
					LocalDate.parse(g.answeredOn()), g.channel(), g.answers()), null, entry.getKey());
			answers += (int) g.answers().values().stream().filter((a) -> !a.isBlank()).count();
		}
		return new Outcome(true, groups.size(), answers, List.of(), 0);
	}

	private static void agree(List<RowError> errors, long row, String ref, String column, String first, String value) {
		if (!first.equals(value)) {
			errors.add(new RowError(row, column,
					"Response " + ref + " has " + column + " '" + first + "' on an earlier row, not '" + value + "'"));
		}
	}

	private static void add(List<RowError> errors, long[] count, RowError error) {
		count[0]++;
		if (errors.size() < MAX_ERRORS) {
			errors.add(error);
		}
	}

	private static Reader withoutByteOrderMark(Reader in) throws IOException {
		java.io.PushbackReader reader = new java.io.PushbackReader(in, 1);
		int first = reader.read();
		if (first != -1 && first != '\uFEFF') {
			reader.unread(first);
		}
		return reader;
	}

}
