package org.probity.people;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.measures.MeasureFlagRaised;
import org.probity.shared.MeasureCode;
import org.probity.shared.Period;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.shared.web.PageSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formal review prompts: one per sustained-shortfall flag on a practitioner however often
 * the event is delivered, shown on the line manager's home page; and a member of staff
 * rated AMBER or RED who is still below target on the same measure three months later.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormalReviewPromptsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FormalReviews reviews;

	@Autowired
	Ratings ratings;

	@Autowired
	PersonnelScope scope;

	PeopleTestData data;

	@BeforeAll
	void estate() {
		this.data = new PeopleTestData(this.jdbc, this.accounts, "PFR").estate();
	}

	int prompts(String staff) {
		return this.jdbc.sql("select count(*) from formal_review_prompt where staff_code = :s")
			.param("s", staff)
			.query(Integer.class)
			.single();
	}

	void publish(Object event) {
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(event));
	}

	void awaitPrompts(String staff, int count) throws InterruptedException {
		for (int i = 0; i < 100 && prompts(staff) < count; i++) {
			Thread.sleep(100);
		}
	}

	@Test
	void aSustainedShortfallFlagPromptsOnceEvenWhenDeliveredTwice() throws Exception {
		String staff = this.data.staff(1);
		MeasureFlagRaised flag = new MeasureFlagRaised(MeasureFlagRaised.SUSTAINED_SHORTFALL, new MeasureCode("SL001R"),
				YearMonth.of(2024, 3), null, new StaffCode(staff), 80.0);
		publish(flag);
		publish(flag);
		awaitPrompts(staff, 1);
		// the listener again, as a redelivery of an incomplete publication would call it
		this.reviews.on(flag);
		Thread.sleep(1000);
		assertThat(prompts(staff)).isEqualTo(1);

		// a second measure of the same member of staff
		publish(new MeasureFlagRaised(MeasureFlagRaised.SUSTAINED_SHORTFALL, new MeasureCode("SL002R"),
				YearMonth.of(2024, 4), null, new StaffCode(staff), 75.0));
		awaitPrompts(staff, 2);

		PageSession manager = new PageSession(this.port).signedIn(this.data.user("manager"), PeopleTestData.PASSWORD);
		String home = manager.get("/").body();
		// one line for the person, each measure by its title, the newest first
		assertThat(home.split("Open a formal review for Pat Practitioner", -1)).hasSize(2);
		assertThat(home).contains("<span>Initial contact: licences (SL002R)</span> to <span>April 2024</span>; "
				+ "<span>Initial contact: community orders and SSOs (SL001R)</span> to <span>March 2024</span>");
		// recorded as opened, they leave the home page and stay on the record
		for (FormalReviews.FlagPrompt prompt : this.reviews.flagPrompts(List.of(staff), true)) {
			assertThat(manager
				.postForm("/people/" + staff + "/prompts/" + prompt.promptId() + "/opened",
						java.util.Map.of("_csrf", manager.csrfToken("/people/" + staff)))
				.statusCode()).isEqualTo(302);
		}
		assertThat(manager.get("/").body()).doesNotContain("Open a formal review for Pat Practitioner");
		assertThat(manager.get("/people/" + staff).body()).contains("Formal review opened");
		// a practitioner's own home page does not show the manager's prompts
		PageSession practitioner = new PageSession(this.port).signedIn(this.data.user("practitioner"),
				PeopleTestData.PASSWORD);
		assertThat(practitioner.get("/").body()).doesNotContain("Open a formal review");
	}

	@Test
	void deeperAuditFlagsAndFlagsOnUnitsPromptNothing() throws Exception {
		String staff = this.data.staff(2);
		this.reviews.on(new MeasureFlagRaised(MeasureFlagRaised.DEEPER_AUDIT, new MeasureCode("SL001R"),
				YearMonth.of(2024, 3), null, new StaffCode(staff), 70.0));
		this.reviews.on(new MeasureFlagRaised(MeasureFlagRaised.SUSTAINED_SHORTFALL, new MeasureCode("SL001R"),
				YearMonth.of(2024, 3), new UnitCode(this.data.team(1)), null, 70.0));
		assertThat(prompts(staff)).isZero();
		assertThat(this.jdbc.sql("select count(*) from formal_review_prompt where staff_code is null")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void staffRatedAmberStillBelowTargetThreeMonthsLaterAreListedForFormalReview() {
		String staff = this.data.staff(3);
		LocalDate today = LocalDate.now();
		Period rated = Ratings.quarterOf(today).previous().previous();
		Period later = Ratings.quarterOf(rated.endDate().plusDays(1));
		// SL001R below its target of 93% in both quarters; AM_E below then, met after
		for (YearMonth m : rated.months()) {
			cell("SL001R", m, staff, 8, 10);
			cell("AM_E", m, staff, 5, 10);
		}
		for (YearMonth m : later.months()) {
			cell("SL001R", m, staff, 9, 10);
			cell("AM_E", m, staff, 10, 10);
		}
		CurrentUser otherManager = this.accounts.userFor(this.data.user("other-manager")).orElseThrow();
		this.ratings.rate(otherManager, this.scope.find(staff).orElseThrow(),
				new Ratings.RatingInput(rated.code(), "AMBER", "Initial contacts late", null, null,
						"All first contacts in 5 days", "Diary support", null, null));
		assertThat(this.reviews.ratingPrompts(staff)).singleElement().satisfies((p) -> {
			assertThat(p.measureCode()).isEqualTo("SL001R");
			assertThat(p.quarter()).isEqualTo(rated.code());
			assertThat(p.performanceThen()).isEqualTo("80.0%");
			assertThat(p.performanceNow()).isEqualTo("90.0%");
		});
		// rated Green, nobody is listed
		String green = this.data.staff(4);
		for (YearMonth m : rated.months()) {
			cell("SL001R", m, green, 8, 10);
		}
		for (YearMonth m : later.months()) {
			cell("SL001R", m, green, 8, 10);
		}
		this.ratings.rate(otherManager, this.scope.find(green).orElseThrow(),
				new Ratings.RatingInput(rated.code(), "GREEN", "Fine", null, null, null, null, null, null));
		assertThat(this.reviews.ratingPrompts(green)).isEmpty();
	}

	void cell(String measure, YearMonth month, String staff, int numerator, int denominator) {
		this.jdbc.sql("""
				insert into measure_cell (measure_code, month, team_code, staff_code, numerator, denominator)
				values (:m, :month, :team, :staff, :n, :d)
				""")
			.param("m", measure)
			.param("month", month.atDay(1))
			.param("team", this.data.team(2))
			.param("staff", staff)
			.param("n", numerator)
			.param("d", denominator)
			.update();
	}

}
