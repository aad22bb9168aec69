package org.probity.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.probity.people.People;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo provider's personnel records, through the people module's facade: the demo
 * line manager's team rated for the last two quarters, two practitioners on improvement
 * plans (one review recorded, one missed), one moved from an escalated plan into the
 * capability procedure; and learning plan items answering the weakest audit themes of the
 * team's LDU, one of them delivered so that its before-and-after shows.
 */
@Component
@Order(5)
class DemoPeople implements DemoRecords {

	private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);

	private final People people;

	private final Clock clock;

	DemoPeople(People people, Clock clock) {
		this.people = people;
		this.clock = clock;
	}

	@Override
	public void load(DemoProvider.Parameters parameters) {
		long started = System.nanoTime();
		Estate estate = new Estate(parameters);
		Estate.Team team = estate.teams.stream().filter((t) -> t.weak).findFirst().orElse(estate.teams.get(0));
		String manager = "manager";
		LocalDate today = LocalDate.now(this.clock);
		Period due = this.people.dueQuarter();
		Period before = due.previous();
		LocalDate ratedBefore = before.endDate().plusDays(14);
		LocalDate ratedDue = due.endDate().plusDays(14);
		if (ratedDue.isAfter(today)) {
			ratedDue = today;
		}
		List<People.Member> members = this.people.members(new UnitCode(team.code))
			.stream()
			.filter((m) -> !m.staffCode().value().equals(team.manager.code))
			.toList();
		// the weakest first: the practitioners the generator made struggle, then the rest
		List<People.Member> order = new ArrayList<>();
		for (Estate.Staff s : team.practitioners) {
			if (s.problem) {
				members.stream().filter((m) -> m.staffCode().value().equals(s.code)).forEach(order::add);
			}
		}
		String account = DemoAccounts.plan(parameters, false)
			.stream()
			.filter((a) -> a.username().equals("practitioner"))
			.findFirst()
			.map(DemoAccounts.DemoAccount::staffCode)
			.orElse(null);
		members.stream()
			.filter((m) -> !order.contains(m) && !m.staffCode().value().equals(account))
			.forEach(order::add);
		members.stream().filter((m) -> m.staffCode().value().equals(account)).forEach(order::add);
		if (order.size() < 4) {
			return;
		}
		People.Member capability = order.get(0);
		People.Member amberOne = order.get(1);
		People.Member amberTwo = order.get(2);

		// the quarter before: the first Amber, with a plan reviewed three times and
		// escalated
		this.people.rate(manager, capability.staffCode(), before, "AMBER",
				"Initial contacts and sentence plans late in several cases; caseload reviewed.",
				"Every first contact within 5 business days; sentence plans within 15.",
				"Fortnightly supervision, a mentor from the team and a caseload cap for three months.", null, null,
				ratedBefore);
		for (int i = 1; i <= 3; i++) {
			this.people.recordReview(manager, capability.staffCode(), earliest(ratedBefore.plusMonths(i), today),
					(i < 3) ? "Some progress; two first contacts still late." : "No sustained improvement.");
		}
		this.people.recordOutcome(manager, capability.staffCode(), "ESCALATED",
				"Targets not met over the plan; referred to HR for the capability procedure.",
				earliest(ratedBefore.plusMonths(3), today));
		for (People.Member m : order.subList(1, order.size())) {
			this.people.rate(manager, m.staffCode(), before, "GREEN", "Performance in line with the team.", null, null,
					null, null, ratedBefore);
		}

		// the last quarter: Red and the capability procedure; two Ambers on plans
		this.people.rate(manager, capability.staffCode(), due, "RED",
				"Improvement plan escalated: capability procedure started with HR.", null, null, "FIRST_FORMAL",
				ratedDue, ratedDue);
		this.people.rate(manager, amberOne.staffCode(), due, "AMBER", "Monthly contact below 90% for the quarter.",
				"Monthly contact of at least 95% of the caseload.",
				"Weekly diary check with the SPO; duty cover reduced.", null, null, ratedDue);
		this.people.rate(manager, amberTwo.staffCode(), due, "AMBER", "Breach referrals outside 8 business days twice.",
				"Every breach referral within 8 business days of the absence.",
				"Enforcement refresher and a checklist from the team's breach lead.", null, null, ratedDue);
		if (!ratedDue.plusMonths(1).isAfter(today)) {
			this.people.recordReview(manager, amberOne.staffCode(), ratedDue.plusMonths(1),
					"Contact at 93% this month; keep going.");
		}
		// the rest Green, but one left unrated: a rating still due on the team page
		for (People.Member m : order.subList(3, order.size() - 1)) {
			this.people.rate(manager, m.staffCode(), due, "GREEN", "Performance in line with the team.", null, null,
					null, null, ratedDue);
		}

		// training for the LDU's weakest themes of the last quarter
		List<People.Theme> themes = this.people.trainingNeeds(new UnitCode(team.ldu.code()), due);
		String[] kinds = { "Practice workshop", "Practice development session", "Peer case discussion" };
		for (int i = 0; i < Math.min(3, themes.size()); i++) {
			LocalDate date = (i == 0) ? due.endDate().minusDays(20) : today.plusWeeks(3 + 2 * i);
			String course = kinds[i] + ": " + themes.get(i).text().replaceAll("\\?$", "");
			this.people.addLearningItem(manager, new UnitCode(team.ldu.code()), themes.get(i), course,
					(i == 1) ? "PSO" : "PO", List.of(), date, "Learning and development lead",
					(i == 0) ? "DELIVERED" : "BOOKED");
		}
		log.info("Demo personnel records loaded in {} ms ({} staff rated in {})",
				(System.nanoTime() - started) / 1_000_000, order.size(), team.name);
	}

	private static LocalDate earliest(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? b : a;
	}

}
