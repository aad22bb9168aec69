package org.probity.imports;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the {@link CaseDataImported} events that tests look for. */
@Component
class RecordedImports {

	private final List<CaseDataImported> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(CaseDataImported event) {
		this.events.add(event);
	}

	CaseDataImported of(long importId) {
		return this.events.stream().filter((e) -> e.importId() == importId).findFirst().orElseThrow();
	}

}
