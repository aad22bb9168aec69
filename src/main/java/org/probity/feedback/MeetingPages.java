package org.probity.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.probity.accounts.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Meetings of councils, forums and focus groups: recorded, listed, and their actions. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
class MeetingPages {

	private final Meetings meetings;

	private final FeedbackScope scope;

	private final Clock clock;

	MeetingPages(Meetings meetings, FeedbackScope scope, Clock clock) {
		this.meetings = meetings;
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping("/feedback/meetings")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		return listPage(user, model, Map.of());
	}

	private String listPage(CurrentUser user, Model model, Map<String, String> errors) {
		model.addAttribute("meetings", this.meetings.meetings(this.scope.rootUnit(user)));
		model.addAttribute("themeList", this.meetings.themes());
		model.addAttribute("kinds", NewMeeting.KINDS);
		model.addAttribute("errors", errors);
		return "feedback/meetings";
	}

	@PostMapping("/feedback/meetings")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String record(
			@RequestParam(name = "held_on",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String title, @RequestParam(defaultValue = "0") int attendance,
			@RequestParam(required = false) List<String> themes, @RequestParam(required = false) String notes,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		try {
			Meeting m = this.meetings.record(new NewMeeting(heldOn, (unit != null) ? unit.strip() : null, kind, title,
					attendance, themes, notes), user.getUsername());
			return "redirect:/feedback/meetings/" + m.id();
		}
		catch (InvalidFeedback ex) {
			return listPage(user, model, ex.errors());
		}
	}

	@GetMapping("/feedback/meetings/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM','SENIOR_MANAGER','LINE_MANAGER')")
	String meeting(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return show(visible(id, user), model, Map.of());
	}

	@PostMapping("/feedback/meetings/{id}/actions")
	@PreAuthorize("hasAnyRole('ADMIN','QUALITY_TEAM')")
	String raise(@PathVariable long id, @RequestParam(required = false) String description,
			@RequestParam(defaultValue = "SERVICE_IMPROVEMENT") ActionPlanKind plan,
			@RequestParam(name = "target_date",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetDate,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Meeting m = visible(id, user);
		try {
			this.meetings.raiseAction("MEETING", id, m.unitCode(), plan, description, targetDate, user.getUsername());
		}
		catch (InvalidFeedback ex) {
			return show(m, model, ex.errors());
		}
		return "redirect:/feedback/meetings/" + id;
	}

	private String show(Meeting m, Model model, Map<String, String> errors) {
		model.addAttribute("meeting", m);
		model.addAttribute("themeList", this.meetings.themes());
		model.addAttribute("actions", this.meetings.actionsOf("MEETING", m.id()));
		model.addAttribute("plans", ActionPlanKind.values());
		model.addAttribute("errors", errors);
		model.addAttribute("defaultTarget", LocalDate.now(this.clock).plusMonths(3));
		return "feedback/meeting";
	}

	private Meeting visible(long id, CurrentUser user) {
		Meeting m = this.meetings.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no meeting " + id));
		if (!this.scope.maySeeUnit(user, m.unitCode().value())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "That meeting is outside your scope");
		}
		return m;
	}

}
