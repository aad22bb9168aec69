package org.probity.reports.sites;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.probity.accounts.CurrentUser;
import org.probity.audits.AuditAlerts;
import org.probity.audits.AuditRatings;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.estate.UnitType;
import org.probity.estate.Visibility;
import org.probity.measures.UnitFigures;
import org.probity.shared.Clocks;
import org.probity.shared.Crn;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly site quality RAG of every team (delivery site) and LDU the reader may
 * see, by {@link SiteRule}, with its reasons and the RAG of the three quarters before.
 * Read live from the measures' and audits' public APIs; the reader's scope is the
 * visibility rule's.
 */
@Service
public class SiteRatings {

	/** How many quarters the trend shows, the chosen one last. */
	static final int TREND = 4;

	public record QuarterRag(String quarter, SiteRag rag) {
	}

	/** One site: its RAG in the chosen quarter with the reasons, and its trend. */
	public record Site(String unitCode, String unitName, UnitType unitType, String parentCode, String parentName,
			SiteRag rag, List<SiteRule.Reason> reasons, List<String> notCounted, List<QuarterRag> trend) {

		public boolean red() {
			return this.rag == SiteRag.RED;
		}

	}

	public record Ratings(Period quarter, List<Period> quarters, List<Site> sites) {

		public long count(SiteRag rag) {
			return this.sites.stream().filter((s) -> s.rag() == rag).count();
		}

	}

	private final Estate estate;

	private final Visibility visibility;

	private final UnitFigures results;

	private final AuditRatings ratings;

	private final AuditAlerts alerts;

	private final Clock clock;

	SiteRatings(Estate estate, Visibility visibility, UnitFigures results, AuditRatings ratings, AuditAlerts alerts,
			Clock clock) {
		this.estate = estate;
		this.visibility = visibility;
		this.results = results;
		this.ratings = ratings;
		this.alerts = alerts;
		this.clock = clock;
	}

	/** The last quarter that has ended, today in London. */
	Period lastFullQuarter() {
		LocalDate today = LocalDate.now(this.clock.withZone(Clocks.LONDON));
		LocalDate inLast = today.minusMonths(3);
		return Period.quarter(inLast.getYear(), (inLast.getMonthValue() - 1) / 3 + 1);
	}

	/**
	 * Reads a quarter parameter: absent means the last full quarter.
	 * @throws IllegalArgumentException when it is not a quarter like 2026-Q3
	 */
	Period quarter(String text) {
		if (text == null || text.isBlank()) {
			return lastFullQuarter();
		}
		Period period;
		try {
			period = Period.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The quarter must look like 2026-Q3");
		}
		if (period.kind() != Period.Kind.QUARTER) {
			throw new IllegalArgumentException("The quarter must look like 2026-Q3");
		}
		return period;
	}

