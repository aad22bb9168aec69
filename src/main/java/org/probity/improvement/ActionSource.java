package org.probity.improvement;

import java.util.Objects;

/**
 * The source of an action: an action is raised once per kind and ref (e.g. ALERT with the
 * audit id, MEASURE_FLAG with {@code MEASURE:UNIT_OR_STAFF:YYYY-MM:KIND}). A null ref (an
 * action entered by hand) is never deduplicated.
 */
public record ActionSource(SourceKind kind, String ref) {

	public ActionSource {
		Objects.requireNonNull(kind, "kind");
		if (ref != null && ref.isBlank()) {
			ref = null;
		}
	}

}
