package org.probity.subjectaccess;

import java.util.Locale;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.shared.Crn;
import org.probity.shared.StaffCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The data protection officer's pages: enter a CRN or a staff code
 * ({@code /subject-access}), check what is held ({@code /subject-access/check}: the
 * subject and the number of records of each kind, no content), download it as JSON or
 * PDF. Each step is written to the access log. Accounts of the role SUBJECT_ACCESS only.
 */
@Controller
@PreAuthorize("hasRole('SUBJECT_ACCESS')")
class SubjectAccessPages {

	private final SubjectAccessRequests requests;

	private final SubjectAccessApi api;

	SubjectAccessPages(SubjectAccessRequests requests, SubjectAccessApi api) {
		this.requests = requests;
		this.api = api;
	}

	@GetMapping("/subject-access")
	@PreAuthorize("hasRole('SUBJECT_ACCESS')")
	String start(Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("kind", "CASE");
		model.addAttribute("reference", "");
		return "subjectaccess/start";
	}

	@GetMapping("/subject-access/check")
	@PreAuthorize("hasRole('SUBJECT_ACCESS')")
	String check(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String reference,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		String ref = reference.strip().toUpperCase(Locale.UK);
		model.addAttribute("kind", kind);
		model.addAttribute("reference", reference);
		String error = switch (kind) {
			case "CASE" -> Crn.isValid(ref) ? null : "Enter a CRN: a capital letter and six digits, like X123456";
			case "STAFF" -> StaffCode.isValid(ref) ? null : "Enter a staff code of 7 characters, like N54A001";
			default -> "Select whether the request is about a person on probation or a member of staff";
		};
		if (error != null) {
			model.addAttribute("errors",
					Map.of(kind.equals("CASE") || kind.equals("STAFF") ? "reference" : "kind", error));
			return "subjectaccess/start";
		}
		Disclosure disclosure = kind.equals("CASE") ? this.requests.forCase(user, new Crn(ref), "check")
				: this.requests.forStaff(user, new StaffCode(ref), "check");
		model.addAttribute("d", disclosure);
		model.addAttribute("path", (kind.equals("CASE") ? "/subject-access/case/" : "/subject-access/staff/") + ref);
		return "subjectaccess/check";
	}

	@GetMapping("/subject-access/case/{crn}")
	@PreAuthorize("hasRole('SUBJECT_ACCESS')")
	ResponseEntity<?> caseDownload(@PathVariable String crn, @RequestParam(defaultValue = "json") String format,
			@AuthenticationPrincipal CurrentUser user) {
		boolean asPdf = SubjectAccessApi.pdfAsked(format);
		Disclosure disclosure = this.requests.forCase(user, new Crn(crn), asPdf ? "PDF" : "JSON");
		return this.api.answer(disclosure, asPdf, "subject-access-" + crn);
	}

	@GetMapping("/subject-access/staff/{code}")
	@PreAuthorize("hasRole('SUBJECT_ACCESS')")
	ResponseEntity<?> staffDownload(@PathVariable String code, @RequestParam(defaultValue = "json") String format,
			@AuthenticationPrincipal CurrentUser user) {
		boolean asPdf = SubjectAccessApi.pdfAsked(format);
		Disclosure disclosure = this.requests.forStaff(user, new StaffCode(code), asPdf ? "PDF" : "JSON");
		return this.api.answer(disclosure, asPdf, "subject-access-" + code);
	}

	@ExceptionHandler(SubjectNotFound.class)
	ModelAndView notFound(SubjectNotFound ex) {
		ModelAndView page = new ModelAndView("error/4xx", HttpStatus.NOT_FOUND);
		page.addObject("status", 404);
		page.addObject("message", ex.getMessage());
		return page;
	}

}
