package org.probity.equality;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import org.probity.accounts.CurrentUser;
import org.probity.shared.Period;

/** A measure by protected characteristic as JSON (equality.md), for API clients. */
@RestController
@RequestMapping("/api/v1/equality")
@Tag(name = "Equality", description = "Measures by protected characteristic, compared with the rest")
class EqualityApi {

	record CharacteristicBody(String characteristic, List<GroupFigures> groups) {
	}

	record EqualityBody(String measure, String period, @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
			@JsonInclude(JsonInclude.Include.NON_NULL) String staff, List<CharacteristicBody> characteristics) {
	}

	@JsonPropertyOrder({ "template", "key_question", "text", "period", "unit", "staff", "characteristics" })
	record AuditBody(@JsonProperty("template") String template, @JsonProperty("key_question") String keyQuestion,
			@JsonProperty("text") String text, @JsonProperty("period") String period,
			@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("unit") String unit,
			@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("staff") String staff,
			@JsonProperty("characteristics") List<CharacteristicBody> characteristics) {
	}

	private final EqualityFigures figures;

	private final EqualityRequests requests;

	private final EqualityAudits audits;

	EqualityApi(EqualityFigures figures, EqualityRequests requests, EqualityAudits audits) {
		this.figures = figures;
		this.requests = requests;
		this.audits = audits;
	}

	@GetMapping("/{measure}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Every group of every characteristic for a measure, period and unit or practitioner",
			description = "period is YYYY-MM, YYYY-Qn or YYYY; give exactly one of unit or staff. Groups of 1 to 4 "
					+ "cases are suppressed (with the next smallest when only one is); q-values are "
					+ "Benjamini-Hochberg over every comparison of the measure, period and unit.")
	EqualityBody measure(@PathVariable String measure, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String staff,
			@AuthenticationPrincipal CurrentUser user) {
		EqualityFigures.Measure m = this.requests.measure(measure);
		Period p = this.requests.period(period);
		if ((unit == null) == (staff == null)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Give exactly one of unit or staff");
		}
		EqualityFigures.Focus focus = this.requests.focus(unit, staff, user);
		List<CharacteristicBody> body = this.figures.tables(m.code(), p, focus)
			.stream()
			.map((t) -> new CharacteristicBody(t.characteristic().name(), t.groups()))
			.toList();
		return new EqualityBody(m.code(), p.code(), focus.unit(), focus.staff(), body);
	}

	@GetMapping("/audits/{keyQuestion}")
	@PreAuthorize("isAuthenticated()")
	@Operation(
			summary = "Every group of every characteristic for a case audit key question, period and unit or practitioner",
			description = "Each completed case audit's answer to the key question is one row: met when judged "
					+ "sufficient (YES), counted when YES or NO (NOT_APPLICABLE left out), in the month the audit was "
					+ "completed, for the team and practitioner audited. period is YYYY-MM, YYYY-Qn or YYYY; give exactly "
					+ "one of unit or staff; template only when two case templates share the key question's code. "
					+ "Suppression and statistics as for measures.")
	AuditBody keyQuestion(@PathVariable String keyQuestion, @RequestParam(required = false) String template,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String staff, @AuthenticationPrincipal CurrentUser user) {
		EqualityAudits.KeyQuestion question = this.requests.keyQuestion(keyQuestion, template);
		Period p = this.requests.period(period);
		if ((unit == null) == (staff == null)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Give exactly one of unit or staff");
		}
		EqualityFigures.Focus focus = this.requests.focus(unit, staff, user);
		List<CharacteristicBody> body = this.audits.tables(question, p, focus)
			.stream()
			.map((t) -> new CharacteristicBody(t.characteristic().name(), t.groups()))
			.toList();
		return new AuditBody(question.templateCode(), question.code(), question.text(), p.code(), focus.unit(),
				focus.staff(), body);
	}

}
