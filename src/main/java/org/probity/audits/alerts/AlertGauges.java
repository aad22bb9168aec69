package org.probity.audits.alerts;

import java.time.Clock;
import java.time.LocalDate;

import io.micrometer.core.instrument.MeterRegistry;
import org.probity.shared.DatabaseGauge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code probity.audits.alerts.overdue}: alerts whose one business day to record what was
 * done has passed with nothing recorded (what the quality team's overdue list shows).
 */
@Component
class AlertGauges {

	AlertGauges(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
		DatabaseGauge.register(meters, "probity.audits.alerts.overdue",
				"Audit alerts past their due date with nothing recorded",
				() -> jdbc.sql("select count(*) from audit_alert where acknowledged_at is null and due_date < :today")
					.param("today", LocalDate.now(clock))
					.query(Long.class)
					.single());
	}

}
