package org.probity.reports.packs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.probity.accounts.CurrentUser;
import org.probity.audits.AssuranceReports;
import org.probity.audits.AuditAlerts;
import org.probity.equality.EqualityHeadlines;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.estate.UnitType;
import org.probity.improvement.Improvement;
import org.probity.improvement.OpenAction;
import org.probity.measures.UnitFigures;
import org.probity.reports.packs.PackContent.MeasureSection;
import org.probity.shared.Clocks;
import org.probity.shared.MeasureCode;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a month's pack from the modules that own its figures, through their public APIs:
 * the measures (provider and every LDU, 12-month trend, last month, same month of the
 * baseline year), the month's flags, the audits' activity, ratings and alert cases, the
 * open red actions and the equality groups flagged significant at provider level.
 */
@Component
class PackFigures {

	static final int TREND_MONTHS = 12;

	static final int ACTIONS_OFFERED = 20;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	private final UnitFigures measures;

	private final Estate estate;

	private final AuditSources audits;

	private final Improvement improvement;

	private final EqualityHeadlines equality;

	private final Clock clock;

	PackFigures(UnitFigures measures, Estate estate, AuditSources audits, Improvement improvement,
			EqualityHeadlines equality, Clock clock) {
		this.measures = measures;
		this.estate = estate;
		this.audits = audits;
		this.improvement = improvement;
		this.equality = equality;
		this.clock = clock;
	}

	/** The audits' public APIs the pack reads, together. */
	@Component
	static class AuditSources {

		final AssuranceReports reports;

		final AuditAlerts alerts;

		AuditSources(AssuranceReports reports, AuditAlerts alerts) {
			this.reports = reports;
			this.alerts = alerts;
		}

	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PackFigures.class);

