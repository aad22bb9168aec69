package org.probity.improvement.plans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import org.probity.shared.web.Refused;

/** A request that breaks a rule of improvement.md: 422 with the field it is about. */
public class InvalidPlan extends Refused {

	private final String field;

	public InvalidPlan(String field, String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("field", this.field);
		details.put("errors", List.of());
		return details;
	}

}
