package org.probity.equality;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Estate;
import org.probity.shared.Period;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * What the pages and the API both check in a request: the measure exists, the period
 * reads, the unit or practitioner exists and is in the user's scope.
 */
@Component
class EqualityRequests {

	private final EqualityFigures figures;

	private final EqualityScope scope;

	private final Estate estate;

	private final EqualityAudits audits;

	EqualityRequests(EqualityFigures figures, EqualityScope scope, Estate estate, EqualityAudits audits) {
		this.figures = figures;
		this.scope = scope;
		this.estate = estate;
		this.audits = audits;
	}

	/**
	 * The key question of that code; the template is needed only when two case templates
	 * share the code.
	 */
	EqualityAudits.KeyQuestion keyQuestion(String code, String template) {
		List<EqualityAudits.KeyQuestion> found = this.audits.keyQuestions(code)
			.stream()
			.filter((q) -> template == null || template.isBlank() || q.templateCode().equals(template))
			.toList();
		if (found.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No key question " + code
					+ ((template != null) ? " in template " + template : "") + " of a case audit template");
		}
		if (found.size() > 1) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Key question " + code + " is in more than one template: give template="
							+ found.stream().map(EqualityAudits.KeyQuestion::templateCode).toList());
		}
		return found.get(0);
	}

	EqualityFigures.Measure measure(String code) {
		return this.figures.measure(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No measure " + code));
	}

	Period period(String period) {
		if (period == null || period.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Give a period: a month (2024-03), a quarter (2024-Q1) or a year (2024)");
		}
		try {
			return Period.parse(period);
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	/**
	 * A unit or a practitioner (exactly one given) that exists and that the user may see.
	 */
	EqualityFigures.Focus focus(String unit, String staff, CurrentUser user) {
		if (unit != null) {
			if (!unitExists(unit)) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No unit " + unit);
			}
			this.scope.checkUnit(user, unit);
			return EqualityFigures.Focus.unit(unit);
		}
		if (!staffExists(staff)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No member of staff " + staff);
		}
		this.scope.checkStaff(user, staff);
		return EqualityFigures.Focus.staff(staff, this.scope.within(user));
	}

	String unitName(String unit) {
		return this.estate.unit(new UnitCode(unit)).map((u) -> u.name()).orElse(unit);
	}

	String unitType(String unit) {
		return this.estate.unit(new UnitCode(unit)).map((u) -> u.type().name()).orElse("");
	}

	String staffName(String staff) {
		return this.estate.staff(new StaffCode(staff)).map((s) -> s.name()).orElse(staff);
	}

	private boolean unitExists(String unit) {
		try {
			return this.estate.unit(new UnitCode(unit)).isPresent();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private boolean staffExists(String staff) {
		try {
			return this.estate.staff(new StaffCode(staff)).isPresent();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
