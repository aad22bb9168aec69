package org.probity.audits.sampling;

import java.util.Set;
import java.util.stream.Collectors;

import org.probity.measures.MeasureShortfalls;
import org.probity.shared.EventId;
import org.probity.shared.MeasureCode;
import org.probity.shared.Period;

import org.springframework.stereotype.Component;

/** Cases that failed a measure in a period, as the measures module counts them. */
@Component
class MeasureCaseFailures implements MeasureFailures {

	private final MeasureShortfalls shortfalls;

	MeasureCaseFailures(MeasureShortfalls shortfalls) {
		this.shortfalls = shortfalls;
	}

	@Override
	public Set<String> failingEventIds(String measureCode, Period period) {
		if (!MeasureCode.isValid(measureCode)) {
			return Set.of();
		}
		return this.shortfalls.eventsNotMeeting(new MeasureCode(measureCode), period)
			.stream()
			.map(EventId::value)
			.collect(Collectors.toSet());
	}

}
