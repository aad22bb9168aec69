package org.probity.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.equality.Characteristic;
import org.probity.estate.Estate;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;
import org.probity.shared.Period;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Survey pages for staff: questionnaires and rounds, a round with its public link and QR
 * code, paper answers entered on the same form, results (distribution, positive share,
 * engagement index, trend over rounds, unit comparison, themes) with CSV/XLSX, and the
 * coding of free-text answers by the quality team.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
class SurveyPages {

	public record RoundRow(SurveyRound round, long responses) {
	}

	public record TrendRow(SurveyRound round, SurveyResults.Results results) {
	}

	public record UnitRow(String unitCode, String unitName, SurveyResults.Results results) {
	}

	private final Surveys surveys;

	private final Questionnaires questionnaires;

	private final SurveyResults results;

	private final FeedbackScope scope;

	private final Estate estate;

	private final Clock clock;

	private final String baseUrl;

	private final Meetings meetings;

	private final AnswerThemes themes;

	SurveyPages(Surveys surveys, Questionnaires questionnaires, SurveyResults results, FeedbackScope scope,
			Estate estate, Meetings meetings, AnswerThemes themes, Clock clock,
			@Value("${probity.base-url:http://localhost:8080}") String baseUrl) {
		this.meetings = meetings;
		this.themes = themes;
		this.surveys = surveys;
		this.questionnaires = questionnaires;
		this.results = results;
		this.scope = scope;
		this.estate = estate;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@GetMapping("/feedback")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String index() {
		return "feedback/index";
	}

	@GetMapping("/feedback/surveys")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String surveys(@AuthenticationPrincipal CurrentUser user, Model model) {
		return surveysPage(user, model, Map.of());
	}

	private String surveysPage(CurrentUser user, Model model, Map<String, String> errors) {
		List<RoundRow> rounds = this.surveys.rounds(this.scope.rootUnit(user))
			.stream()
			.map((r) -> new RoundRow(r, this.surveys.responseCount(r.id())))
			.toList();
		model.addAttribute("questionnaires", this.questionnaires.latest());
		model.addAttribute("rounds", rounds);
		model.addAttribute("errors", errors);
		model.addAttribute("today", LocalDate.now(this.clock));
		model.addAttribute("period", defaultPeriod().code());
		return "feedback/surveys";
	}

	@PostMapping("/feedback/surveys/rounds")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String openRound(@RequestParam(required = false) String questionnaire, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opens,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closes,
			@RequestParam(required = false) String invitations, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		try {
			SurveyRound round = this.surveys.openRound(questionnaire, (unit != null) ? unit.strip() : null, title,
					opens, closes, "yes".equals(invitations), user.getUsername());
			return "redirect:/feedback/surveys/rounds/" + round.id();
		}
		catch (InvalidFeedback ex) {
			return surveysPage(user, model, ex.errors());
		}
	}

	@GetMapping("/feedback/surveys/rounds/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String round(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		SurveyRound round = visibleRound(id, user);
		model.addAttribute("round", round);
		model.addAttribute("publicUrl", this.baseUrl + round.publicPath());
		model.addAttribute("responses", this.surveys.responseCount(id));
		model.addAttribute("results", this.results.roundResults(round));
		model.addAttribute("actions", this.meetingsActions("ROUND", id));
		model.addAttribute("plans", ActionPlanKind.values());
		model.addAttribute("tokens", List.of());
		return "feedback/round";
	}

	private List<Meetings.RaisedAction> meetingsActions(String kind, long id) {
		return this.meetings.actionsOf(kind, id);
	}

	@GetMapping(path = "/feedback/surveys/rounds/{id}/qr.svg", produces = "image/svg+xml")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	ResponseEntity<String> qr(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		SurveyRound round = visibleRound(id, user);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.body(RoundQrCode.svg(this.baseUrl + round.publicPath()));
	}

	@PostMapping("/feedback/surveys/rounds/{id}/invitations")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String invite(@PathVariable long id, @RequestParam(defaultValue = "10") int count,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		round(id, user, model);
		SurveyRound round = visibleRound(id, user);
		List<String> links = this.surveys.invite(id, count)
			.stream()
			.map((t) -> this.baseUrl + round.publicPath() + "?invitation=" + t)
			.toList();
		model.addAttribute("tokens", links);
		return "feedback/round";
	}

	@PostMapping("/feedback/surveys/rounds/{id}/actions")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String raiseAction(@PathVariable long id, @RequestParam(required = false) String description,
			@RequestParam(defaultValue = "SERVICE_IMPROVEMENT") ActionPlanKind plan,
			@RequestParam(name = "target_date",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetDate,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		SurveyRound round = visibleRound(id, user);
		try {
			this.meetings.raiseAction("ROUND", id, round.unitCode(), plan, description, targetDate, user.getUsername());
		}
		catch (InvalidFeedback ex) {
			round(id, user, model);
			model.addAttribute("errors", ex.errors());
			return "feedback/round";
		}
		return "redirect:/feedback/surveys/rounds/" + id;
	}

	@GetMapping("/feedback/surveys/rounds/{id}/enter")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String enter(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return entryForm(visibleRound(id, user), Map.of(), Map.of(), null, model);
	}

	@PostMapping("/feedback/surveys/rounds/{id}/enter")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String entered(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		SurveyRound round = visibleRound(id, user);
		String channel = "INTERVIEW".equals(form.get("channel")) ? "INTERVIEW" : "PAPER";
		Map<String, String> answers = PublicSurveyPages.answersFrom(form);
		Questionnaire questionnaire = this.questionnaires.latest(round.questionnaireCode()).orElseThrow();
		Map<String, String> errors = Surveys.problems(questionnaire, answers);
		if (!errors.isEmpty()) {
			return entryForm(round, answers, errors, null, model);
		}
		this.surveys.record(new SurveyAnswers(questionnaire.code(), questionnaire.version(), round.unitCode().value(),
				LocalDate.now(this.clock), channel, answers), round.id());
		return entryForm(round, Map.of(), Map.of(), "The answers were saved. Enter the next form.", model);
	}

	private String entryForm(SurveyRound round, Map<String, String> answers, Map<String, String> errors, String saved,
			Model model) {
		model.addAttribute("round", round);
		model.addAttribute("questionnaire", this.questionnaires.latest(round.questionnaireCode()).orElseThrow());
		model.addAttribute("invitation", null);
		model.addAttribute("answers", answers);
		model.addAttribute("errors", errors);
		model.addAttribute("action", "/feedback/surveys/rounds/" + round.id() + "/enter");
		model.addAttribute("staffEntry", true);
		model.addAttribute("saved", saved);
		// staff may enter late paper forms of a round that has closed
		model.addAttribute("today", round.opensOn());
		return "feedback/public-form";
	}

	@GetMapping("/feedback/surveys/{code}/results")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	Object results(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String format,
			@RequestParam(required = false) String by, @AuthenticationPrincipal CurrentUser user, Model model) {
		Questionnaire questionnaire = this.questionnaires.latest(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no questionnaire " + code));
		Characteristic characteristic = characteristic(by);
		Period p;
		try {
			p = (period != null && !period.isBlank()) ? Period.parse(period) : defaultPeriod();
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		String chosen = chosenUnit(unit, user);
		UnitCode chosenCode = (chosen != null) ? new UnitCode(chosen) : null;
		SurveyResults.Results results = this.results.results(code, p, chosenCode);
		// by characteristic only when asked for: it reads every answer again
		SurveyResults.DeclaredResults declared = (characteristic != null)
				? this.results.byCharacteristic(code, p, chosenCode) : null;
		if (TableExport.wanted(format) && characteristic != null) {
			return TableExport.response(
					results.questionnaireCode() + "-" + results.period().code() + "-by-" + characteristic.name(),
					format, export(declared, characteristic));
		}
		if (TableExport.wanted(format)) {
			return TableExport.response(results.questionnaireCode() + "-" + results.period().code(), format,
					export(results));
		}
		List<TrendRow> trend = new ArrayList<>();
		for (SurveyRound round : this.surveys.rounds(chosen)) {
			if (round.questionnaireCode().equals(code)) {
				trend.add(new TrendRow(round, this.results.roundResults(round)));
			}
		}
		java.util.Collections.reverse(trend);
		List<UnitRow> units = new ArrayList<>();
		if (chosen != null) {
			this.estate.children(chosenCode)
				.forEach((u) -> units
					.add(new UnitRow(u.code().value(), u.name(), this.results.results(code, p, u.code()))));
		}
		model.addAttribute("questionnaire", questionnaire);
		model.addAttribute("results", results);
		model.addAttribute("period", p);
		model.addAttribute("unit", chosen);
		model.addAttribute("unitName",
				(chosen != null) ? this.estate.unit(chosenCode).map((u) -> u.name()).orElse(chosen) : "All units");
		model.addAttribute("trend", trend);
		model.addAttribute("units", units);
		model.addAttribute("themes", this.results.themeCounts(code, p, chosenCode));
		model.addAttribute("asked",
				questionnaire.questions().stream().flatMap((q) -> AboutYou.characteristic(q).stream()).toList());
		model.addAttribute("declared", declared);
		model.addAttribute("by", characteristic);
		model.addAttribute("byResults", (declared != null) ? declared.of(characteristic).orElse(null) : null);
		return "feedback/results";
	}

	@GetMapping("/feedback/surveys/{code}/text")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String freeText(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @AuthenticationPrincipal CurrentUser user, Model model) {
		Period p = (period != null && !period.isBlank()) ? Period.parse(period) : defaultPeriod();
		String chosen = chosenUnit(unit, user);
		model.addAttribute("code", code);
		model.addAttribute("period", p);
		model.addAttribute("unit", chosen);
		model.addAttribute("answers", this.themes.freeText(code, p, chosen));
		model.addAttribute("themeList", this.meetings.themes());
		return "feedback/text";
	}

	@PostMapping("/feedback/surveys/{code}/text")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String code(@PathVariable String code, @RequestParam(name = "response_id") long responseId,
			@RequestParam(name = "question_code") String questionCode,
			@RequestParam(required = false) List<String> themes, @RequestParam(required = false) String period,
			@RequestParam(required = false) String unit, @AuthenticationPrincipal CurrentUser user) {
		this.themes.code(responseId, questionCode, (themes != null) ? themes : List.of(), user.getUsername());
		return "redirect:/feedback/surveys/" + code + "/text?period=" + ((period != null) ? period : "")
				+ ((unit != null) ? "&unit=" + unit : "") + "#answer-" + responseId + "-" + questionCode;
	}

	private String chosenUnit(String unit, CurrentUser user) {
		String chosen = (unit != null && !unit.isBlank()) ? unit.strip() : this.scope.rootUnit(user);
		if (chosen != null && !this.scope.maySeeUnit(user, chosen)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "That unit is outside your scope");
		}
		return chosen;
	}

	private Period defaultPeriod() {
		LocalDate today = LocalDate.now(this.clock);
		return Period.year(today.getYear());
	}

	private SurveyRound visibleRound(long id, CurrentUser user) {
		SurveyRound round = this.surveys.round(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no survey round " + id));
		if (!this.scope.maySeeUnit(user, round.unitCode().value())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "That round is outside your scope");
		}
		return round;
	}

	/** The characteristic of {@code by=}: 400 for one equality.md does not name. */
	static Characteristic characteristic(String by) {
		if (by == null || by.isBlank()) {
			return null;
		}
		for (Characteristic c : Characteristic.values()) {
			if (c.name().equalsIgnoreCase(by.strip())) {
				return c;
			}
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"by must be one of " + java.util.Arrays.toString(Characteristic.values()));
	}

	/**
	 * The positive share by declared group for one characteristic: suppressed groups say
	 * so and carry no figure (feedback's 10-respondent rule and equality's small
	 * numbers).
	 */
	private static Table export(SurveyResults.DeclaredResults declared, Characteristic characteristic) {
		List<List<Object>> rows = new ArrayList<>();
		if (declared.suppressed()) {
			rows.add(java.util.Arrays.asList("", "Fewer than 10 responses", "", null, null, null, null, null, null,
					null, null, ""));
		}
		declared.of(characteristic).ifPresent((c) -> {
			for (SurveyResults.QuestionByGroup q : c.questions()) {
				for (SurveyResults.GroupResult g : q.groups()) {
					rows.add(java.util.Arrays.asList(q.questionCode(), q.text(), g.label(), g.responses(), g.positive(),
							g.positiveShare(), g.restResponses(), g.restPositiveShare(), g.difference(), g.pValue(),
							g.qValue(), g.significance()));
				}
			}
		});
		return Table.titled(declared.title() + " by " + characteristic.label().toLowerCase(java.util.Locale.UK))
			.text("question_code", "question", "group")
			.number("responses", "positive", "positive_percent", "rest_responses", "rest_positive_percent",
					"difference_points", "p_value", "q_value")
			.text("significance")
			.rows(rows);
	}

	private static Table export(SurveyResults.Results results) {
		List<List<Object>> rows = new ArrayList<>();
		if (results.suppressed()) {
			rows.add(java.util.Arrays.asList("", "Fewer than 10 responses", "", "", "", ""));
		}
		for (SurveyResults.QuestionResult q : results.questions()) {
			Map<String, Long> counts = new LinkedHashMap<>(q.counts());
			for (Map.Entry<String, Long> c : counts.entrySet()) {
				rows.add(java.util.Arrays.asList(q.questionCode(), q.text(), c.getKey(), c.getValue(), q.responses(),
						q.positive()));
			}
			if (counts.isEmpty()) {
				rows.add(java.util.Arrays.asList(q.questionCode(), q.text(), "", null, q.responses(), null));
			}
		}
		return Table.titled(results.title())
			.text("question_code", "question", "answer")
			.number("count", "responses", "positive_percent")
			.rows(rows);
	}

}
