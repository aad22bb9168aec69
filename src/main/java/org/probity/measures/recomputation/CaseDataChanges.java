package org.probity.measures.recomputation;

import org.probity.imports.CaseDataImported;
import org.probity.imports.Dataset;
import org.probity.shared.EventId;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the measures in step with each import of case data: synchronously, in the
 * import's transaction, so that a query made after the import's response sees the new
 * figures.
 */
@Component
class CaseDataChanges {

	private final RecomputationStrategy strategy;

	private final TransactionTemplate transactions;

	CaseDataChanges(RecomputationStrategy strategy, TransactionTemplate transactions) {
		this.strategy = strategy;
		this.transactions = transactions;
	}

	@EventListener
	void on(CaseDataImported imported) {
		// Every measure counts events, attributed by the event's own team and staff
		// codes: people and staff rows change no result.
		if (imported.dataset() == Dataset.PEOPLE || imported.dataset() == Dataset.STAFF) {
			return;
		}
		// joins the import's transaction (a new one only if published outside any)
		this.transactions.executeWithoutResult((tx) -> {
			if (imported.changedEverything()) {
				this.strategy.recompute(imported.dataset() == Dataset.CONTACTS);
			}
			else if (!imported.changedEventIds().isEmpty()) {
				this.strategy.recomputeEvents(imported.changedEventIds().stream().map(EventId::value).toList(),
						imported.dataset(), imported.changedFrom(), imported.changedTo());
			}
		});
	}

}
