package org.probity.measures.pages;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import org.probity.measures.catalogue.Measures;
import org.probity.measures.catalogue.Target;
import org.probity.measures.flags.MeasureFlags;
import org.probity.measures.results.MeasureResults;
import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.accounts.DataScope;
import org.probity.shared.Period;

/** Service-level results as JSON (measures.md), for API clients and dashboards. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Measures", description = "Service levels: results, the cases behind them, and flags")
class MeasuresApi {

	private static final Set<String> LEVELS = Set.of("PROVIDER", "REGION", "LDU", "TEAM");

	record CatalogueEntry(String code, String title, Double target, Double trigger, String description) {
	}

	record Catalogue(List<CatalogueEntry> measures) {
	}

	record ResultBody(String measure, String period, @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
			@JsonInclude(JsonInclude.Include.NON_NULL) String staff, long numerator, long denominator,
			Double performance, String rag, String rating) {

		static ResultBody of(MeasureResults.Result r) {
			return new ResultBody(r.measureCode(), r.period().code(), r.unitCode(), r.staffCode(), r.numerator(),
					r.denominator(), r.assessment().performance(), r.assessment().rag().name(),
					r.assessment().rating().name());
		}

	}

	record LevelBody(String measure, String period, String level, List<ResultBody> results) {
	}

	record CaseBody(@JsonProperty("event_id") String eventId, @JsonProperty("subject_id") String subjectId, String crn,
			String month, @JsonProperty("team_code") String teamCode, @JsonProperty("staff_code") String staffCode,
			int numerator, int denominator, boolean met, String reason,
			@JsonInclude(JsonInclude.Include.NON_NULL) Boolean restricted) {

		/**
		 * A restricted case the caller may not open: it counts, and says so, with no
		 * event, practitioner or reason.
		 */
		static CaseBody restricted(MeasureResults.CaseRow c) {
			return new CaseBody(null, null, c.crn(), YearMonth.from(c.month()).toString(), c.teamCode(), null,
					c.numerator(), c.denominator(), c.met(), null, true);
		}

	}

	record CasesBody(String measure, String period, @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
			@JsonInclude(JsonInclude.Include.NON_NULL) String staff, List<CaseBody> cases) {
	}

	record FlagBody(String kind, String measure, String period, @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
			@JsonInclude(JsonInclude.Include.NON_NULL) String staff, double performance) {
	}

	record FlagsBody(String period, List<FlagBody> flags) {
	}

	private final Measures measures;

	private final MeasureResults results;

	private final MeasureFlags flags;

	private final MeasureAccess access;

	private final java.time.Clock clock;

	MeasuresApi(Measures measures, MeasureResults results, MeasureFlags flags, MeasureAccess access,
			java.time.Clock clock) {
		this.measures = measures;
		this.results = results;
		this.flags = flags;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/measures")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The catalogue of measures with the targets and triggers in force today")
	Catalogue catalogue() {
		Map<String, Target> targets = this.measures.targetsOn(LocalDate.now(this.clock));
		return new Catalogue(this.measures.all().stream().map((m) -> {
			Target t = targets.getOrDefault(m.code(), Target.NONE);
			return new CatalogueEntry(m.code(), m.title(), t.target(), t.trigger(), m.description());
		}).toList());
	}

	@GetMapping("/measures/{code}/results")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "One result (unit or staff), or the results of every unit of a level",
			description = "period is YYYY-MM, YYYY-Qn or YYYY; give exactly one of unit, staff or level "
					+ "(PROVIDER, REGION, LDU, TEAM). Quarters and years pool their months.")
	Object results(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String level,
			@RequestParam(required = false) String staff, @AuthenticationPrincipal CurrentUser user) {
		String measure = measure(code);
		Period p = period(period);
		int given = ((unit != null) ? 1 : 0) + ((level != null) ? 1 : 0) + ((staff != null) ? 1 : 0);
		if (given != 1) {
			throw badRequest("Give exactly one of unit, level or staff");
		}
		if (unit != null) {
			requireUnit(unit);
			this.access.checkUnit(user, unit);
			return ResultBody.of(this.results.unitResult(measure, p, unit));
		}
		if (staff != null) {
			requireStaff(staff);
			this.access.checkStaff(user, staff);
			return ResultBody.of(this.results.staffResult(measure, p, staff, this.access.staffFiguresWithin(user)));
		}
		String l = level.trim().toUpperCase(java.util.Locale.ROOT);
		if (!LEVELS.contains(l)) {
			throw badRequest("level must be PROVIDER, REGION, LDU or TEAM, not '" + level + "'");
		}
		String within = this.access.unitsWithin(user);
		return new LevelBody(measure, p.code(), l,
				this.results.levelResults(measure, p, l, within).stream().map(ResultBody::of).toList());
	}

	@GetMapping("/measures/{code}/cases")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Every case in the denominator of a unit's or practitioner's result, met or not, with why")
	CasesBody cases(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String staff,
			@AuthenticationPrincipal CurrentUser user) {
		String measure = measure(code);
		Period p = period(period);
		if ((unit == null) == (staff == null)) {
			throw badRequest("Give exactly one of unit or staff");
		}
		if (unit != null) {
			requireUnit(unit);
			this.access.checkUnit(user, unit);
		}
		else {
			requireStaff(staff);
			this.access.checkStaff(user, staff);
		}
		List<Visibility.Shown<MeasureResults.CaseRow>> shown = this.access.visibleCases(user,
				this.results.cases(measure, p, unit, staff));
		this.access.logShown(user, "API cases behind " + measure, shown);
		List<CaseBody> cases = shown.stream().map((s) -> {
			MeasureResults.CaseRow c = s.row();
			return s.restricted() ? CaseBody.restricted(c)
					: new CaseBody(c.eventId(), c.subjectId(), c.crn(), YearMonth.from(c.month()).toString(),
							c.teamCode(), c.staffCode(), c.numerator(), c.denominator(), c.met(), c.reason(), null);
		}).toList();
		return new CasesBody(measure, p.code(), unit, staff, cases);
	}

	@GetMapping("/flags")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Flags raised by a month's results: DEEPER_AUDIT and SUSTAINED_SHORTFALL")
	FlagsBody flags(@RequestParam(required = false) String period, @AuthenticationPrincipal CurrentUser user) {
		Period p = period(period);
		if (p.kind() != Period.Kind.MONTH) {
			throw badRequest("Flags are raised for a month: give period as YYYY-MM");
		}
		List<FlagBody> body = this.flags.forMonth(p.first())
			.stream()
			.filter((f) -> visible(user, f))
			.map((f) -> new FlagBody(f.kind(), f.measureCode(), p.code(), f.unitCode(), f.staffCode(), f.performance()))
			.toList();
		return new FlagsBody(p.code(), body);
	}

	private boolean visible(CurrentUser user, MeasureFlags.Flag flag) {
		if (user.scope() instanceof DataScope.Everything) {
			return true;
		}
		return (flag.unitCode() != null) ? this.access.maySeeUnit(user, flag.unitCode())
				: this.access.maySeeStaff(user, flag.staffCode());
	}

	private String measure(String code) {
		return this.measures.find(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No measure " + code))
			.code();
	}

	private void requireUnit(String unit) {
		if (this.results.unit(unit).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No unit " + unit);
		}
	}

	private void requireStaff(String staff) {
		if (this.results.staff(staff).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No member of staff " + staff);
		}
	}

	private static Period period(String period) {
		if (period == null || period.isBlank()) {
			throw badRequest("Give a period: a month (2024-03), a quarter (2024-Q1) or a year (2024)");
		}
		try {
			return Period.parse(period);
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw badRequest(ex.getMessage());
		}
	}

	private static ResponseStatusException badRequest(String message) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
	}

}
