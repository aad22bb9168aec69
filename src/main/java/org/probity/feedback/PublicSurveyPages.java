package org.probity.feedback;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The anonymous survey form of a round, open without signing in: one short page, plain
 * English, saying that answers are anonymous. It is a session form, so Spring Security's
 * CSRF token applies as on every other form; nothing about the person is kept (no name,
 * CRN or IP address).
 */
@Controller
class PublicSurveyPages {

	private final Surveys surveys;

	private final Questionnaires questionnaires;

	private final java.time.Clock clock;

	PublicSurveyPages(Surveys surveys, Questionnaires questionnaires, java.time.Clock clock) {
		this.surveys = surveys;
		this.questionnaires = questionnaires;
		this.clock = clock;
	}

	@GetMapping("/survey/{token}")
	@PreAuthorize("permitAll()")
	String form(@PathVariable String token, @RequestParam(required = false) String invitation, Model model) {
		SurveyRound round = round(token);
		return show(round, invitation, Map.of(), Map.of(), model);
	}

	@PostMapping("/survey/{token}")
	@PreAuthorize("permitAll()")
	String submit(@PathVariable String token, @RequestParam Map<String, String> form, Model model) {
		SurveyRound round = round(token);
		Map<String, String> answers = answersFrom(form);
		try {
			this.surveys.submit(round, form.get("invitation"), "ONLINE", answers);
		}
		catch (InvalidFeedback ex) {
			return show(round, form.get("invitation"), answers, ex.errors(), model);
		}
		return "redirect:/survey/" + token + "/thank-you";
	}

	@GetMapping("/survey/{token}/thank-you")
	@PreAuthorize("permitAll()")
	String thanks(@PathVariable String token, Model model) {
		model.addAttribute("round", round(token));
		return "feedback/public-thanks";
	}

	static Map<String, String> answersFrom(Map<String, String> form) {
		Map<String, String> answers = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("answer-")) {
				answers.put(name.substring("answer-".length()), value);
			}
		});
		return answers;
	}

	private String show(SurveyRound round, String invitation, Map<String, String> answers, Map<String, String> errors,
			Model model) {
		model.addAttribute("round", round);
		model.addAttribute("questionnaire", this.questionnaires.latest(round.questionnaireCode()).orElseThrow());
		model.addAttribute("invitation", invitation);
		model.addAttribute("answers", answers);
		model.addAttribute("errors", errors);
		model.addAttribute("action", "/survey/" + round.publicToken());
		model.addAttribute("staffEntry", false);
		model.addAttribute("today", java.time.LocalDate.now(this.clock));
		return "feedback/public-form";
	}

	private SurveyRound round(String token) {
		return this.surveys.roundByToken(token)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
					"There is no survey at this address"));
	}

}
