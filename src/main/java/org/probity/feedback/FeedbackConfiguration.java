package org.probity.feedback;

import org.probity.shared.BusinessCalendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The complaint timescales in force, in business days (feedback.md's defaults unless
 * probity.feedback.complaints.* says otherwise).
 */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

	@Bean
	ComplaintTimescales complaintTimescales(@Value("${probity.feedback.complaints.acknowledge-days:5}") int acknowledge,
			@Value("${probity.feedback.complaints.respond-days:25}") int respond,
			@Value("${probity.feedback.complaints.appeal-days:20}") int appeal,
			@Value("${probity.feedback.complaints.appeal-response-days:20}") int appealResponse) {
		return new ComplaintTimescales(acknowledge, respond, appeal, appealResponse,
				BusinessCalendar.englandAndWales());
	}

}
