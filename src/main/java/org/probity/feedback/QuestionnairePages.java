package org.probity.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.probity.accounts.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The quality team adds a questionnaire or changes one: written as one line per question,
 * checked, shown back to check, then published as the next version.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
class QuestionnairePages {

	private final Questionnaires questionnaires;

	QuestionnairePages(Questionnaires questionnaires) {
		this.questionnaires = questionnaires;
	}

	@GetMapping("/feedback/questionnaires/edit")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String edit(@RequestParam(required = false) String code, Model model) {
		Questionnaire q = (code != null)
				? this.questionnaires.latest(code)
					.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
							"There is no questionnaire " + code))
				: new Questionnaire("", 0, "", "PERSON_ON_PROBATION", List.of());
		model.addAttribute("code", q.code());
		model.addAttribute("title", q.title());
		model.addAttribute("audience", q.audience());
		model.addAttribute("lines", lines(q));
		model.addAttribute("errors", Map.of());
		model.addAttribute("audiences", Questionnaire.AUDIENCES);
		return "feedback/questionnaire-edit";
	}

	@PostMapping("/feedback/questionnaires/check")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String check(@RequestParam String code, @RequestParam String title, @RequestParam String audience,
			@RequestParam String lines, Model model) {
		Questionnaire draft = parse(code, title, audience, lines);
		Map<String, String> errors = this.questionnaires.problems(draft);
		model.addAttribute("code", code);
		model.addAttribute("title", title);
		model.addAttribute("audience", audience);
		model.addAttribute("lines", lines);
		model.addAttribute("audiences", Questionnaire.AUDIENCES);
		model.addAttribute("errors", errors);
		if (!errors.isEmpty()) {
			return "feedback/questionnaire-edit";
		}
		model.addAttribute("draft", draft);
		model.addAttribute("current", this.questionnaires.latest(draft.code()).orElse(null));
		return "feedback/questionnaire-check";
	}

	@PostMapping("/feedback/questionnaires")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String publish(@RequestParam String code, @RequestParam String title, @RequestParam String audience,
			@RequestParam String lines, @AuthenticationPrincipal CurrentUser user, Model model) {
		try {
			this.questionnaires.publish(parse(code, title, audience, lines), user.getUsername());
		}
		catch (InvalidFeedback ex) {
			return check(code, title, audience, lines, model);
		}
		return "redirect:/feedback/surveys";
	}

	/** One question per line: {@code CODE | TYPE | text | OPTION OPTION ...}. */
	static Questionnaire parse(String code, String title, String audience, String lines) {
		List<Questionnaire.Question> questions = new ArrayList<>();
		for (String line : lines.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|", -1);
			String qCode = parts[0].strip().toUpperCase(Locale.ROOT);
			QuestionType type = null;
			if (parts.length > 1) {
				try {
					type = QuestionType.valueOf(parts[1].strip().toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					type = null;
				}
			}
			String text = (parts.length > 2) ? parts[2].strip() : "";
			List<String> options = (parts.length > 3 && !parts[3].isBlank())
					? Arrays.stream(parts[3].strip().toUpperCase(Locale.ROOT).split("[\\s,]+")).toList() : List.of();
			questions.add(new Questionnaire.Question(qCode, text, type, options));
		}
		return new Questionnaire(code.strip().toUpperCase(Locale.ROOT), 0, title, audience, questions);
	}

	static String lines(Questionnaire q) {
		StringBuilder s = new StringBuilder();
		for (Questionnaire.Question question : q.questions()) {
			s.append(question.code()).append(" | ").append(question.type()).append(" | ").append(question.text());
			if (!question.options().isEmpty()) {
				s.append(" | ").append(String.join(" ", question.options()));
			}
			s.append('\n');
		}
		return s.toString();
	}

}
