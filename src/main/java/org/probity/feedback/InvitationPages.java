package org.probity.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.probity.accounts.CurrentUser;

import org.probity.shared.Period;

import org.springframework.beans.factory.annotation.Value;
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
 * End-of-supervision invitations: the events that terminated in a month within the user's
 * scope (a practitioner their own, a manager their units'), and, on request, a one-time
 * invitation link and QR code for each to print and hand over.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
class InvitationPages {

	/** A row as the page shows it, with the full link and its QR code once made. */
	public record Row(EndOfSupervisionInvitations.Invitation invitation, String url, String qrSvg) {
	}

	private final EndOfSupervisionInvitations invitations;

	private final FeedbackScope scope;

	private final Clock clock;

	private final String baseUrl;

	InvitationPages(EndOfSupervisionInvitations invitations, FeedbackScope scope, Clock clock,
			@Value("${probity.base-url:http://localhost:8080}") String baseUrl) {
		this.invitations = invitations;
		this.scope = scope;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@GetMapping("/feedback/invitations")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
	String list(@RequestParam(required = false) String month, @RequestParam(required = false) String unit,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return page(month, unit, false, user, model);
	}

	@PostMapping("/feedback/invitations")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
	String invite(@RequestParam(required = false) String month, @RequestParam(required = false) String unit,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return page(month, unit, true, user, model);
	}

	private String page(String month, String unit, boolean invite, CurrentUser user, Model model) {
		YearMonth chosen = month(month);
		String under = (unit != null && !unit.isBlank()) ? unit.strip() : null;
		if (under != null && !this.scope.maySeeUnit(user, under)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "That unit is outside your scope");
		}
		List<Row> rows = this.invitations.list(user, chosen, under, invite).stream().map((i) -> {
			String url = (i.path() != null) ? this.baseUrl + i.path() : null;
			return new Row(i, url, (url != null) ? inline(RoundQrCode.svg(url)) : null);
		}).toList();
		model.addAttribute("month", chosen);
		model.addAttribute("monthName", Dates.month(chosen));
		model.addAttribute("unit", under);
		model.addAttribute("rows", rows);
		model.addAttribute("invited", invite);
		return "feedback/invitations";
	}

	private YearMonth month(String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.from(LocalDate.now(this.clock));
		}
		try {
			return Period.parseMonth(month);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Enter the month as year and month, for example 2024-03");
		}
	}

	/** The SVG without its XML declaration, to sit inside the page. */
	private static String inline(String svg) {
		int start = svg.indexOf("<svg");
		return (start >= 0) ? svg.substring(start) : svg;
	}

	private static final class Dates {

		static String month(YearMonth month) {
			return month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK));
		}

	}

}
