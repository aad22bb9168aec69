package org.probity.reports.obligations;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.shared.web.TableExport;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The register's pages: the list (CSV, XLSX, ODS; import for the quality team), one
 * obligation with its reviews and change trail, and the review form (its owner, the
 * quality team and administrators; a stale version is refused with what was entered shown
 * back).
 */
@Controller
class ObligationPages {

	private final Obligations obligations;

	ObligationPages(Obligations obligations) {
		this.obligations = obligations;
	}

	/** Who reads the whole register. */
	static boolean mayRead(CurrentUser user) {
		return user.role() == Role.ADMIN || user.role() == Role.QUALITY_TEAM || user.role() == Role.SENIOR_MANAGER
				|| user.role() == Role.API_CLIENT;
	}

	static boolean mayReview(CurrentUser user, Obligations.Obligation o) {
		return user.role() == Role.ADMIN || user.role() == Role.QUALITY_TEAM || user.role() == Role.API_CLIENT
				|| o.ownerUsername().equals(user.getUsername());
	}

	@GetMapping("/reports/obligations")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
	Object list(@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user, Model model) {
		List<Obligations.Obligation> all = this.obligations.readableBy(user);
		if (format != null) {
			TableExport.Format f = TableExport.Format.of(format)
				.orElseThrow(() -> new IllegalArgumentException("The format must be csv, xlsx or ods"));
			return TableExport.response("contract-obligations", f, List.of(this.obligations.table(all)));
		}
		model.addAttribute("obligations", all);
		model.addAttribute("problems", List.of());
		return "reports/obligations";
	}

	@PostMapping("/reports/obligations/import")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	ModelAndView importCsv(@RequestParam(required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		ModelAndView page = new ModelAndView("reports/obligations");
		try {
			if (file == null || file.isEmpty()) {
				throw new ObligationRefused(ObligationRefused.Kind.INVALID, "Choose a CSV file to import",
						List.of(new ObligationRefused.Problem(null, "file", "Choose a CSV file to import")));
			}
			Obligations.Imported imported = this.obligations
				.importCsv(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), user.getUsername());
			page.addObject("imported", imported);
			page.addObject("problems", List.of());
		}
		catch (ObligationRefused ex) {
			page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			page.addObject("problems", ex.problems());
			page.addObject("problemTitle", ex.getMessage());
		}
		page.addObject("obligations", this.obligations.readableBy(user));
		return page;
	}

	@GetMapping("/reports/obligations/{id}")
	@PreAuthorize("isAuthenticated()")
	String one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		Obligations.Obligation o = readable(id, user);
		show(o, user, model);
		model.addAttribute("form", Map.of("reviewedOn", this.obligations.today().toString(), "rag", "", "note", ""));
		model.addAttribute("version", o.version());
		model.addAttribute("problems", List.of());
		return "reports/obligation";
	}

	@PostMapping("/reports/obligations/{id}/reviews")
	@PreAuthorize("isAuthenticated()")
	ModelAndView review(@PathVariable long id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Obligations.Obligation o = readable(id, user);
		if (!mayReview(user, o)) {
			throw new AccessDeniedException("Only the obligation's owner or the quality team may review it");
		}
		int version;
		try {
			version = Integer.parseInt(form.getOrDefault("version", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The form's version is missing: reload the page");
		}
		try {
			this.obligations.review(id, version, form.get("reviewedOn"), form.get("rag"), form.get("note"),
					user.getUsername());
			return new ModelAndView("redirect:/reports/obligations/" + id + "?reviewed=true");
		}
		catch (ObligationRefused ex) {
			ModelAndView page = new ModelAndView("reports/obligation");
			page.setStatus((ex.kind() == ObligationRefused.Kind.STALE) ? HttpStatus.CONFLICT
					: HttpStatus.UNPROCESSABLE_CONTENT);
			Obligations.Obligation now = this.obligations.find(id).orElseThrow();
			show(now, user, page.getModelMap());
			page.addObject("form", form);
			page.addObject("version", version);
			page.addObject("problems", (ex.problems().isEmpty())
					? List.of(new ObligationRefused.Problem(null, "note", ex.getMessage())) : ex.problems());
			page.addObject("stale", ex.kind() == ObligationRefused.Kind.STALE);
			if (ex.kind() == ObligationRefused.Kind.STALE) {
				page.addObject("version", now.version());
			}
			return page;
		}
	}

	private Obligations.Obligation readable(long id, CurrentUser user) {
		Obligations.Obligation o = this.obligations.find(id)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND,
					"There is no obligation " + id));
		if (!this.obligations.maySee(user, o)) {
			throw new AccessDeniedException("You may not see this obligation");
		}
		return o;
	}

	private void show(Obligations.Obligation o, CurrentUser user, Map<String, Object> model) {
		model.put("obligation", o);
		model.put("reviews", this.obligations.reviews(o.obligationId()));
		model.put("changes", this.obligations.changes(o.obligationId()));
		model.put("mayReview", mayReview(user, o));
		model.put("rags", ObligationRag.values());
	}

	private void show(Obligations.Obligation o, CurrentUser user, Model model) {
		show(o, user, model.asMap());
	}

}
