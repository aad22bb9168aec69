package org.probity.reports.scheduled;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.probity.reports.archive.StoredReport;
import org.probity.shared.Clocks;
import org.probity.shared.ScheduledWork;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Issues the scheduled reports that have fallen due, hourly, on one node at a time and in
 * one transaction with its lock ({@link ScheduledWork}): a node that dies midway leaves
 * no report half made, and the next tick makes it.
 */
@Component
public class ScheduledReportJob {

	/** The advisory lock of this job: "REPO" and 40. */
	public static final long LOCK = 0x5245504F_00000040L;

	static final String JOB = "scheduled reports";

	/** When the job runs: minute 20 of every hour, Europe/London, unless configured. */
	static final String CRON = "${probity.reports.schedule-cron:0 20 * * * *}";

	private static final Logger log = LoggerFactory.getLogger(ScheduledReportJob.class);

	private final ScheduledWork work;

	private final ScheduledReports reports;

	private final Clock clock;

	ScheduledReportJob(ScheduledWork work, ScheduledReports reports, Clock clock) {
		this.work = work;
		this.reports = reports;
		this.clock = clock;
	}

	@Scheduled(cron = CRON, zone = Clocks.LONDON_ZONE)
	public ScheduledWork.Outcome tick() {
		return this.work.runOnce(JOB, LOCK, () -> {
			List<StoredReport> made = this.reports.generateDue(LocalDate.now(this.clock));
			if (!made.isEmpty()) {
				log.info("Issued {} scheduled reports", made.size());
			}
		});
	}

}