	/**
	 * The ratings of the sites the user may see, all of them or those in {@code within}
	 * (the unit itself, when a team or LDU, and every team and LDU under it).
	 * @throws AccessDeniedException when the user may not see {@code within}
	 * @throws IllegalArgumentException when there is no unit {@code within}
	 */
	@Transactional(readOnly = true)
	public Ratings rate(CurrentUser user, Period quarter, UnitCode within) {
		List<Unit> units = this.estate.units();
		Map<String, Unit> byCode = new HashMap<>();
		units.forEach((u) -> byCode.put(u.code().value(), u));
		if (within != null) {
			if (!byCode.containsKey(within.value())) {
				throw new IllegalArgumentException("There is no unit " + within.value());
			}
			if (!this.visibility.maySeeUnit(user, within)) {
				throw new AccessDeniedException("You may not see unit " + within.value());
			}
		}
		Set<String> visible = this.visibility.visibleUnits(user);
		List<Unit> sites = new ArrayList<>();
		for (Unit u : ordered(units)) {
			if ((u.type() == UnitType.TEAM || u.type() == UnitType.LDU)
					&& (visible == null || visible.contains(u.code().value()))
					&& (within == null || under(u, within.value(), byCode))) {
				sites.add(u);
			}
		}
		List<Period> quarters = new ArrayList<>();
		for (int i = TREND - 1; i >= 0; i--) {
			Period q = quarter;
			for (int j = 0; j < i; j++) {
				q = q.previous();
			}
			quarters.add(q);
		}
		List<UnitCode> codes = sites.stream().map(Unit::code).toList();
		LocalDate today = LocalDate.now(this.clock.withZone(Clocks.LONDON));
		List<AuditAlerts.Alert> allAlerts = codes.isEmpty() ? List.of() : this.alerts.visibleOf(user,
				this.alerts.raisedBetween(null, LocalDate.of(1900, 1, 1), quarter.endDate()));
		Map<Period, Map<String, SiteRule.Judgement>> judged = new LinkedHashMap<>();
		for (Period q : quarters) {
			Map<UnitCode, List<UnitFigures.Line>> figures = this.results.of(codes, q);
			Map<String, SiteRule.Judgement> byUnit = new HashMap<>();
			for (Unit site : sites) {
				String code = site.code().value();
				List<AuditRatings.StandardResult> standards = this.ratings
					.rate(AuditRatings.Scope.unit(site.code(), q.startDate(), q.endDate()))
					.standards();
				List<SiteRule.AlertFacts> overdue = new ArrayList<>();
				for (AuditAlerts.Alert a : allAlerts) {
					LocalDate acknowledged = (a.acknowledgedAt() == null) ? null
							: a.acknowledgedAt().atZone(Clocks.LONDON).toLocalDate();
					if (a.teamCode() != null && under(byCode.get(a.teamCode()), code, byCode)
							&& SiteRule.overdueIn(a.dueDate(), acknowledged, q, today)) {
						overdue.add(new SiteRule.AlertFacts(a.auditId(), a.crn(), a.dueDate(), acknowledged,
								a.restricted()));
					}
				}
				byUnit.put(code, SiteRule.judge(figures.get(site.code()), standards, overdue));
			}
			judged.put(q, byUnit);
		}
		List<Site> rated = new ArrayList<>();
		for (Unit site : sites) {
			String code = site.code().value();
			SiteRule.Judgement now = judged.get(quarter).get(code);
			List<QuarterRag> trend = quarters.stream()
				.map((q) -> new QuarterRag(q.code(), judged.get(q).get(code).rag()))
				.toList();
			Unit parent = (site.parentCode() == null) ? null : byCode.get(site.parentCode().value());
			rated.add(new Site(code, site.name(), site.type(), (parent == null) ? null : parent.code().value(),
					(parent == null) ? null : parent.name(), now.rag(), now.reasons(), now.notCounted(), trend));
		}
		return new Ratings(quarter, quarters, rated);
	}

	/** Writes the access log for the alert cases a response showed. */
	void logShown(CurrentUser user, Ratings ratings) {
		List<Crn> opened = new ArrayList<>();
		List<Crn> refused = new ArrayList<>();
		for (Site s : ratings.sites()) {
			for (SiteRule.Reason r : s.reasons()) {
				if (r.crn() != null) {
					(r.restricted() ? refused : opened).add(new Crn(r.crn()));
				}
			}
		}
		this.visibility.logCases(user, "Site quality ratings " + ratings.quarter().code(), opened, refused);
	}

	private static boolean under(Unit unit, String ancestor, Map<String, Unit> byCode) {
		for (Unit u = unit; u != null; u = (u.parentCode() == null) ? null : byCode.get(u.parentCode().value())) {
			if (u.code().value().equals(ancestor)) {
				return true;
			}
		}
		return false;
	}

	/** Each LDU followed by its teams, LDUs in code order. */
	private static List<Unit> ordered(List<Unit> units) {
		List<Unit> ordered = new ArrayList<>();
		List<Unit> sorted = units.stream()
			.sorted(java.util.Comparator.comparing((Unit u) -> u.code().value()))
			.toList();
		for (Unit u : sorted) {
			if (u.type() == UnitType.LDU) {
				ordered.add(u);
				sorted.stream()
					.filter((t) -> t.type() == UnitType.TEAM && t.parentCode() != null
							&& t.parentCode().equals(u.code()))
					.forEach(ordered::add);
			}
		}
		for (Unit u : sorted) {
			if (!ordered.contains(u)) {
				ordered.add(u);
			}
		}
		return ordered;
	}

}
