package org.probity.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.shared.Crn;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Case search and the case page. Everyone who does case work or assures it may search;
 * what they find and open is limited by {@link CaseRecords} and {@link CaseSearches}. API
 * clients have no case pages.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER','PRACTITIONER')")
class CasePages {

	/** Contacts shown before "Show all contacts". */
	static final int RECENT_CONTACTS = 20;

	private final CaseRecords records;

	private final CaseSearches searches;

	private final CaseAccessLog accessLog;

	CasePages(CaseRecords records, CaseSearches searches, CaseAccessLog accessLog) {
		this.records = records;
		this.searches = searches;
		this.accessLog = accessLog;
	}

	/** A sortable column heading: where it links to and its aria-sort value. */
	record Heading(String label, String sort, String ariaSort, String nextOrder) {
	}

	@GetMapping("/cases")
	ModelAndView search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "crn") String sort,
			@RequestParam(defaultValue = "asc") String order, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal CurrentUser user) {
		CaseSearches.Sort by = CaseSearches.Sort.fromParameter(sort);
		boolean descending = "desc".equals(order);
		CaseSearches.Results results = this.searches.search(new CaseSearches.Query(q, by, descending, page), user);
		List<Heading> headings = new ArrayList<>();
		for (var column : List.of(Map.entry("CRN", CaseSearches.Sort.CRN), Map.entry("Name", CaseSearches.Sort.NAME),
				Map.entry("Date of birth", CaseSearches.Sort.DATE_OF_BIRTH), Map.entry("Team", CaseSearches.Sort.TEAM),
				Map.entry("Latest event", CaseSearches.Sort.LATEST_EVENT))) {
			boolean current = column.getValue() == by;
			headings.add(new Heading(column.getKey(), column.getValue().parameter(),
					current ? (descending ? "descending" : "ascending") : "none",
					(current && !descending) ? "desc" : "asc"));
		}
		ModelAndView view = new ModelAndView("cases/search");
		view.addObject("q", q.strip());
		view.addObject("sort", by.parameter());
		view.addObject("order", descending ? "desc" : "asc");
		view.addObject("headings", headings);
		view.addObject("results", results);
		view.addObject("pages", pageNumbers(results.page(), results.pages()));
		return view;
	}

	@GetMapping("/cases/{crn}")
	ModelAndView open(@PathVariable String crn, @RequestParam(defaultValue = "") String contacts,
			@AuthenticationPrincipal CurrentUser user) {
		if (!Crn.isValid(crn)) {
			return notFound();
		}
		return switch (this.records.open(new Crn(crn), user)) {
			case CaseOpening.Opened opened -> casePage(opened.file(), "all".equals(contacts), user);
			case CaseOpening.Restricted restricted -> {
				ModelAndView view = new ModelAndView("cases/restricted", HttpStatus.FORBIDDEN);
				view.addObject("crn", restricted.crn().value());
				yield view;
			}
			case CaseOpening.OutOfScope outOfScope -> new ModelAndView("cases/out-of-scope", HttpStatus.FORBIDDEN);
			case CaseOpening.NotFound notFound -> notFound();
		};
	}

	private ModelAndView casePage(CaseFile file, boolean allContacts, CurrentUser user) {
		ModelAndView view = new ModelAndView("cases/case");
		view.addObject("file", file);
		view.addObject("person", file.person());
		List<CaseFile.Contact> contacts = file.contacts();
		view.addObject("contacts",
				(allContacts || contacts.size() <= RECENT_CONTACTS) ? contacts : contacts.subList(0, RECENT_CONTACTS));
		view.addObject("allContacts", allContacts || contacts.size() <= RECENT_CONTACTS);
		boolean showLog = user.role() == Role.QUALITY_TEAM || user.role() == Role.ADMIN;
		view.addObject("showAccessLog", showLog);
		view.addObject("accessLog", showLog ? this.accessLog.forCase(file.person().crn(), 20) : List.of());
		return view;
	}

	private static ModelAndView notFound() {
		return new ModelAndView("cases/not-found", HttpStatus.NOT_FOUND);
	}

	/**
	 * GOV.UK pagination: first, last, the current page and its neighbours; null marks a
	 * gap (an ellipsis).
	 */
	static List<Integer> pageNumbers(int current, int pages) {
		List<Integer> numbers = new ArrayList<>();
		for (int n = 1; n <= pages; n++) {
			if (n == 1 || n == pages || Math.abs(n - current) <= 1) {
				numbers.add(n);
			}
			else if (!numbers.isEmpty() && numbers.get(numbers.size() - 1) != null) {
				numbers.add(null);
			}
		}
		return numbers;
	}

}
