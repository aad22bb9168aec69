package org.probity.cases;

import org.probity.accounts.CaseAccessLog;
import org.probity.accounts.CaseAccessLog.Outcome;
import org.probity.accounts.CurrentUser;
import org.probity.estate.Visibility;
import org.probity.shared.Crn;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case records of people on probation, opened the way data protection requires: only
 * within the user's scope, restricted cases only for those allowed, and every opening
 * (and refusal) written to the case access log.
 */
@Service
public class CaseRecords {

	private final Visibility visibility;

	private final CaseFiles files;

	private final CaseAccessLog log;

	CaseRecords(Visibility visibility, CaseFiles files, CaseAccessLog log) {
		this.visibility = visibility;
		this.files = files;
		this.log = log;
	}

	/**
	 * Opens the case for the user, or says why not. Opening and both kinds of refusal are
	 * logged; asking for a CRN that does not exist is not, as there is no case to
	 * protect.
	 */
	@Transactional(readOnly = true)
	public CaseOpening open(Crn crn, CurrentUser user) {
		return switch (this.visibility.decide(user, crn)) {
			case NOT_FOUND -> new CaseOpening.NotFound(crn);
			case OUT_OF_SCOPE -> {
				this.log.record(user.getUsername(), crn, Outcome.REFUSED_OUT_OF_SCOPE);
				yield new CaseOpening.OutOfScope(crn);
			}
			case RESTRICTED -> {
				this.log.record(user.getUsername(), crn, Outcome.REFUSED_RESTRICTED);
				yield new CaseOpening.Restricted(crn);
			}
			case OPEN -> {
				CaseFile file = this.files.load(crn).orElse(null);
				if (file == null) {
					yield new CaseOpening.NotFound(crn);
				}
				this.log.record(user.getUsername(), crn, Outcome.OPENED);
				yield new CaseOpening.Opened(file);
			}
		};
	}

	/**
	 * Whether {@link #open} would open the case for the user, without opening it or
	 * writing to the access log: for deciding who may be given a case to audit.
	 */
	@Transactional(readOnly = true)
	public boolean mayOpen(Crn crn, CurrentUser user) {
		return this.visibility.mayOpen(user, crn);
	}

	/** Whether a person with this CRN has been imported, whoever may open their case. */
	@Transactional(readOnly = true)
	public boolean exists(Crn crn) {
		return this.files.exists(crn);
	}

}
