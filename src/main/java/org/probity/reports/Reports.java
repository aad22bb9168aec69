package org.probity.reports;

import java.time.YearMonth;
import java.util.List;

import org.probity.accounts.Accounts;
import org.probity.accounts.CurrentUser;
import org.probity.reports.archive.ReportStatus;
import org.probity.reports.archive.StoredReport;
import org.probity.reports.baseline.BaselineYears;
import org.probity.reports.packs.MonthlyPacks;
import org.probity.reports.packs.PackContent;
import org.probity.shared.MeasureCode;
import org.probity.shared.UnitCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports module's facade for other modules (the demo): the monthly pack to the
 * Authority through its workflow, and the baseline year, acting as a named account with
 * that account's role and rights.
 */
@Service
public class Reports {

	/** A pack as the facade returns it: its id, status and version. */
	public record Pack(long id, String month, String status, int version, List<MeasureCode> failingMeasures) {
	}

	private final MonthlyPacks packs;

	private final BaselineYears baseline;

	private final Accounts accounts;

	Reports(MonthlyPacks packs, BaselineYears baseline, Accounts accounts) {
		this.packs = packs;
		this.baseline = baseline;
		this.accounts = accounts;
	}

	/** Generates (or regenerates) the month's draft pack for the provider. */
	@Transactional
	public Pack generateMonthlyPack(YearMonth month, UnitCode provider, String username) {
		return pack(this.packs.generate(this.packs.month(month.toString()), this.packs.provider(provider.value()), null,
				user(username)));
	}

	/**
	 * Writes the commentary on a measure below target, linking to its first open action.
	 */
	@Transactional
	public Pack comment(long packId, MeasureCode measure, String why, String whatIsBeingDone, boolean linkAction,
			String username) {
		StoredReport report = this.packs.find(packId);
		Long action = null;
		if (linkAction) {
			action = this.packs.read(report)
				.measures()
				.stream()
				.filter((m) -> m.code().equals(measure.value()))
				.flatMap((m) -> m.actions().stream())
				.map(PackContent.ActionLink::actionId)
				.findFirst()
				.orElse(null);
		}
		return pack(this.packs.comment(packId, report.version(), measure.value(), why, whatIsBeingDone, action,
				user(username)));
	}

	@Transactional
	public Pack submit(long packId, int version, String username) {
		return pack(this.packs.transition(packId, version, ReportStatus.SUBMITTED, null, user(username)));
	}

	@Transactional
	public Pack approve(long packId, int version, String username) {
		return pack(this.packs.transition(packId, version, ReportStatus.APPROVED, null, user(username)));
	}

	/** Sets the contract's baseline year as an administrator, with the reason. */
	@Transactional
	public void setBaselineYear(int year, String reason, String username) {
		this.baseline.set(year, this.baseline.current().version(), reason, username);
	}

	private Pack pack(StoredReport report) {
		PackContent content = this.packs.read(report);
		return new Pack(report.id(), report.period(), report.status().name(), report.version(),
				content.failing().stream().map((m) -> new MeasureCode(m.code())).toList());
	}

	private CurrentUser user(String username) {
		return this.accounts.userFor(username)
			.orElseThrow(() -> new IllegalArgumentException("There is no account " + username));
	}

}
