package org.probity.equality;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
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

	private final EqualityFigures figures;

	private final EqualityRequests requests;

	EqualityApi(EqualityFigures figures, EqualityRequests requests) {
		this.figures = figures;
		this.requests = requests;
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

}
