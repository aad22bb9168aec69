package org.probity.equality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.probity.accounts.CurrentUser;
import org.probity.equality.EqualityAudits.KeyQuestion;
import org.probity.estate.Visibility;
import org.probity.shared.web.ProblemPage;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;

/**
 * Case audits by protected characteristic: every key question x characteristic with the
 * groups significantly lower, one key question's tables (the measures' statistics and
 * suppression), and the audits behind a shown group's figure, in the user's scope and
 * written to the case access log. Tables export with {@code ?format=csv|xlsx|ods}.
 */
@ProblemPage("equality/problem")
@Controller
class EqualityAuditPages {

	static final int PER_PAGE = 50;

	private final EqualityPages pages;

	private final EqualityAudits audits;

	private final EqualityRequests requests;

	private final Visibility visibility;

	EqualityAuditPages(EqualityPages pages, EqualityAudits audits, EqualityRequests requests, Visibility visibility) {
		this.pages = pages;
		this.audits = audits;
		this.requests = requests;
		this.visibility = visibility;
	}

	/** One key question's row of the overview: answers, groups significantly lower. */
	record OverviewRow(KeyQuestion question, long answers, List<Long> lower) {
	}

	/** A group flagged significant, for the overview's list. */
	record Significant(KeyQuestion question, Characteristic characteristic, GroupView group) {
	}

	@GetMapping("/equality/audits")
	@PreAuthorize("isAuthenticated()")
	Object overview(@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String staff, @RequestParam(required = false) String format,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		EqualityPages.Place place = this.pages.place(period, unit, staff, user, model);
		if (place == null) {
			return "equality/audits";
		}
		Map<String, List<EqualityTables.Table>> tables = this.audits.everyKeyQuestion(place.period(), place.focus());
		List<OverviewRow> rows = new ArrayList<>();
		List<Significant> significant = new ArrayList<>();
		for (KeyQuestion q : this.audits.keyQuestions()) {
			List<EqualityTables.Table> of = tables.get(q.key());
			rows.add(new OverviewRow(q, of.get(0).total(),
					of.stream().map((t) -> t.groups().stream().filter(GroupFigures::lower).count()).toList()));
			for (EqualityTables.Table t : of) {
				for (GroupFigures g : t.groups()) {
					if (g.significant()) {
						significant.add(new Significant(q, t.characteristic(), GroupView.of(g, 0)));
					}
				}
			}
		}
		if (TableExport.wanted(format)) {
			Table table = Table.titled("Case audits by characteristic " + place.period().code())
				.text("Template", "Key question", "Text")
				.number("Answers (yes or no)");
			for (Characteristic c : Characteristic.values()) {
				table = table.number(c.label() + ": groups significantly lower");
			}
			for (OverviewRow r : rows) {
				List<Object> row = new ArrayList<>(
						List.of(r.question().templateCode(), r.question().code(), r.question().text(), r.answers()));
				row.addAll(r.lower());
				table = table.row(row.toArray());
			}
			return TableExport.response("equality-audits-" + place.period().code(), format, table);
		}
		model.addAttribute("place", place);
		model.addAttribute("rows", rows);
		model.addAttribute("significant", significant);
		model.addAttribute("characteristics", Characteristic.values());
		model.addAttribute("periods", EqualityPages.periodChoices(place));
		return "equality/audits";
	}

