package org.probity.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Account administration: only administrators create accounts, change their details,
 * disable, enable and unlock them and reset their passwords, each change through "check
 * your answers" and recorded on the account's page.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccountAdminPages {

	static final int PAGE_SIZE = 50;

	private final Accounts accounts;

	private final AccountChanges changes;

	AccountAdminPages(Accounts accounts, AccountChanges changes) {
		this.accounts = accounts;
		this.changes = changes;
	}

	/** A sortable column heading of the accounts list. */
	record Heading(String label, String sort, String ariaSort, String nextOrder) {
	}

	@GetMapping("/admin/accounts")
	String list(@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "asc") String order,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("sort", AccountChanges.SORTS.containsKey(sort) ? sort : "name");
		model.addAttribute("order", "desc".equals(order) ? "desc" : "asc");
		model.addAttribute("page", page);
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
		if (!this.accounts.create(form.username(), form.displayName(), form.chosenRole(), form.staff(), form.unit(),
				form.emailOrNull(), form.password())) {
			return page(model, form, form.errors(true));
		}
		redirect.addFlashAttribute("created", form.username());
		return "redirect:/admin/accounts";
	}

	/**
	 * Grants an API client access to personnel records (for HR and workforce tools), or
	 * withdraws it.
	 */
	@PostMapping("/admin/accounts/{username}/personnel-access")
	String personnelAccess(@PathVariable String username, @RequestParam boolean granted) {
		if (!this.accounts.grantPersonnelAccess(username, granted)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No API client " + username);
		}
		return "redirect:/admin/accounts";
	}

	@GetMapping("/admin/accounts/{username}")
	String account(@PathVariable String username, Model model) {
		model.addAttribute("account", existing(username));
		model.addAttribute("history", this.changes.history(username));
		return "accounts/account";
	}

	@GetMapping("/admin/accounts/{username}/edit")
	String edit(@PathVariable String username, Model model) {
		AccountChanges.AdministeredAccount account = existing(username);
		AccountForm form = new AccountForm(account.username(), account.displayName(), account.role().name(),
				account.staffCode(), account.unitCode(), account.email(), "");
		return editForm(account, form, account.version(), Map.of(), model);
	}

	@GetMapping("/admin/accounts/{username}/password")
	String password(@PathVariable String username, Model model) {
		AccountChanges.AdministeredAccount account = existing(username);
		return passwordForm(account, account.version(), Map.of(), model);
	}

	/** The change asked for, shown with every field it alters before it is made. */
	@PostMapping("/admin/accounts/{username}/check")
	String check(@PathVariable String username, @RequestParam Map<String, String> params, Model model,
			HttpServletResponse response) {
		AccountChanges.AdministeredAccount account = existing(username);
		AccountChanges.Proposal proposal = proposal(account, params);
		Optional<String> invalid = invalidForm(account, proposal, params, model);
		if (invalid.isPresent()) {
			return invalid.get();
		}
		try {
			List<AccountChanges.FieldChange> rows = this.changes.preview(username, proposal);
			model.addAttribute("rows", rows);
			model.addAttribute("roleChanges", rows.stream().anyMatch((r) -> r.field().equals("Role")));
		}
		catch (AccountChanges.AccountChanged | AccountChanges.ChangeRefused ex) {
			return refused(account, ex, model, response);
		}
		model.addAttribute("account", account);
		model.addAttribute("proposal", proposal);
		model.addAttribute("passwordChoice", params.getOrDefault("passwordChoice", "GENERATE"));
		model.addAttribute("heading", title(proposal.action()));
		return "accounts/account-check";
	}

	@PostMapping("/admin/accounts/{username}/confirm")
	String confirm(@PathVariable String username, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		AccountChanges.AdministeredAccount account = existing(username);
		AccountChanges.Proposal proposal = proposal(account, params);
		Optional<String> invalid = invalidForm(account, proposal, params, model);
		if (invalid.isPresent()) {
			return invalid.get();
		}
		try {
			this.changes.apply(username, proposal, user.getUsername())
				.ifPresent((generated) -> redirect.addFlashAttribute("generatedPassword", generated));
		}
		catch (AccountChanges.AccountChanged | AccountChanges.ChangeRefused ex) {
			return refused(account, ex, model, response);
		}
		redirect.addFlashAttribute("changed", done(proposal.action()));
		return "redirect:/admin/accounts/" + UriUtils.encodePathSegment(username, "UTF-8");
	}

	private AccountChanges.Proposal proposal(AccountChanges.AdministeredAccount account, Map<String, String> params) {
		AccountChanges.Action action;
		int version;
		try {
			action = AccountChanges.Action.valueOf(params.getOrDefault("action", ""));
			version = Integer.parseInt(params.getOrDefault("version", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Say which change, and of which version");
		}
		AccountForm details = new AccountForm(account.username(), params.get("displayName"), params.get("role"),
				params.get("staffCode"), params.get("unitCode"), params.get("email"), "");
		String password = "SET".equals(params.get("passwordChoice")) ? params.getOrDefault("password", "") : "";
		return new AccountChanges.Proposal(action, version, details, password);
	}

	/**
	 * The form again with its errors, when the details or the password typed are not
	 * valid.
	 */
	private Optional<String> invalidForm(AccountChanges.AdministeredAccount account, AccountChanges.Proposal proposal,
			Map<String, String> params, Model model) {
		if (proposal.action() == AccountChanges.Action.DETAILS && !proposal.details().detailErrors().isEmpty()) {
			return Optional.of(editForm(account, proposal.details(), proposal.version(),
					proposal.details().detailErrors(), model));
		}
		if (proposal.action() == AccountChanges.Action.PASSWORD_RESET) {
			Map<String, String> errors = new LinkedHashMap<>();
			String choice = params.get("passwordChoice");
			if (!"SET".equals(choice) && !"GENERATE".equals(choice)) {
				errors.put("passwordChoice", "Choose how the new password is made");
			}
			else if ("SET".equals(choice)) {
				errors.putAll(AccountForm.passwordErrors(account.username(), proposal.password()));
			}
			if (!errors.isEmpty()) {
				model.addAttribute("passwordChoice", choice);
				return Optional.of(passwordForm(account, proposal.version(), errors, model));
			}
		}
		return Optional.empty();
	}

	/**
	 * The account's page with the reason nothing was changed: 409 when the account
	 * changed since it was opened, 422 when the change breaks a rule.
	 */
	private String refused(AccountChanges.AdministeredAccount account, RuntimeException ex, Model model,
			HttpServletResponse response) {
		response.setStatus((ex instanceof AccountChanges.AccountChanged) ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", ex.getMessage());
		model.addAttribute("account", this.changes.find(account.username()).orElse(account));
		model.addAttribute("history", this.changes.history(account.username()));
		return "accounts/account";
	}

	private String editForm(AccountChanges.AdministeredAccount account, AccountForm form, int version,
			Map<String, String> errors, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("form", form);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", List.of(Role.values()));
		return "accounts/account-edit";
	}

	private String passwordForm(AccountChanges.AdministeredAccount account, int version, Map<String, String> errors,
			Model model) {
		model.addAttribute("account", account);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("minPassword", AccountForm.MIN_PASSWORD);
		return "accounts/account-password";
	}

	private AccountChanges.AdministeredAccount existing(String username) {
		return this.changes.find(username)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no account " + username));
	}

	private static String title(AccountChanges.Action action) {
		return switch (action) {
			case DETAILS -> "Check the changes to the account";
			case DISABLED -> "Disable the account";
			case ENABLED -> "Enable the account";
			case UNLOCKED -> "Unlock the account";
			case PASSWORD_RESET -> "Reset the password";
		};
	}

	private static String done(AccountChanges.Action action) {
		return switch (action) {
			case DETAILS -> "The account's details have been changed.";
			case DISABLED -> "The account has been disabled: it can no longer sign in, and its sessions have ended.";
			case ENABLED -> "The account has been enabled: it can sign in again.";
			case UNLOCKED -> "The account has been unlocked: its failed sign-ins are cleared.";
			case PASSWORD_RESET -> "The password has been reset.";
		};
	}

	private String page(Model model, AccountForm form, Map<String, String> errors) {
		String sort = (String) model.getAttribute("sort");
		if (sort == null) {
			sort = "name";
			model.addAttribute("sort", sort);
			model.addAttribute("order", "asc");
		}
		String order = (String) model.getAttribute("order");
		Integer page = (Integer) model.getAttribute("page");
		AccountChanges.AccountPage accounts = this.changes.page(sort, "desc".equals(order), (page != null) ? page : 1,
				PAGE_SIZE);
		List<Heading> headings = new ArrayList<>();
		for (String[] column : new String[][] { { "Name", "name" }, { "Username", "username" }, { "Role", "role" },
				{ "Status", "status" }, { "Last signed in", "signedIn" } }) {
			boolean current = column[1].equals(sort);
			boolean descending = current && "desc".equals(order);
			headings.add(new Heading(column[0], column[1], current ? (descending ? "descending" : "ascending") : "none",
					(current && !descending) ? "desc" : "asc"));
		}
		model.addAttribute("accounts", accounts);
		model.addAttribute("headings", headings);
		model.addAttribute("pages", AccessLogPages.pageNumbers(accounts.page(), accounts.pages()));
		model.addAttribute("pageLink", "/admin/accounts?sort=" + sort + "&order=" + order + "&page=");
		model.addAttribute("personnelAccess", this.accounts.withPersonnelAccess());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("minPassword", AccountForm.MIN_PASSWORD);
		return "accounts/accounts";
	}

}
