package org.probity.people;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.estate.Staff;
import org.probity.shared.Period;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Quarterly ratings and what they open: history never overwritten, corrections dated with
 * their reason, concurrent edits refused, AMBER's improvement plan with its monthly
 * reviews, RED's capability procedure start.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingsAndPlansTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Ratings ratings;

	@Autowired
	ImprovementPlans plans;

	@Autowired
	PersonnelScope scope;

	PeopleTestData data;

	CurrentUser manager;

	@BeforeAll
	void estate() {
		this.data = new PeopleTestData(this.jdbc, this.accounts, "PRA").estate();
		this.manager = this.accounts.userFor(this.data.user("manager")).orElseThrow();
	}

	Staff staff(int n) {
		return this.scope.find(this.data.staff(n)).orElseThrow();
	}

	static Ratings.RatingInput rating(String quarter, String rag, String note) {
		return new Ratings.RatingInput(quarter, rag, note, null, null, null, null, null, null);
	}

	@Test
	void aCorrectionIsANewDatedRatingAndTheHistoryIsNeverOverwritten() {
		Staff staff = staff(1);
		Ratings.Rating first = this.ratings.rate(this.manager, staff, rating("2024-Q1", "GREEN", "Solid quarter"))
			.rating();
		Ratings.Rating correction = this.ratings
			.rate(this.manager, staff,
					new Ratings.RatingInput("2024-Q1", "RED", "Three serious incidents missed", first.ratingId(),
							"Incidents reported late by the duty officer", null, null, "FIRST_FORMAL",
							LocalDate.of(2024, 4, 8)))
			.rating();

		List<Ratings.Rating> history = this.ratings.history(staff.code().value());
		assertThat(history).extracting(Ratings.Rating::ratingId)
			.containsExactly(correction.ratingId(), first.ratingId());
		assertThat(history.get(1)).satisfies((r) -> {
			assertThat(r.rag()).isEqualTo(Rag.GREEN);
			assertThat(r.note()).isEqualTo("Solid quarter");
			assertThat(r.current()).isFalse();
		});
		assertThat(history.get(0).current()).isTrue();
		assertThat(history.get(0).corrects()).isEqualTo(first.ratingId());
		assertThat(history.get(0).correctionReason()).isEqualTo("Incidents reported late by the duty officer");
		assertThat(this.ratings.current(staff.code().value(), "2024-Q1")).get()
			.extracting(Ratings.Rating::rag)
			.isEqualTo(Rag.RED);
		// RED records the start of the capability procedure, and no plan
		assertThat(this.plans.capabilityOf(staff.code().value())).singleElement().satisfies((c) -> {
			assertThat(c.stage()).isEqualTo(CapabilityStage.FIRST_FORMAL);
			assertThat(c.startedOn()).isEqualTo(LocalDate.of(2024, 4, 8));
		});
		assertThat(this.plans.plansOf(staff.code().value())).isEmpty();
		// the database itself refuses to change or delete a rating
		assertThatThrownBy(() -> this.jdbc.sql("update staff_rating set rag = 'GREEN' where rating_id = :id")
			.param("id", first.ratingId())
			.update()).hasMessageContaining("never changed");
		assertThatThrownBy(() -> this.jdbc.sql("delete from staff_rating where rating_id = :id")
			.param("id", first.ratingId())
			.update()).hasMessageContaining("never changed");
	}

	@Test
	void aSecondRatingOfTheSameQuarterOrOfAStaleOneIsRefused() {
		Staff staff = staff(2);
		Ratings.Rating first = this.ratings.rate(this.manager, staff, rating("2024-Q2", "GREEN", "Fine")).rating();
		assertThatExceptionOfType(StaleEdit.class)
			.isThrownBy(() -> this.ratings.rate(this.manager, staff, rating("2024-Q2", "AMBER", "Second opinion")))
			.withMessageContaining("already rated Green");
		Ratings.RatingInput correction = new Ratings.RatingInput("2024-Q2", "GREEN", "Better than that",
				first.ratingId(), "Typo in the note", null, null, null, null);
		this.ratings.rate(this.manager, staff, correction);
		// a second manager correcting the same (now superseded) rating is refused
		assertThatExceptionOfType(StaleEdit.class).isThrownBy(() -> this.ratings.rate(this.manager, staff, correction))
			.withMessageContaining("no longer the current one");
		assertThat(this.ratings.history(staff.code().value())).hasSize(2);
	}

	@Test
	void invalidRatingsListEveryProblemAndRecordNothing() {
		Staff staff = staff(3);
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> this.ratings.rate(this.manager, staff,
					new Ratings.RatingInput("2099-Q1", "PURPLE", " ", null, null, null, null, null, null)))
			.satisfies((ex) -> assertThat(ex.errors()).containsKeys("quarter", "rag", "note"));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> this.ratings.rate(this.manager, staff, rating("2024-Q1", "AMBER", "Needs work")))
			.satisfies((ex) -> assertThat(ex.errors()).containsKeys("objectives", "support"));
		assertThat(this.ratings.history(staff.code().value())).isEmpty();
	}

	@Test
	void amberOpensAPlanWithAReviewEachMonthForTheNextThreeMonths() {
		Staff staff = staff(4);
		Ratings.Recorded recorded = this.ratings.rate(this.manager, staff, new Ratings.RatingInput("2024-Q3", "AMBER",
				"Plans late", null, null, "Plans within 15 days", "Weekly supervision", null, null));
		assertThat(recorded.planId()).isNotNull();
		ImprovementPlans.Plan plan = this.plans.find(recorded.planId()).orElseThrow();
		LocalDate opened = plan.openedOn();
		assertThat(plan.reviews()).extracting(ImprovementPlans.Review::dueOn)
			.containsExactly(opened.plusMonths(1), opened.plusMonths(2), opened.plusMonths(3));
		assertThat(plan.objectives()).isEqualTo("Plans within 15 days");
		assertThat(plan.open()).isTrue();

		// a second Amber quarter does not open a second plan while one is open
		Ratings.Recorded again = this.ratings.rate(this.manager, staff, rating("2024-Q4", "AMBER", "Still late"));
		assertThat(again.planId()).isNull();
		assertThat(this.plans.plansOf(staff.code().value())).hasSize(1);

		ImprovementPlans.Plan reviewed = this.plans.recordReview(this.manager, plan.planId(), plan.version(), 1, opened,
				"First month: two plans late");
		assertThat(reviewed.reviews().get(0).note()).isEqualTo("First month: two plans late");
		// the same form posted again with the old version is refused, not applied twice
		assertThatExceptionOfType(StaleEdit.class).isThrownBy(() -> this.plans.recordReview(this.manager, plan.planId(),
				plan.version(), 2, opened, "Concurrent second review"));
		assertThat(this.plans.find(plan.planId()).orElseThrow().reviews().get(1).done()).isFalse();

		ImprovementPlans.Plan extended = this.plans.recordOutcome(this.manager, plan.planId(), reviewed.version(),
				"EXTENDED", "Progress but not there yet");
		assertThat(extended.open()).isTrue();
		assertThat(extended.reviews()).hasSize(6);
		assertThat(extended.reviews().get(5).dueOn()).isEqualTo(opened.plusMonths(6));
		ImprovementPlans.Plan improved = this.plans.recordOutcome(this.manager, plan.planId(), extended.version(),
				"IMPROVED", "All plans on time");
		assertThat(improved.open()).isFalse();
		assertThat(improved.outcome()).isEqualTo(ImprovementPlans.Outcome.IMPROVED);
	}

	@Test
	void theReviewScheduleCrossesTheYearEnd() {
		assertThat(ImprovementPlans.reviewSchedule(LocalDate.of(2024, 11, 15), 3))
			.containsExactly(LocalDate.of(2024, 12, 15), LocalDate.of(2025, 1, 15), LocalDate.of(2025, 2, 15));
		assertThat(ImprovementPlans.reviewSchedule(LocalDate.of(2024, 12, 31), 3))
			.containsExactly(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31));
		assertThat(ImprovementPlans.reviewSchedule(LocalDate.of(2023, 11, 30), 3))
			.containsExactly(LocalDate.of(2023, 12, 30), LocalDate.of(2024, 1, 30), LocalDate.of(2024, 2, 29));
	}

	@Test
	void ratingPagesCheckTheAnswersBeforeRecordingAndExplainAConflict() {
		PageSession session = new PageSession(this.port).signedIn(this.data.user("manager"), PeopleTestData.PASSWORD);
		String staff = this.data.staff(2);
		String form = "/people/" + staff + "/ratings/new?quarter=2023-Q4";
		Map<String, String> fields = Map.of("quarter", "2023-Q4", "rag", "AMBER", "note", "Contact levels low",
				"objectives", "Monthly contact above 95%", "support", "Fortnightly supervision", "_csrf",
				session.csrfToken(form));
		HttpResponse<String> check = session.postForm("/people/" + staff + "/ratings/check", fields);
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(check.body()).contains("Check your answers").contains("Amber").contains("Monthly contact above 95%");
		assertThat(this.ratings.current(staff, "2023-Q4")).isEmpty();

		HttpResponse<String> recorded = session.postForm("/people/" + staff + "/ratings", fields);
		assertThat(recorded.statusCode()).isEqualTo(302);
		assertThat(this.ratings.current(staff, "2023-Q4")).isPresent();

		// the same answers posted again (a second tab, or a colleague) are refused with a
		// message
		HttpResponse<String> again = session.postForm("/people/" + staff + "/ratings", fields);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("There is a problem").contains("already rated Amber");
		assertThat(this.ratings.history(staff)).filteredOn((r) -> r.quarter().equals("2023-Q4")).hasSize(1);

		HttpResponse<String> invalid = session.postForm("/people/" + staff + "/ratings/check",
				Map.of("quarter", "2023-Q3", "rag", "", "note", "", "_csrf", session.csrfToken(form)));
		assertThat(invalid.body()).contains("Select Green, Amber or Red")
			.contains("Enter a note explaining the rating");
		assertThat(Period.parse("2023-Q3").code()).isEqualTo("2023-Q3");
	}

}
