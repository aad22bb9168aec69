package org.probity.reports.scheduled;

import java.util.List;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.estate.UnitType;
import org.probity.reports.archive.ReportKind;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The distribution lists of the scheduled reports, kept by the quality team and
 * administrators: who receives each report and how, with every change listed.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
class DistributionPages {

	private final DistributionLists lists;

	private final Estate estate;

	DistributionPages(DistributionLists lists, Estate estate) {
		this.lists = lists;
		this.estate = estate;
	}

	@GetMapping("/reports/distribution")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String lists(Model model) {
		List<Unit> units = this.estate.units()
			.stream()
			.filter((u) -> u.type() == UnitType.LDU || u.type() == UnitType.TEAM)
			.toList();
		model.addAttribute("kinds", DistributionLists.KINDS);
		model.addAttribute("recipients", this.lists.all());
		model.addAttribute("units", units);
		model.addAttribute("unitNames", units.stream()
			.collect(java.util.stream.Collectors.toMap((u) -> u.code().value(), Unit::name, (a, b) -> a)));
		model.addAttribute("deliveries", DistributionLists.Delivery.values());
		model.addAttribute("changes", this.lists.history(50));
		if (!model.containsAttribute("error")) {
			model.addAttribute("error", null);
		}
		return "reports/distribution";
	}

	@PostMapping("/reports/distribution")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String add(@RequestParam(required = false) String kind, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String email, @RequestParam(required = false) String delivery,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			ReportKind k = DistributionLists.KINDS.stream()
				.filter((x) -> x.name().equals(kind))
				.findFirst()
				.orElse(null);
			DistributionLists.Delivery d = java.util.Arrays.stream(DistributionLists.Delivery.values())
				.filter((x) -> x.name().equals(delivery))
				.findFirst()
				.orElse(null);
			this.lists.add(k, unit, email, d, user.getUsername());
			redirect.addFlashAttribute("added", email.strip().toLowerCase(java.util.Locale.ROOT));
		}
		catch (DistributionLists.Refused ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/reports/distribution";
	}

	@PostMapping("/reports/distribution/{id}/remove")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String remove(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			this.lists.remove(id, user.getUsername());
		}
		catch (DistributionLists.Refused ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/reports/distribution";
	}

}
