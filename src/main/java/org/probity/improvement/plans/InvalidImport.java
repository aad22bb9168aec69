package org.probity.improvement.plans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/** A file that breaks the layout: every bad row is listed and nothing is applied. */
public class InvalidImport extends Refused {

	public record RowError(long row, String column, String message) {
	}

	private final List<RowError> errors;

	public InvalidImport(List<RowError> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT,
				errors.size() + ((errors.size() == 1) ? " row is" : " rows are") + " not valid: nothing was imported");
		this.errors = List.copyOf(errors);
	}

	public List<RowError> errors() {
		return this.errors;
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("field", null);
		details.put("errors", this.errors);
		return details;
	}

}
