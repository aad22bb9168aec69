package org.probity.accounts;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's own new password, asked for after an administrator reset theirs
 * ({@link PasswordChangeRequired}); any user with a password may change it here.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class PasswordPages {

	private final Accounts accounts;

	PasswordPages(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account/password")
	@PreAuthorize("isAuthenticated()")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		return form(user, Map.of(), model);
	}

	@PostMapping("/account/password")
	@PreAuthorize("isAuthenticated()")
	String change(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm,
			@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model, RedirectAttributes redirect) {
		if (user instanceof ProviderUser) {
			return form(user, Map.of(), model);
		}
		Map<String, String> errors = new LinkedHashMap<>(AccountForm.passwordErrors(user.getUsername(), password));
		if (errors.isEmpty() && !password.equals(confirm)) {
			errors.put("confirm", "The two passwords are not the same");
		}
		if (errors.isEmpty() && this.accounts.isCurrentPassword(user.getUsername(), password)) {
			errors.put("password", "Choose a new password, not the one you have now");
		}
		if (!errors.isEmpty()) {
			return form(user, errors, model);
		}
		this.accounts.changeOwnPassword(user.getUsername(), password);
		session.setAttribute(PasswordChangeRequired.CHECKED, Boolean.FALSE);
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/";
	}

	private String form(CurrentUser user, Map<String, String> errors, Model model) {
		if (user instanceof ProviderUser) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND, "You sign in through your organisation's account");
		}
		model.addAttribute("errors", errors);
		model.addAttribute("temporary", this.accounts.mustChangePassword(user.getUsername()));
		model.addAttribute("minPassword", AccountForm.MIN_PASSWORD);
		return "accounts/password";
	}

}
