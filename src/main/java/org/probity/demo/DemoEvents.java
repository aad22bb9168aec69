package org.probity.demo;

import java.time.Duration;
import java.util.List;

import org.probity.audits.AlertRaised;
import org.probity.audits.CaseAuditCompleted;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Waits for the events of the demo's audits to be handled. The improvement module turns
 * each audit's findings and alert into actions in Spring Modulith's asynchronous
 * listeners, after the audits are committed; the demo's records that build on those
 * actions (their managers' progress) must find them all there. Reads Spring Modulith's
 * publication registry ({@code event_publication}), as the measures benchmark does: its
 * Java registry is not on the compile path.
 */
@Component
class DemoEvents {

	private static final List<String> AUDIT_EVENTS = List.of(CaseAuditCompleted.class.getName(),
			AlertRaised.class.getName());

	private final JdbcClient jdbc;

	DemoEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether every audit event published so far was handled within the time (one whose
	 * listener failed stays incomplete until the registry resubmits it: not waited for
	 * beyond the time).
	 */
	boolean awaitAuditsHandled(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (pending() > 0) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	private long pending() {
		return this.jdbc
			.sql("select count(*) from event_publication where completion_date is null and event_type in (:types)")
			.param("types", AUDIT_EVENTS)
			.query(Long.class)
			.single();
	}

}
