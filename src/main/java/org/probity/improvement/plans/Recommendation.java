package org.probity.improvement.plans;

/** An inspection recommendation with the provider's response. */
public record Recommendation(int recNo, String text, Response response, ReasonCategory reasonCategory,
		String explanation) {
}