	@Transactional(readOnly = true)
	PackContent read(YearMonth month, Unit provider, Integer baselineYear, LocalDate dueOn, CurrentUser by) {
		long started = System.nanoTime();
		try {
			return readTimed(month, provider, baselineYear, dueOn, by, started);
		}
		finally {
			log.info("Monthly pack {} for {} read in {} ms", month, provider.code().value(),
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	private PackContent readTimed(YearMonth month, Unit provider, Integer baselineYear, LocalDate dueOn, CurrentUser by,
			long started) {
		Period period = Period.month(month);
		List<Unit> ldus = ldusUnder(provider.code());
		Map<String, String> unitNames = new HashMap<>();
		this.estate.units().forEach((u) -> unitNames.put(u.code().value(), u.name()));
		YearMonth baselineMonth = (baselineYear != null) ? YearMonth.of(baselineYear, month.getMonth()) : null;

		List<UnitFigures.Line> providerLines = this.measures.of(provider.code(), period, TREND_MONTHS);
		Map<String, UnitFigures.Line> providerBaseline = baseline(provider.code(), baselineMonth);
		Map<String, List<PackContent.Figure>> lduFigures = new HashMap<>();
		for (Unit ldu : ldus) {
			List<UnitFigures.Line> lines = this.measures.of(ldu.code(), period, 2);
			Map<String, UnitFigures.Line> base = baseline(ldu.code(), baselineMonth);
			for (UnitFigures.Line line : lines) {
				lduFigures.computeIfAbsent(line.code(), (k) -> new ArrayList<>())
					.add(figure(ldu, line, base.get(line.code())));
			}
		}
		LocalDate today = LocalDate.now(this.clock.withZone(Clocks.LONDON));
		java.util.Set<String> unitsUnder = unitsUnder(provider.code());
		java.util.Set<UnitCode> planUnits = unitsUnder.stream()
			.map(UnitCode::new)
			.collect(java.util.stream.Collectors.toSet());
		List<MeasureSection> sections = new ArrayList<>();
		Map<String, String> titles = new HashMap<>();
		for (UnitFigures.Line line : providerLines) {
			titles.put(line.code(), line.title());
			List<PackContent.TrendPoint> trend = line.trend()
				.stream()
				.map((r) -> new PackContent.TrendPoint(r.period(), YearMonth.parse(r.period()).format(MONTH),
						r.numerator(), r.denominator(), r.performance(), r.ragWord()))
				.toList();
			// the commentary links to one of them: the first twenty by target date are
			// offered (at national scale a measure's flags raise thousands)
			List<PackContent.ActionLink> actions = this.improvement
				.openActionsOnMeasure(new MeasureCode(line.code()), planUnits, today)
				.stream()
				.limit(ACTIONS_OFFERED)
				.map((a) -> new PackContent.ActionLink(a.actionId(), a.description(), a.owner(),
						Objects.toString(a.targetDate(), null), a.rag(), a.path()))
				.toList();
			sections.add(new MeasureSection(line.code(), line.title(), line.result().target(), line.result().trigger(),
					figure(provider, line, providerBaseline.get(line.code())),
					lduFigures.getOrDefault(line.code(), List.of()), trend, actions));
		}

		List<PackContent.FlagLine> flags = new ArrayList<>();
		long practitionerFlags = 0;
		for (UnitFigures.Flag f : this.measures.flags(month)) {
			if (f.unitCode() != null && unitsUnder.contains(f.unitCode())) {
				flags.add(new PackContent.FlagLine(f.kind(), flagWords(f.kind()), f.measureCode(),
						titles.getOrDefault(f.measureCode(), f.measureCode()), f.unitCode(),
						unitNames.getOrDefault(f.unitCode(), f.unitCode()), f.performance()));
			}
			else if (f.staffCode() != null) {
				practitionerFlags++;
			}
		}

		log.debug("pack {}: measures and flags after {} ms", month, (System.nanoTime() - started) / 1_000_000);
		AssuranceReports.Report assurance = this.audits.reports.report(month, provider.code(), by);
		PackContent.AuditActivity activity = new PackContent.AuditActivity(assurance.ratings().frameworkVersion(),
				assurance.auditsCompleted(), assurance.total().planned(), assurance.total().done(),
				assurance.total().late(), assurance.total().missed(),
				assurance.teams()
					.stream()
					.map((t) -> new PackContent.TeamAudits(t.teamCode(), t.teamName(), t.planned(), t.done(), t.late(),
							t.missed()))
					.toList(),
				assurance.ratings()
					.standards()
					.stream()
					.map((s) -> new PackContent.StandardLine(s.templateCode(), s.code(), s.title(),
							(s.rating() != null) ? s.rating().label() : "No rating"))
					.toList());
		List<PackContent.AlertCase> alerts = this.audits.alerts
			.raisedBetween(provider.code(), month.atDay(1), month.atEndOfMonth())
			.stream()
			.map((a) -> new PackContent.AlertCase(a.crn(), a.teamCode(), a.staffCode(), a.teamName(), a.practitioner(),
					a.reason(), a.raisedAt().atZone(Clocks.LONDON).toLocalDate().toString(),
					Objects.toString(a.dueDate(), null),
					(a.actionTaken() != null) ? a.actionTaken() : (a.overdue() ? "Overdue" : "Open"), null))
			.toList();
		List<PackContent.RedAction> red = new ArrayList<>();
		for (OpenAction a : this.improvement.openRedActions(today, planUnits)) {
			red.add(new PackContent.RedAction(a.actionId(), a.planTitle(), a.description(), a.owner(),
					Objects.toString(a.targetDate(), null), a.path(), Objects.toString(a.crn(), null),
					Objects.toString(a.teamCode(), null), Objects.toString(a.staffCode(), null), null));
		}
		log.debug("pack {}: audits and actions after {} ms", month, (System.nanoTime() - started) / 1_000_000);
		List<PackContent.EqualityLine> equalityLines = this.equality.significant(provider.code(), period)
			.stream()
			.map((h) -> new PackContent.EqualityLine(h.measureCode().value(), h.measureTitle(), h.characteristic(),
					h.group(), h.numerator(), h.denominator(), h.performance(), h.restPerformance(), h.difference(),
					h.direction()))
			.toList();
		return new PackContent(month.toString(), month.format(MONTH), provider.code().value(), provider.name(),
				baselineYear, (baselineMonth != null) ? baselineMonth.format(MONTH) : null, dueOn.toString(),
				ZonedDateTime.now(this.clock.withZone(Clocks.LONDON)).toOffsetDateTime().toString(), by.getUsername(),
				sections, flags, practitionerFlags, activity, alerts, red, equalityLines, null);
	}

	private Map<String, UnitFigures.Line> baseline(UnitCode unit, YearMonth baselineMonth) {
		Map<String, UnitFigures.Line> byCode = new HashMap<>();
		if (baselineMonth != null) {
			this.measures.of(unit, Period.month(baselineMonth), 1).forEach((l) -> byCode.put(l.code(), l));
		}
		return byCode;
	}

	private static PackContent.Figure figure(Unit unit, UnitFigures.Line line, UnitFigures.Line baseline) {
		UnitFigures.Result r = line.result();
		List<UnitFigures.Result> trend = line.trend();
		Double last = (trend.size() >= 2) ? trend.get(trend.size() - 2).performance() : null;
		Double base = (baseline != null) ? baseline.result().performance() : null;
		return new PackContent.Figure(unit.code().value(), unit.name(), r.numerator(), r.denominator(), r.performance(),
				r.rag(), r.ragWord(), r.rating(), r.ratingWord(), r.belowTarget(), last,
				difference(r.performance(), last), base, difference(r.performance(), base));
	}

	private static Double difference(Double now, Double then) {
		return (now != null && then != null) ? now - then : null;
	}

	private static String flagWords(String kind) {
		return switch (kind) {
			case "DEEPER_AUDIT" -> "Deeper audit";
			case "SUSTAINED_SHORTFALL" -> "Sustained shortfall";
			default -> kind;
		};
	}

	/** The LDUs under the provider, by code. */
	List<Unit> ldusUnder(UnitCode provider) {
		List<Unit> ldus = new ArrayList<>();
		Deque<UnitCode> todo = new ArrayDeque<>(List.of(provider));
		while (!todo.isEmpty()) {
			for (Unit child : this.estate.children(todo.pop())) {
				if (child.type() == UnitType.LDU) {
					ldus.add(child);
				}
				else if (child.type() != UnitType.TEAM) {
					todo.push(child.code());
				}
			}
		}
		ldus.sort(java.util.Comparator.comparing((Unit u) -> u.code().value()));
		return ldus;
	}

	private java.util.Set<String> unitsUnder(UnitCode provider) {
		java.util.Set<String> all = new java.util.HashSet<>();
		Deque<UnitCode> todo = new ArrayDeque<>(List.of(provider));
		while (!todo.isEmpty()) {
			UnitCode code = todo.pop();
			all.add(code.value());
			this.estate.children(code).forEach((u) -> todo.push(u.code()));
		}
		return all;
	}

}
