package org.probity.reports.supplychain;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.probity.accounts.CurrentUser;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.estate.UnitType;
import org.probity.reports.obligations.Obligations;
import org.probity.shared.UnitCode;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supply chain for administrators: subcontractors, their contacts, the delivery units
 * they run and the contract obligations those hold, with every change listed. A stale
 * edit is refused (409).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SubcontractorPages {

	private final Subcontractors subcontractors;

	private final Estate estate;

	private final Obligations obligations;

	SubcontractorPages(Subcontractors subcontractors, Estate estate, Obligations obligations) {
		this.subcontractors = subcontractors;
		this.estate = estate;
		this.obligations = obligations;
	}

	@GetMapping("/reports/subcontractors")
	@PreAuthorize("hasRole('ADMIN')")
	String page(Model model) {
		List<Unit> units = this.estate.units()
			.stream()
			.filter((u) -> u.type() == UnitType.LDU || u.type() == UnitType.TEAM)
			.toList();
		Map<String, String> names = units.stream()
			.collect(Collectors.toMap((u) -> u.code().value(), Unit::name, (a, b) -> a));
		List<Subcontractors.Subcontractor> all = this.subcontractors.all();
		Map<Long, List<Obligations.Obligation>> held = new java.util.HashMap<>();
		for (Subcontractors.Subcontractor s : all) {
			held.put(s.id(), s.units().isEmpty() ? List.of() : this.obligations.ofDeliveryUnits(s.units()));
		}
		model.addAttribute("subcontractors", all);
		model.addAttribute("obligations", held);
		model.addAttribute("units", units);
		model.addAttribute("unitNames", names);
		model.addAttribute("changes", this.subcontractors.history(50));
		if (!model.containsAttribute("error")) {
			model.addAttribute("error", null);
		}
		return "reports/subcontractors";
	}

	@PostMapping("/reports/subcontractors")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String contacts,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			this.subcontractors.create(name, Subcontractors.contacts(contacts), user.getUsername());
		}
		catch (Subcontractors.Refused ex) {
			if (ex.stale()) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/reports/subcontractors";
	}

	@PostMapping("/reports/subcontractors/{id}/contacts")
	@PreAuthorize("hasRole('ADMIN')")
	String contacts(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String contacts,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return change(redirect, () -> this.subcontractors.changeContacts(id, version, Subcontractors.contacts(contacts),
				user.getUsername()));
	}

	@PostMapping("/reports/subcontractors/{id}/units")
	@PreAuthorize("hasRole('ADMIN')")
	String addUnit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String unit,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return change(redirect, () -> {
			if (!UnitCode.isValid(unit)) {
				throw new Subcontractors.Refused("Choose the unit the subcontractor runs", false);
			}
			this.subcontractors.addUnit(id, version, new UnitCode(unit.strip()), user.getUsername());
		});
	}

	@PostMapping("/reports/subcontractors/{id}/units/{unit}/remove")
	@PreAuthorize("hasRole('ADMIN')")
	String removeUnit(@PathVariable long id, @PathVariable String unit, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return change(redirect, () -> {
			if (!UnitCode.isValid(unit)) {
				throw new Subcontractors.Refused("There is no unit " + unit, false);
			}
			this.subcontractors.removeUnit(id, version, new UnitCode(unit), user.getUsername());
		});
	}

	private String change(RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
		}
		catch (Subcontractors.Refused ex) {
			if (ex.stale()) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/reports/subcontractors";
	}

	@ExceptionHandler(Subcontractors.Refused.class)
	ModelAndView stale(Subcontractors.Refused ex, HttpServletResponse response) {
		ModelAndView page = new ModelAndView("error/4xx", HttpStatus.CONFLICT);
		page.addObject("status", 409);
		page.addObject("message", ex.getMessage());
		return page;
	}

}
