package org.probity.reports.packs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.probity.accounts.CurrentUser;
import org.probity.accounts.Role;
import org.probity.estate.Estate;
import org.probity.estate.Unit;
import org.probity.reports.archive.ReportArchive;
import org.probity.reports.archive.ReportKind;
import org.probity.reports.archive.ReportRefused;
import org.probity.reports.archive.ReportStatus;
import org.probity.reports.archive.StoredReport;
import org.probity.reports.baseline.BaselineYears;
import org.probity.shared.Clocks;
import org.probity.shared.UnitCode;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly pack to the Authority and its workflow (issue #15, point 1): the quality
 * team generates a draft for a month that has ended, writes a commentary on every measure
 * below target and submits it; a senior manager (never the one who submitted) approves
 * it, or returns it to draft. An approved pack is frozen; a re-issue is a new issue with
 * its reason, read from the data of the day.
 */
@Service
public class MonthlyPacks {

	private final ReportArchive archive;

	private final PackFigures figures;

	private final BaselineYears baseline;

	private final Estate estate;

	/**
	 * The frozen JSON's own mapper, fixed here rather than taken from the application's
	 * settings, so that a pack approved today reads the same after any change to them:
	 * snake_case names, as the API writes them; unknown names of older content ignored.
	 */
	static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final JsonMapper json = JSON;

	private final Clock clock;

	MonthlyPacks(ReportArchive archive, PackFigures figures, BaselineYears baseline, Estate estate, Clock clock) {
		this.archive = archive;
		this.figures = figures;
		this.baseline = baseline;
		this.estate = estate;
		this.clock = clock;
	}

	/** Who may draft, regenerate, write commentary and submit. */
	public static boolean mayDraft(CurrentUser user) {
		return user.role() == Role.QUALITY_TEAM || user.role() == Role.ADMIN;
	}

	/** Who may approve a submitted pack or return it to draft. */
	public static boolean mayApprove(CurrentUser user) {
		return user.role() == Role.SENIOR_MANAGER || user.role() == Role.ADMIN;
	}

	/** The providers a pack can be for (units with no parent), by code. */
	public List<Unit> providers() {
		return this.estate.units().stream().filter((u) -> u.parentCode() == null).toList();
	}

	/**
	 * The provider of a request: the one named, or the only one there is.
	 * @throws IllegalArgumentException when none is named and there are several
	 */
	public Unit provider(String code) {
		if (code == null || code.isBlank()) {
			List<Unit> all = providers();
			if (all.size() != 1) {
				throw new IllegalArgumentException("Give the provider the pack is for: there are " + all.size());
			}
			return all.get(0);
		}
		UnitCode unit;
		try {
			unit = new UnitCode(code.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("There is no provider " + code.strip());
		}
		return this.estate.unit(unit)
			.filter((u) -> u.parentCode() == null)
			.orElseThrow(() -> new IllegalArgumentException("There is no provider " + code.strip()));
	}

	/**
	 * Reads a month from a request: YYYY-MM, a month that has ended in London.
	 * @throws IllegalArgumentException with a message to show
	 */
	public YearMonth month(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("Give the month of the pack, like 2026-10");
		}
		YearMonth month = org.probity.shared.Period.parseMonth(text);
		YearMonth current = YearMonth.now(this.clock.withZone(Clocks.LONDON));
		if (!month.isBefore(current)) {
			throw new IllegalArgumentException("A pack is for a month that has ended: " + month
					+ " has not ended yet (the latest is " + current.minusMonths(1) + ")");
		}
		return month;
	}

	/**
	 * Generates the month's pack: a new draft, the draft regenerated from today's data
	 * (its commentary kept), or, for an approved pack, a re-issue with its reason.
	 */
	@Transactional
	public StoredReport generate(YearMonth month, Unit provider, String reissueReason, CurrentUser user) {
		requireDrafter(user);
		LocalDate due = DueDates.packDue(month);
		StoredReport latest = this.archive.latest(ReportKind.MONTHLY_PACK, month.toString(), provider.code())
			.orElse(null);
		PackContent content = this.figures.read(month, provider, this.baseline.year().orElse(null), due, user);
		if (latest == null) {
			return this.archive.create(ReportKind.MONTHLY_PACK, month.toString(), provider.code(),
					"Monthly pack to the Authority: " + content.monthLabel(), due, write(content), ReportStatus.DRAFT,
					user.getUsername());
		}
		return switch (latest.status()) {
			case DRAFT -> this.archive.replaceDraft(latest.id(), latest.version(),
					write(content.withCommentaryOf(read(latest))), user.getUsername());
			case APPROVED -> {
				if (reissueReason == null || reissueReason.isBlank()) {
					throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED, "The pack for " + content.monthLabel()
							+ " is approved: give the reason for a re-issue to generate it again");
				}
				yield this.archive.reissue(latest.id(), reissueReason, write(content.withCommentaryOf(read(latest))),
						user.getUsername());
			}
			default ->
				throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED, "The pack for " + content.monthLabel() + " is "
						+ latest.status().words().toLowerCase() + ": return it to draft before generating it again");
		};
	}

	/** Regenerates a draft from today's data, as of its version. */
	@Transactional
	public StoredReport regenerate(long id, int version, CurrentUser user) {
		requireDrafter(user);
		StoredReport report = pack(id);
		if (report.version() != version) {
			throw new ReportRefused(ReportRefused.Kind.STALE,
					"Someone else changed this report since you opened it: reload it and try again");
		}
		if (report.status() != ReportStatus.DRAFT) {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED, "Only a draft can be generated again");
		}
		PackContent earlier = read(report);
		Unit provider = provider(earlier.providerCode());
		YearMonth month = YearMonth.parse(earlier.month());
		PackContent content = this.figures.read(month, provider, this.baseline.year().orElse(null),
				DueDates.packDue(month), user);
		return this.archive.replaceDraft(id, version, write(content.withCommentaryOf(earlier)), user.getUsername());
	}

	/**
	 * Writes the commentary on a measure below target: why, and what is being done,
	 * linking to one of the open actions on the measure (or none). Refused as not found
	 * for a measure the pack does not have, as not allowed for one at or above its target
	 * or a pack no longer in draft, as stale for an old version.
	 */
	@Transactional
	public StoredReport comment(long id, int version, String measureCode, String why, String whatIsBeingDone,
			Long actionId, CurrentUser user) {
		requireDrafter(user);
		StoredReport report = pack(id);
		PackContent content = read(report);
		if (content.measures().stream().noneMatch((m) -> m.code().equals(measureCode))) {
			throw new ReportRefused(ReportRefused.Kind.NOT_FOUND,
					"There is no measure " + measureCode + " in the pack for " + content.monthLabel());
		}
		PackContent.MeasureSection measure = content.failing()
			.stream()
			.filter((m) -> m.code().equals(measureCode))
			.findFirst()
			.orElseThrow(() -> new ReportRefused(ReportRefused.Kind.NOT_ALLOWED,
					"A commentary is written on a measure below its target, and " + measureCode + " is not"));
		if (why == null || why.isBlank() || whatIsBeingDone == null || whatIsBeingDone.isBlank()) {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED,
					"Enter why " + measure.title() + " is below target and what is being done");
		}
		if (why.length() > 4000 || whatIsBeingDone.length() > 4000) {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED, "A commentary has at most 4,000 characters");
		}
		String path = null;
		if (actionId != null) {
			path = measure.actions()
				.stream()
				.filter((a) -> a.actionId() == actionId)
				.findFirst()
				.map(PackContent.ActionLink::path)
				.orElseThrow(() -> new ReportRefused(ReportRefused.Kind.NOT_ALLOWED,
						"Choose one of the open actions on " + measure.title()));
		}
		PackContent.Commentary written = new PackContent.Commentary(why.strip(), whatIsBeingDone.strip(), actionId,
				path, user.getUsername(), ZonedDateTime.now(this.clock.withZone(Clocks.LONDON)).toString());
		return this.archive.replaceDraft(id, version, write(content.withCommentary(measureCode, written)),
				user.getUsername());
	}

	/**
	 * Moves a pack along its workflow. Submitting needs a commentary on every measure
	 * below target; approving needs someone other than the person who submitted it.
	 */
	@Transactional
	public StoredReport transition(long id, int version, ReportStatus to, String note, CurrentUser user) {
		StoredReport report = this.archive.find(id)
			.orElseThrow(() -> new ReportRefused(ReportRefused.Kind.NOT_FOUND, "There is no report " + id));
		if (report.kind() != ReportKind.MONTHLY_PACK) {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED,
					"A " + report.kind().words().toLowerCase() + " is issued when generated: it has no review");
		}
		if (to == ReportStatus.SUBMITTED) {
			requireDrafter(user);
			if (report.version() == version && report.status() == ReportStatus.DRAFT) {
				PackContent content = read(report);
				List<String> missing = content.failing()
					.stream()
					.filter((m) -> !content.commentary().containsKey(m.code()))
					.map(PackContent.MeasureSection::title)
					.toList();
				if (!missing.isEmpty()) {
					throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED,
							"Write the commentary on every measure below target before submitting: "
									+ String.join(", ", missing));
				}
			}
		}
		else if (to == ReportStatus.APPROVED || to == ReportStatus.DRAFT) {
			if (!mayApprove(user)) {
				throw new AccessDeniedException("Only a senior manager or an administrator reviews a pack");
			}
			if (to == ReportStatus.APPROVED && user.getUsername().equals(report.submittedBy())) {
				throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED,
						"You submitted this pack: someone else must approve it");
			}
		}
		else {
			throw new ReportRefused(ReportRefused.Kind.NOT_ALLOWED,
					"A pack can be submitted, approved or returned to draft, not made " + to.words().toLowerCase());
		}
		return this.archive.transition(id, version, to, user.getUsername(), note);
	}

	/** The pack of that id. */
	public StoredReport find(long id) {
		return pack(id);
	}

	public PackContent read(StoredReport report) {
		return this.json.readValue(report.content(), PackContent.class);
	}

	String write(PackContent content) {
		return this.json.writeValueAsString(content);
	}

	private StoredReport pack(long id) {
		StoredReport report = this.archive.find(id)
			.orElseThrow(() -> new ReportRefused(ReportRefused.Kind.NOT_FOUND, "There is no report " + id));
		if (report.kind() != ReportKind.MONTHLY_PACK) {
			throw new ReportRefused(ReportRefused.Kind.NOT_FOUND, "Report " + id + " is not a monthly pack");
		}
		return report;
	}

	private static void requireDrafter(CurrentUser user) {
		if (!mayDraft(user)) {
			throw new AccessDeniedException("Only the quality team or an administrator drafts a pack");
		}
	}

}
