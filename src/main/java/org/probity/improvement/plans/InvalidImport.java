package org.probity.improvement.plans;

import java.util.List;

/** A file that breaks the layout: every bad row is listed and nothing is applied. */
public class InvalidImport extends RuntimeException {

	public record RowError(long row, String column, String message) {
	}

	private final List<RowError> errors;

	public InvalidImport(List<RowError> errors) {
		super(errors.size() + ((errors.size() == 1) ? " row is" : " rows are") + " not valid: nothing was imported");
		this.errors = List.copyOf(errors);
	}

	public List<RowError> errors() {
		return this.errors;
	}

}
