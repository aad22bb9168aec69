package org.probity.reports.scheduled;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.probity.feedback.Complaints;
import org.probity.feedback.Questionnaire;
import org.probity.feedback.Questionnaires;
import org.probity.feedback.SurveyResults;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;

/**
 * The one place the scheduled reports read the feedback module (issue #18, point 7):
 * complaint timeliness and survey headlines, through its public API as it stands. Another
 * engineer is improving those methods: re-point these two calls at merge.
 */
@Component
class FeedbackHeadlines {

	/** Complaints received in a period about a unit and the units below, by stage. */
	record ComplaintTimeliness(int received, int acknowledgedOnTime, int acknowledgedLate, int acknowledgementOpen,
			int acknowledgementOverdue, int respondedOnTime, int respondedLate, int responseOpen, int responseOverdue) {

		/**
		 * Stage 1 responses on time as a share of those responded to or overdue, or null.
		 */
		BigDecimal responsesOnTimePercent() {
			int decided = this.respondedOnTime + this.respondedLate + this.responseOverdue;
			return (decided == 0) ? null : BigDecimal.valueOf(100L * this.respondedOnTime)
				.divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP);
		}

	}

	/**
	 * A questionnaire's headline for a unit and period: respondents, whether results are
	 * suppressed (fewer than the minimum), the mean positive share of its questions and
	 * the engagement index where it has one.
	 */
	record SurveyHeadline(String questionnaire, long respondents, boolean suppressed, BigDecimal positive,
			BigDecimal engagementIndex) {
	}

	private final Complaints complaints;

	private final SurveyResults surveys;

	private final Questionnaires questionnaires;

	FeedbackHeadlines(Complaints complaints, SurveyResults surveys, Questionnaires questionnaires) {
		this.complaints = complaints;
		this.surveys = surveys;
		this.questionnaires = questionnaires;
	}

	ComplaintTimeliness complaints(UnitCode unit, LocalDate from, LocalDate to, LocalDate asOf) {
		List<Complaints.TimelinessRow> rows = this.complaints.timeliness(this.complaints.receivedUnder(unit, from, to),
				asOf);
		Complaints.TimelinessRow all = rows.get(rows.size() - 1);
		return new ComplaintTimeliness(all.received(), all.acknowledgedOnTime(), all.acknowledgedLate(),
				all.acknowledgementOpen(), all.acknowledgementOverdue(), all.respondedOnTime(), all.respondedLate(),
				all.responseOpen(), all.responseOverdue());
	}

	List<SurveyHeadline> surveys(UnitCode unit, Period period) {
		List<SurveyHeadline> headlines = new ArrayList<>();
		for (Questionnaire q : this.questionnaires.latest()) {
			SurveyResults.Results r = this.surveys.results(q.code(), period, unit);
			if (r.respondents() == 0) {
				continue;
			}
			BigDecimal positive = null;
			if (!r.suppressed()) {
				List<BigDecimal> shares = r.questions()
					.stream()
					.map(SurveyResults.QuestionResult::positive)
					.filter(Objects::nonNull)
					.toList();
				if (!shares.isEmpty()) {
					positive = shares.stream()
						.reduce(BigDecimal.ZERO, BigDecimal::add)
						.divide(BigDecimal.valueOf(shares.size()), 1, RoundingMode.HALF_UP);
				}
			}
			headlines.add(new SurveyHeadline(q.title(), r.respondents(), r.suppressed(), positive,
					r.suppressed() ? null : r.engagementIndex()));
		}
		return headlines;
	}

}
