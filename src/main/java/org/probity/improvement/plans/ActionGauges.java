package org.probity.improvement.plans;

import java.time.Clock;
import java.time.LocalDate;

import io.micrometer.core.instrument.MeterRegistry;
import org.probity.shared.DatabaseGauge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code probity.improvement.actions.overdue}: one-off actions neither complete nor
 * cancelled after their target date (Red by {@link Rag}). A recurring action's missed
 * review is not counted here: it depends on its updates, which the action pages judge.
 */
@Component
class ActionGauges {

	ActionGauges(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
		DatabaseGauge.register(meters, "probity.improvement.actions.overdue",
				"Open one-off improvement actions past their target date", () -> jdbc.sql("""
						select count(*) from improvement_action
						where status in ('NOT_STARTED', 'IN_PROGRESS') and recurrence is null and target_date < :today
						""").param("today", LocalDate.now(clock)).query(Long.class).single());
	}

}