	@GetMapping("/equality/audits/{code}")
	@PreAuthorize("isAuthenticated()")
	Object keyQuestion(@PathVariable String code, @RequestParam(required = false) String template,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String staff, @RequestParam(required = false) String format,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		KeyQuestion question = this.requests.keyQuestion(code, template);
		model.addAttribute("question", question);
		EqualityPages.Place place = this.pages.place(period, unit, staff, user, model);
		if (place == null) {
			return "equality/audit";
		}
		List<EqualityTables.Table> tables = this.audits.tables(question, place.period(), place.focus());
		if (TableExport.wanted(format)) {
			Table table = Table.titled(question.code() + " by characteristic " + place.period().code())
				.text("Characteristic", "Group", "Suppressed")
				.number("Answers", "Sufficient", "Performance", "Rest answers", "Rest sufficient",
						"Difference (points)", "Rate ratio", "p-value", "q-value")
				.text("Significant", "Direction");
			for (EqualityTables.Table t : tables) {
				for (GroupFigures g : t.groups()) {
					table = table.row(EqualityPages.exportRow(t.characteristic(), g).toArray());
				}
			}
			return TableExport.response(question.code() + "-equality-" + place.period().code(), format, table);
		}
		model.addAttribute("place", place);
		model.addAttribute("tables", tables.stream().map(EqualityPages::view).toList());
		model.addAttribute("periods", EqualityPages.periodChoices(place));
		model.addAttribute("templateQuery", "&template=" + question.templateCode());
		return "equality/audit";
	}

	@GetMapping("/equality/audits/{code}/cases")
	@PreAuthorize("isAuthenticated()")
	Object audits(@PathVariable String code, @RequestParam(required = false) String template,
			@RequestParam(required = false) String period, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String staff, @RequestParam(required = false) String characteristic,
			@RequestParam(required = false) String group, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String format, @AuthenticationPrincipal CurrentUser user, Model model) {
		KeyQuestion question = this.requests.keyQuestion(code, template);
		model.addAttribute("question", question);
		EqualityPages.Place place = this.pages.place(period, unit, staff, user, model);
		if (place == null) {
			return "equality/audit-cases";
		}
		Characteristic c = EqualityCasePages.characteristic(characteristic);
		if (group == null || !c.groups().contains(group)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No group " + group + " of " + c.label());
		}
		GroupFigures figures = this.audits.tables(question, place.period(), place.focus())
			.stream()
			.filter((t) -> t.characteristic() == c)
			.flatMap((t) -> t.groups().stream())
			.filter((g) -> g.group().equals(group))
			.findFirst()
			.orElseThrow();
		if (figures.suppressed()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"This group has fewer than 5 answers for the period: its audits are not listed here.");
		}
		List<Visibility.Shown<EqualityAudits.AuditRow>> all = this.visibility.filter(user,
				this.audits.audits(question, place.period(), place.focus(), c, group), EqualityAuditPages::holding);
		String name = question.code() + "-" + c.name() + "-" + group + "-" + place.period().code();
		if (TableExport.wanted(format)) {
			this.visibility.logShown(user, "equality audits export " + name, all, EqualityAuditPages::holding);
			Table table = Table.titled(question.code() + " " + c.name() + " " + group)
				.text("CRN", "Audit", "Completed", "Team", "Practitioner", "Judged");
			for (Visibility.Shown<EqualityAudits.AuditRow> shown : all) {
				EqualityAudits.AuditRow r = shown.row();
				table = shown.restricted() ? table.row(r.crn(), "restricted case", null, null, null, null)
						: table.row(r.crn(), String.valueOf(r.auditId()), r.completedOn().toString(), r.teamCode(),
								r.staffCode(), r.sufficient() ? "Sufficient" : "Not sufficient");
			}
			return TableExport.response("audits-" + name, format, table);
		}
		int pages = Math.max(1, (all.size() + PER_PAGE - 1) / PER_PAGE);
		int current = Math.min(Math.max(1, page), pages);
		List<Visibility.Shown<EqualityAudits.AuditRow>> shown = all.subList((current - 1) * PER_PAGE,
				Math.min(all.size(), current * PER_PAGE));
		this.visibility.logShown(user, "equality audits " + name + " page " + current, shown,
				EqualityAuditPages::holding);
		model.addAttribute("place", place);
		model.addAttribute("characteristic", c);
		model.addAttribute("group", GroupView.of(figures, 0));
		model.addAttribute("audits", shown);
		model.addAttribute("total", all.size());
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("baseQuery", place.query() + "&template=" + question.templateCode() + "&characteristic="
				+ c.name() + "&group=" + group);
		return "equality/audit-cases";
	}

	private static Visibility.Holding holding(EqualityAudits.AuditRow row) {
		return Visibility.Holding.of(row.crn(), row.teamCode(), row.staffCode());
	}

}
