package org.probity;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.measures.MeasureRecomputation;
import org.probity.shared.Clocks;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;
import org.probity.testing.CaseData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's walk: each role signs in and follows every link of the home page, and of the
 * header navigation and the breadcrumbs of every page it comes to, breadth first (each
 * path pattern at most {@value #EXAMPLES_PER_PATTERN} times, at most
 * {@value #PAGES_PER_ROLE} pages). No link may answer an error (403 included: a page must
 * not offer what the reader may not open), every page template must pass axe-core (each
 * role's home page, and each other template the first time a role meets it), and no page
 * may show a unit or staff code alone where the estate knows its name (the code beside
 * its name is fine; CRNs are no one's name and are not looked for).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleWalkBrowserTests {

	@RegisterExtension
	static final BrowserFixture browser = new BrowserFixture();

	static final String PASSWORD = "walk-password-long-enough";

	static final int PAGES_PER_ROLE = 80;

	static final int EXAMPLES_PER_PATTERN = 1;

	/**
	 * Path patterns axe-core has passed in this run: a page of the same template is not
	 * checked twice.
	 */
	private final Set<String> axeChecked = new HashSet<>();

	/** Links everywhere: the page's chrome. */
	static final String CHROME_LINKS = ".govuk-header a[href], .govuk-breadcrumbs a[href]";

	/** Links of the home page besides its chrome. */
	static final String HOME_LINKS = "main a[href]";

	/**
	 * A unit or staff code: capitals and digits, at least one of each (N54, N54T12,
	 * N54A094).
	 */
	private static final Pattern CODE = Pattern.compile("\\b(?=[A-Z0-9]*[0-9])(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,12}\\b");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	MeasureRecomputation recomputation;

	/** Every unit and staff code with the names that may stand beside it. */
	Map<String, List<String>> names;

	@BeforeAll
	void anEstateWithCasesAndAnAccountPerRole() {
		CaseData cases = new CaseData(this.jdbc);
		cases.aProvider("W7P").named("Walkham Partnership").insert();
		cases.aRegion("W7R1").named("Walkham Region").under("W7P").insert();
		cases.anLdu("W7L1").named("Walkham and District").under("W7R1").insert();
		cases.aTeam("W7T1").named("Walkham Courts").under("W7L1").insert();
		cases.aTeam("W7T2").named("Walkham Community").under("W7L1").insert();
		cases.aStaffMember("W7A0001").named("Robin", "Walker").inTeam("W7T1").insert();
		cases.aStaffMember("W7A0002").named("Sasha", "Stroller").graded("PSO").inTeam("W7T2").insert();
		cases.aStaffMember("W7A0009").named("Morgan", "Rambler").graded("SPO").inTeam("W7T1").insert();
		LocalDate allocated = YearMonth.now(Clocks.LONDON).minusMonths(1).atDay(4);
		for (int i = 1; i <= 6; i++) {
			String crn = "J47000" + i;
			String staff = (i % 2 == 0) ? "W7A0002" : "W7A0001";
			String team = (i % 2 == 0) ? "W7T2" : "W7T1";
			cases.aPerson(crn).named("Alex", "Walkperson" + (char) ('a' + i)).bornOn(LocalDate.of(1990, 1, i)).insert();
			cases.aCommunityOrder("W7E" + i).forPerson(crn).sentencedOn(allocated).heldBy(staff).inTeam(team).insert();
			cases.aContact("W7C" + i).of(crn, "W7E" + i).by(staff).at(allocated.plusDays(i).atTime(10, 0)).insert();
		}
		this.recomputation.recomputeAll();
		this.accounts.createOrReset("rwk-quality", "Walk Quality", Role.QUALITY_TEAM, null, new UnitCode("W7P"),
				PASSWORD);
		this.accounts.createOrReset("rwk-senior", "Walk Senior", Role.SENIOR_MANAGER, null, new UnitCode("W7L1"),
				PASSWORD);
		this.accounts.createOrReset("rwk-manager", "Morgan Rambler", Role.LINE_MANAGER, new StaffCode("W7A0009"),
				new UnitCode("W7T1"), PASSWORD);
		this.accounts.createOrReset("rwk-practitioner", "Robin Walker", Role.PRACTITIONER, new StaffCode("W7A0001"),
				new UnitCode("W7T1"), PASSWORD);
		this.names = new HashMap<>();
		this.jdbc.sql("select unit_code, unit_name from estate_unit").query((java.sql.ResultSet rs) -> {
			this.names.put(rs.getString(1).strip(), List.of(rs.getString(2)));
		});
		this.jdbc.sql("select staff_code, forename, surname from estate_staff").query((java.sql.ResultSet rs) -> {
			this.names.put(rs.getString(1).strip(),
					List.of(rs.getString(2) + " " + rs.getString(3), rs.getString(3) + ", " + rs.getString(2)));
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "rwk-quality", "rwk-senior", "rwk-manager", "rwk-practitioner", "admin" })
	void everyLinkOfTheHomePageTheNavigationAndTheBreadcrumbsOpensPassesAxeAndNamesItsUnitsAndStaff(String username) {
		Page page = browser.signedIn(username, "admin".equals(username) ? BrowserFixture.ADMIN_PASSWORD : PASSWORD);
		List<String> faults = new ArrayList<>();
		Deque<String[]> queue = new ArrayDeque<>();
		queue.add(new String[] { "/", "sign-in" });
		Set<String> seen = new HashSet<>(Set.of("/"));
		Map<String, Integer> examples = new HashMap<>();
		Map<String, String> visited = new LinkedHashMap<>();
		while (!queue.isEmpty() && visited.size() < PAGES_PER_ROLE) {
			String[] next = queue.poll();
			String path = next[0];
			Response response = page.navigate(browser.url(path));
			visited.put(path, next[1]);
			if (response == null || response.status() >= 400) {
				faults.add(path + " (linked from " + next[1] + ") answers "
						+ ((response != null) ? response.status() : "nothing"));
				continue;
			}
			if ("/".equals(path) || this.axeChecked.add(pattern(path))) {
				BrowserFixture.accessibilityViolations(page).forEach((v) -> faults.add(path + ": " + v));
			}
			bareCodes(page).forEach((c) -> faults.add(path + ": " + c));
			for (String link : links(page, "/".equals(path) ? HOME_LINKS + ", " + CHROME_LINKS : CHROME_LINKS)) {
				if (seen.add(link) && examples.merge(pattern(link), 1, Integer::sum) <= EXAMPLES_PER_PATTERN) {
					queue.add(new String[] { link, path });
				}
			}
		}
		assertThat(visited).as("pages walked").hasSizeGreaterThan(3);
		assertThat(faults).as(() -> username + " walked " + visited.size() + " pages:\n" + String.join("\n", faults))
			.isEmpty();
	}

	/**
	 * The same-origin links the page offers to follow with a GET: no downloads, no API,
	 * no sign-in or sign-out.
	 */
	private List<String> links(Page page, String selector) {
		@SuppressWarnings("unchecked")
		List<String> hrefs = (List<String>) page.evalOnSelectorAll(selector,
				"links => links.filter(a => !a.hasAttribute('download')).map(a => a.href)");
		String origin = browser.url("");
		List<String> links = new ArrayList<>();
		for (String href : hrefs) {
			if (!href.startsWith(origin + "/")) {
				continue;
			}
			URI uri = URI.create(href);
			String path = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
			if (path.startsWith("/api/") || path.startsWith("/sign-") || path.startsWith("/v3/")
					|| path.contains("format=") || path.matches(".*\\.(pdf|csv|xlsx|ods)(\\?.*)?$")
					|| path.contains("/export")) {
				continue;
			}
			links.add(path);
		}
		return links;
	}

	/**
	 * A path's template: numbers and codes (anything with a digit) as placeholders, and
	 * the names of its query parameters.
	 */
	static String pattern(String path) {
		String[] parts = path.split("\\?", 2);
		StringBuilder template = new StringBuilder();
		for (String segment : parts[0].split("/")) {
			if (!segment.isEmpty()) {
				template.append('/').append(segment.matches(".*\\d.*") ? "{}" : segment);
			}
		}
		if (parts.length > 1) {
			Set<String> keys = new TreeSet<>();
			Arrays.stream(parts[1].split("&")).forEach((p) -> keys.add(p.split("=", 2)[0]));
			template.append('?').append(String.join("&", keys));
		}
		return template.toString();
	}

	/**
	 * Each shown piece of text (a table cell, a list item, a paragraph, an option, a
	 * heading) that holds a unit or staff code without its name: a code beside its name
	 * in the same piece is fine.
	 */
	private List<String> bareCodes(Page page) {
		@SuppressWarnings("unchecked")
		List<String> pieces = (List<String>) page.evaluate("""
				() => {
				  const pieces = new Set();
				  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				    const parent = node.parentElement;
				    if (!/[A-Z0-9]{3}/.test(node.data) || !parent || parent.closest('script, style, template')
				        || !parent.checkVisibility()) {
				      continue;
				    }
				    const piece = parent.closest('td, th, li, p, dd, dt, option, h1, h2, h3, h4, h5, h6, label, legend,'
				        + ' caption, summary') || parent;
				    pieces.add(piece.textContent.replace(/\\s+/g, ' ').trim());
				  }
				  return [...pieces];
				}
				""");
		List<String> found = new ArrayList<>();
		for (String piece : pieces) {
			Matcher m = CODE.matcher(piece);
			while (m.find()) {
				List<String> known = this.names.get(m.group());
				if (known != null && known.stream().noneMatch(piece::contains)) {
					found.add("the code " + m.group() + " without its name " + known.get(0) + " in \"" + piece + "\"");
				}
			}
		}
		return found;
	}

}
