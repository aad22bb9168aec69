package org.probity.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration: only administrators create accounts and set their links. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccountAdminPages {

	private final Accounts accounts;

	private final Clock clock;

	AccountAdminPages(Accounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping("/admin/accounts")
	String list(Model model) {
		return page(model, AccountForm.empty(), Map.of());
	}

	@PostMapping("/admin/accounts")
	String create(@ModelAttribute AccountForm form, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = form.errors(this.accounts.find(form.username()).isPresent());
		if (!errors.isEmpty()) {
			return page(model, form, errors);
		}
		// the username may have been taken since the check above: a create never resets
		// an account
		if (!this.accounts.create(form.username(), form.displayName(), form.chosenRole(), form.staffCodeOrNull(),
				form.unitCodeOrNull(), form.emailOrNull(), form.password())) {
			return page(model, form, form.errors(true));
		}
		redirect.addFlashAttribute("created", form.username());
		return "redirect:/admin/accounts";
	}

	private String page(Model model, AccountForm form, Map<String, String> errors) {
		model.addAttribute("accounts", this.accounts.all());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("minPassword", AccountForm.MIN_PASSWORD);
		model.addAttribute("now", this.clock.instant());
		return "accounts/accounts";
	}

}
