package org.probity.audits.ratings;

import java.math.BigDecimal;

import org.probity.audits.RatingRules;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rating rules in force. HMIP's 2018-2020 thresholds by default; a provider following
 * a revised framework sets probity.audits.ratings.* and names the framework version,
 * which is then stored with every result.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	RatingRules ratingRules(@Value("${probity.audits.ratings.framework-version:HMIP-2018}") String framework,
			@Value("${probity.audits.ratings.outstanding-from:80}") BigDecimal outstanding,
			@Value("${probity.audits.ratings.good-from:65}") BigDecimal good,
			@Value("${probity.audits.ratings.requires-improvement-from:50}") BigDecimal requiresImprovement,
			@Value("${probity.audits.ratings.overall-inadequate-up-to:5}") int inadequateUpTo,
			@Value("${probity.audits.ratings.overall-requires-improvement-up-to:15}") int requiresImprovementUpTo,
			@Value("${probity.audits.ratings.overall-good-up-to:25}") int goodUpTo) {
		return new RatingRules(framework, outstanding, good, requiresImprovement, inadequateUpTo,
				requiresImprovementUpTo, goodUpTo, RatingRules.HMIP_2018_STANDARDS);
	}

}
