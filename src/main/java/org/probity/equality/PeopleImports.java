package org.probity.equality;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.probity.imports.CaseDataImported;
import org.probity.imports.Dataset;

/**
 * An import of people changes characteristics but no measure: the people version moves
 * on, in the import's transaction (as the measures recompute in it), so that no node
 * serves counts read before the import. Idempotent in effect: a second move only makes
 * readers sum once more.
 */
@Component
class PeopleImports {

	private final JdbcClient jdbc;

	PeopleImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(CaseDataImported imported) {
		if (imported.dataset() == Dataset.PEOPLE && !imported.changedNothing()) {
			this.jdbc.sql("update equality_state set people_version = people_version + 1").update();
		}
	}

}
