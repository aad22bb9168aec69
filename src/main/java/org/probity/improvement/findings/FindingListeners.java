package org.probity.improvement.findings;

import org.probity.audits.AlertRaised;
import org.probity.audits.CaseAuditCompleted;
import org.probity.measures.MeasureFlagRaised;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Receives the findings of audits and measures from the event publication registry (so
 * that none is lost when a node dies) and hands each to {@link FindingActions}.
 */
@Component
class FindingListeners {

	private final FindingActions findings;

	FindingListeners(FindingActions findings) {
		this.findings = findings;
	}

	@ApplicationModuleListener
	void on(AlertRaised alert) {
		this.findings.on(alert);
	}

	@ApplicationModuleListener
	void on(CaseAuditCompleted audit) {
		this.findings.on(audit);
	}

	@ApplicationModuleListener
	void on(MeasureFlagRaised flag) {
		this.findings.on(flag);
	}

}
