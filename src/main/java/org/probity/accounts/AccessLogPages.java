package org.probity.accounts;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case access log, for the data protection checks that administrators and the quality
 * team make.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
class AccessLogPages {

	static final int PAGE_SIZE = 50;

	private final CaseAccessLog log;

	AccessLogPages(CaseAccessLog log) {
		this.log = log;
	}

	@GetMapping("/admin/access-log")
	String log(@RequestParam(defaultValue = "") String crn, @RequestParam(defaultValue = "") String user,
			@RequestParam(defaultValue = "1") int page, Model model) {
		CaseAccessLog.Page entries = this.log.page(crn, user, page, PAGE_SIZE);
		model.addAttribute("crn", crn.strip());
		model.addAttribute("user", user.strip());
		model.addAttribute("log", entries);
		model.addAttribute("pages", pageNumbers(entries.page(), entries.pages()));
		model.addAttribute("pageLink",
				org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/access-log")
					.queryParam("crn", crn.strip())
					.queryParam("user", user.strip())
					.encode()
					.toUriString() + "&page=");
		return "accounts/access-log";
	}

	/**
	 * The page numbers a GOV.UK pagination shows: the first, the last, and those beside
	 * the current one, with null where an ellipsis stands for the others.
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
