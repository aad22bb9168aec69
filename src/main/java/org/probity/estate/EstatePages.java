package org.probity.estate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.estate.CaseloadCounts.Caseload;
import org.probity.accounts.CurrentUser;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The estate with its caseloads and staff, as the visibility rule allows: the whole
 * estate for the quality team and administrators, a senior manager's own LDU or region.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER')")
class EstatePages {

	private final Estate estate;

	private final ObjectProvider<CaseloadCounts> caseloads;

	private final Clock clock;

	private final Visibility visibility;

	EstatePages(Estate estate, ObjectProvider<CaseloadCounts> caseloads, Clock clock, Visibility visibility) {
		this.visibility = visibility;
		this.estate = estate;
		this.caseloads = caseloads;
		this.clock = clock;
	}

	/** A unit in the tree, with its depth below the provider and its counts. */
	record UnitRow(Unit unit, int depth, Caseload caseload, long staff) {
	}

	/** A member of staff with their own caseload as responsible officer. */
	record StaffRow(Staff staff, Caseload caseload, boolean inPost) {
	}

	@GetMapping("/estate")
	String overview(@AuthenticationPrincipal CurrentUser user, Model model) {
		UnitCode visibleRoot = this.visibility.unitRoot(user);
		List<Unit> units = this.estate.units();
		Map<UnitCode, Caseload> caseloads = counts().byUnit();
		Map<UnitCode, Long> staff = this.estate.staffInPost();
		Map<UnitCode, List<Unit>> children = new LinkedHashMap<>();
		for (Unit unit : units) {
			if (unit.parentCode() != null) {
				children.computeIfAbsent(unit.parentCode(), (code) -> new ArrayList<>()).add(unit);
			}
		}
		children.values().forEach((list) -> list.sort(Comparator.comparing(Unit::name)));
		List<UnitRow> rows = new ArrayList<>();
		units.stream()
			.filter((unit) -> (visibleRoot != null) ? unit.code().equals(visibleRoot)
					: unit.parentCode() == null && this.visibility.seesEveryUnit(user))
			.forEach((root) -> addTree(root, 0, children, caseloads, staff, rows));
		model.addAttribute("rows", rows);
		return "estate/overview";
	}

	@GetMapping("/estate/units/{code}")
	String unit(@PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
		Unit unit = parse(code).flatMap(this.estate::unit)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such unit"));
		if (!this.visibility.maySeeUnit(user, unit.code())) {
			throw new AccessDeniedException("You may not see unit " + unit.code());
		}
		Map<UnitCode, Caseload> caseloads = counts().byUnit();
		Map<UnitCode, Long> staff = this.estate.staffInPost();
		List<UnitRow> children = this.estate.children(unit.code())
			.stream()
			.map((child) -> new UnitRow(child, 1, caseloads.getOrDefault(child.code(), Caseload.NONE),
					staff.getOrDefault(child.code(), 0L)))
			.toList();
		List<StaffRow> members = new ArrayList<>();
		if (unit.type() == UnitType.TEAM || unit.type() == UnitType.LDU) {
			LocalDate today = LocalDate.now(this.clock);
			for (UnitCode team : this.estate.teamsUnder(unit.code())) {
				Map<StaffCode, Caseload> own = counts().byStaffOfTeam(team);
				for (Staff member : this.estate.staffOfTeam(team)) {
					members.add(new StaffRow(member, own.getOrDefault(member.code(), Caseload.NONE),
							member.inPostOn(today)));
				}
			}
		}
		model.addAttribute("unit", unit);
		model.addAttribute("ancestors",
				this.estate.ancestors(unit.code())
					.stream()
					.filter((a) -> this.visibility.maySeeUnit(user, a.code()))
					.toList());
		model.addAttribute("caseload", caseloads.getOrDefault(unit.code(), Caseload.NONE));
		model.addAttribute("staffInPost", staff.getOrDefault(unit.code(), 0L));
		model.addAttribute("children", children);
		model.addAttribute("members", members);
		model.addAttribute("showStaff", unit.type() == UnitType.TEAM || unit.type() == UnitType.LDU);
		return "estate/unit";
	}

	private static void addTree(Unit unit, int depth, Map<UnitCode, List<Unit>> children,
			Map<UnitCode, Caseload> caseloads, Map<UnitCode, Long> staff, List<UnitRow> rows) {
		rows.add(new UnitRow(unit, depth, caseloads.getOrDefault(unit.code(), Caseload.NONE),
				staff.getOrDefault(unit.code(), 0L)));
		for (Unit child : children.getOrDefault(unit.code(), List.of())) {
			addTree(child, depth + 1, children, caseloads, staff, rows);
		}
	}

	private CaseloadCounts counts() {
		return this.caseloads.getIfAvailable(() -> NO_CASES);
	}

	private static Optional<UnitCode> parse(String code) {
		try {
			return Optional.of(new UnitCode(code));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** Until case data is loaded by a cases module, every caseload is empty. */
	private static final CaseloadCounts NO_CASES = new CaseloadCounts() {

		@Override
		public Map<UnitCode, Caseload> byUnit() {
			return Map.of();
		}

		@Override
		public Map<StaffCode, Caseload> byStaffOfTeam(UnitCode teamCode) {
			return Map.of();
		}

	};

}
