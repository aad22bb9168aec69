package org.probity.audits.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.audits.Answer;
import org.probity.audits.AuditChanged;
import org.probity.audits.AuditTemplates;
import org.probity.audits.CaseAudits;
import org.probity.audits.InvalidAudit;
import org.probity.audits.audit.Worklists;
import org.probity.shared.web.ProblemPage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The auditor's pages: the worklist, the audit form beside the case, "check your
 * answers", and completion.
 */
@Controller
@ProblemPage("audits/problem")
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
class AuditFormPages {

	private final CaseAudits audits;

	private final Worklists worklists;

	AuditFormPages(CaseAudits audits, Worklists worklists) {
		this.audits = audits;
		this.worklists = worklists;
	}

	@GetMapping("/audits/worklist")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
	String worklist(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("items", this.worklists.worklist(user.getUsername()));
		return "audits/worklist";
	}

	@GetMapping("/audits/{id:\\d+}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
	String form(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		if (!this.audits.mayWorkOn(id, user)) {
			// a reader (a manager or the practitioner, once it is completed) reads it on
			// the
			// check page; anyone else is refused here
			this.audits.read(id, user);
			return "redirect:/audits/" + id + "/check";
		}
		CaseAudits.Audit audit = this.audits.open(id, user);
		if (!audit.open()) {
			return "redirect:/audits/" + id + "/check";
		}
		return form(audit, audit.asInput(), Map.of(), null, model);
	}

	private String form(CaseAudits.Audit audit, CaseAudits.AuditInput input, Map<String, String> errors,
			String conflict, Model model) {
		model.addAttribute("audit", audit);
		model.addAttribute("input", input);
		model.addAttribute("answers", answersByQuestion(input));
		model.addAttribute("template", this.audits.template(audit));
		model.addAttribute("caseSummary", this.worklists.caseSummary(audit.eventId()).orElse(null));
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		return "audits/form";
	}

	private static Map<String, CaseAudits.AnswerInput> answersByQuestion(CaseAudits.AuditInput input) {
		Map<String, CaseAudits.AnswerInput> map = new LinkedHashMap<>();
		input.answers().forEach((a) -> map.put(a.keyQuestionCode(), a));
		return map;
	}

	@PostMapping("/audits/{id:\\d+}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
	String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		CaseAudits.Audit audit = this.audits.open(id, user);
		CaseAudits.AuditInput input = read(params, this.audits.template(audit));
		try {
			CaseAudits.Audit saved = this.audits.save(id, input, user);
			if ("continue".equals(params.getFirst("action"))) {
				return "redirect:/audits/" + id + "/check";
			}
			redirect.addFlashAttribute("saved", true);
			return "redirect:/audits/" + saved.auditId();
		}
		catch (AuditChanged ex) {
			CaseAudits.Audit latest = this.audits.open(id, user);
			model.addAttribute("latest", latest);
			CaseAudits.AuditInput mine = new CaseAudits.AuditInput(latest.version(), input.answers(),
					input.failedPrompts(), input.alert(), input.alertReason(), input.summary(), input.promptAnswers());
			return form(latest, mine, Map.of(), ex.getMessage(), model);
		}
		catch (InvalidAudit ex) {
			return form(audit, input, ex.errors(), null, model);
		}
	}

	@GetMapping("/audits/{id:\\d+}/check")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
	String check(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		CaseAudits.Audit audit = this.audits.read(id, user);
		model.addAttribute("audit", audit);
		model.addAttribute("template", this.audits.template(audit));
		model.addAttribute("caseSummary", this.worklists.caseSummary(audit.eventId()).orElse(null));
		model.addAttribute("problems", audit.open() ? this.audits.problems(audit) : Map.of());
		model.addAttribute("acknowledgement", this.audits.acknowledgement(id).orElse(null));
		model.addAttribute("mayAcknowledge", this.audits.mayAcknowledge(audit, user));
		return "audits/check";
	}

	@PostMapping("/audits/{id:\\d+}/complete")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
	String complete(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			Model model, RedirectAttributes redirect) {
		try {
			this.audits.complete(id, version, user);
			redirect.addFlashAttribute("completed", true);
			return "redirect:/audits/" + id + "/check";
		}
		catch (AuditChanged ex) {
			model.addAttribute("conflict", ex.getMessage());
			return check(id, user, model);
		}
		catch (InvalidAudit ex) {
			return check(id, user, model);
		}
	}

	@PostMapping("/audits/{id:\\d+}/acknowledge")
	@PreAuthorize("hasRole('PRACTITIONER')")
	String acknowledge(@PathVariable long id, @RequestParam(required = false) String note,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) {
		try {
			this.audits.acknowledge(id, note, user);
			redirect.addFlashAttribute("acknowledged", true);
			return "redirect:/audits/" + id + "/check";
		}
		catch (AuditChanged | IllegalArgumentException ex) {
			model.addAttribute("conflict", ex.getMessage());
			return check(id, user, model);
		}
	}

	/**
	 * Reads the form: answer-{code} and comment-{code} of each key question,
	 * prompt-{code} (YES, NO or NOT_APPLICABLE) of each prompt, or prompt (the codes of
	 * prompts not met, as the form sent them before prompts were asked as questions),
	 * alert.
	 */
	static CaseAudits.AuditInput read(MultiValueMap<String, String> params, AuditTemplates.Template template) {
		List<CaseAudits.AnswerInput> answers = new ArrayList<>();
		for (AuditTemplates.KeyQuestion q : template.keyQuestions()) {
			answers.add(new CaseAudits.AnswerInput(q.code(), answer(params.getFirst("answer-" + q.code())),
					params.getFirst("comment-" + q.code())));
		}
		Map<String, Answer> promptAnswers = new LinkedHashMap<>();
		for (String code : template.promptCodes()) {
			Answer answer = answer(params.getFirst("prompt-" + code));
			if (answer != null) {
				promptAnswers.put(code, answer);
			}
		}
		List<String> prompts = params.getOrDefault("prompt", List.of());
		int version;
		try {
			version = Integer.parseInt(params.getFirst("version"));
		}
		catch (NumberFormatException ex) {
			version = -1;
		}
		return new CaseAudits.AuditInput(version, answers, prompts, "true".equals(params.getFirst("alert")),
				params.getFirst("alertReason"), params.getFirst("summary"), promptAnswers);
	}

	/** YES, NO or NOT_APPLICABLE; anything else is no answer. */
	private static Answer answer(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Answer.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
