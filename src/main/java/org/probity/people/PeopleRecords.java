package org.probity.people;

import org.probity.estate.Estate;
import org.probity.estate.Staff;

import org.springframework.stereotype.Component;

/**
 * The personnel records of the module, held together for the pages that show them all.
 */
@Component
class PeopleRecords {

	private final Ratings ratings;

	private final ImprovementPlans plans;

	private final FormalReviews reviews;

	private final Estate estate;

	PeopleRecords(Ratings ratings, ImprovementPlans plans, FormalReviews reviews, Estate estate) {
		this.ratings = ratings;
		this.plans = plans;
		this.reviews = reviews;
		this.estate = estate;
	}

	Ratings ratings() {
		return this.ratings;
	}

	ImprovementPlans plans() {
		return this.plans;
	}

	FormalReviews reviews() {
		return this.reviews;
	}

	Estate estate() {
		return this.estate;
	}

	String teamName(Staff staff) {
		return StaffPerformance.unitName(this.estate, staff);
	}

}
