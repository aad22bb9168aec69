package org.probity.feedback;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Survey responses imported as CSV (all or nothing, every bad row listed) and the results
 * of a questionnaire for a unit and period, suppressed under 10 respondents.
 */
@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Surveys", description = "Anonymous survey responses and their results")
@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
class SurveysApi {

	record Imported(String message, int responses, int answers) {
	}

	record Rejected(String message, List<ResponseImport.RowError> errors, long errorCount) {
	}

	record QuestionJson(String questionCode, String type, long responses, Map<String, Long> counts,
			BigDecimal positive) {
	}

	record ResultsJson(String questionnaireCode, String period, String unitCode, long respondents, boolean suppressed,
			List<QuestionJson> questions, BigDecimal engagementIndex) {
	}

	record GroupJson(String group, boolean suppressed, Long responses, Long positiveResponses, BigDecimal positive,
			Long restResponses, BigDecimal restPositive, BigDecimal difference, Double pValue, Double qValue,
			boolean significant, String direction) {
	}

	record QuestionGroupsJson(String questionCode, List<GroupJson> groups) {
	}

	record CharacteristicJson(String characteristic, List<QuestionGroupsJson> questions) {
	}

	record DeclaredJson(String questionnaireCode, String period, String unitCode, long respondents, boolean suppressed,
			List<CharacteristicJson> characteristics) {
	}

	private final ResponseImport imports;

	private final SurveyResults results;

	private final JdbcClient jdbc;

	SurveysApi(ResponseImport imports, SurveyResults results, JdbcClient jdbc) {
		this.imports = imports;
		this.results = results;
		this.jdbc = jdbc;
	}

	@PostMapping(path = "/responses", consumes = { "text/csv", "text/plain", "application/octet-stream" })
	@Operation(summary = "Import paper and interview answers as CSV, all or nothing",
			description = "Columns response_ref, questionnaire_code, version, unit_code, answered_on, channel,"
					+ " question_code, answer: one row per answer. 200 with the counts; 422 with every bad row.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/csv")))
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	ResponseEntity<?> importResponses(HttpServletRequest request) throws IOException {
		InputStreamReader reader = new InputStreamReader(request.getInputStream(),
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT));
		ResponseImport.Outcome outcome;
		try {
			outcome = this.imports.importCsv(reader);
		}
		catch (java.io.UncheckedIOException ex) {
			outcome = new ResponseImport.Outcome(false, 0, 0,
					List.of(new ResponseImport.RowError(0, null, "The file is not UTF-8 text")), 1);
		}
		if (outcome.applied()) {
			return ResponseEntity
				.ok(new Imported(outcome.responses() + " responses with " + outcome.answers() + " answers imported",
						outcome.responses(), outcome.answers()));
		}
		return ResponseEntity.unprocessableContent()
			.body(new Rejected(
					"The file was not imported: " + outcome.errorCount()
							+ ((outcome.errorCount() == 1) ? " problem" : " problems") + ". Nothing was changed.",
					outcome.errors(), outcome.errorCount()));
	}

	@GetMapping("/{questionnaire}/results")
	@Operation(summary = "Results of a questionnaire for a unit (with the units below it) and a period",
			description = "period 2024-03, 2024-Q1 or 2024; fewer than 10 respondents: suppressed, no questions")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	ResultsJson results(@PathVariable String questionnaire, @RequestParam String period,
			@RequestParam(required = false) String unit) {
		Period p = Period.parse(period);
		SurveyResults.Results r = this.results.results(questionnaire, p, knownUnit(unit));
		return new ResultsJson(r.questionnaireCode(), p.code(), Objects.toString(r.unitCode(), null), r.respondents(),
				r.suppressed(),
				r.questions()
					.stream()
					.map((q) -> new QuestionJson(q.questionCode(), q.type().name(), q.responses(), q.counts(),
							q.positive()))
					.toList(),
				r.engagementIndex());
	}

	@GetMapping("/{questionnaire}/results/by-characteristic")
	@Operation(summary = "Positive shares by self-declared characteristic, each group against the rest",
			description = "For each agreement and yes/no question: every group of each characteristic the"
					+ " questionnaire asks about (or only ?characteristic=ETHNICITY etc.), with equality.md's"
					+ " p-value and Benjamini-Hochberg q-value over every comparison of the question. A group"
					+ " with fewer than 10 responses is suppressed (every figure null), and the next smallest when"
					+ " only one is; the rest only with 10 or more. Fewer than 10 respondents: suppressed.")
	@PreAuthorize("hasAnyRole('API_CLIENT','ADMIN','QUALITY_TEAM')")
	DeclaredJson byCharacteristic(@PathVariable String questionnaire, @RequestParam String period,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String characteristic) {
		Period p = Period.parse(period);
		org.probity.equality.Characteristic only;
		try {
			only = SurveyPages.characteristic(characteristic);
		}
		catch (org.springframework.web.server.ResponseStatusException ex) {
			throw new IllegalArgumentException(ex.getReason());
		}
		SurveyResults.DeclaredResults r = this.results.byCharacteristic(questionnaire, p, knownUnit(unit));
		return new DeclaredJson(r.questionnaireCode(), p.code(), Objects.toString(r.unitCode(), null), r.respondents(),
				r.suppressed(),
				r.characteristics()
					.stream()
					.filter((c) -> only == null || c.characteristic() == only)
					.map((c) -> new CharacteristicJson(c.characteristic().name(),
							c.questions()
								.stream()
								.map((q) -> new QuestionGroupsJson(q.questionCode(), q.groups()
									.stream()
									.map((g) -> new GroupJson(g.group(), g.suppressed(), g.responses(), g.positive(),
											g.positiveShare(), g.restResponses(), g.restPositiveShare(), g.difference(),
											g.pValue(), g.qValue(), g.significant(), g.direction()))
									.toList()))
								.toList()))
					.toList());
	}

	/** The unit asked for (null: every unit); 404 for one the estate does not hold. */
	private UnitCode knownUnit(String unit) {
		if (unit == null || unit.isBlank()) {
			return null;
		}
		if (this.jdbc.sql("select count(*) from estate_unit where unit_code = :u")
			.param("u", unit)
			.query(Long.class)
			.single() == 0) {
			throw new FeedbackNotFound("There is no unit " + unit);
		}
		return new UnitCode(unit);
	}

}
