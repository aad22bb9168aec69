package org.probity.audits.audit;

import org.probity.accounts.Accounts;
import org.probity.cases.CaseRecords;
import org.probity.shared.Crn;

import org.springframework.stereotype.Component;

/**
 * An auditor may be given a case only when they could open it themselves: the cases
 * module's scope and restricted-case rules decide, for the auditor's account.
 */
@Component
class AuditorCaseAccess implements CaseAccessCheck {

	private final Accounts accounts;

	private final CaseRecords cases;

	AuditorCaseAccess(Accounts accounts, CaseRecords cases) {
		this.accounts = accounts;
		this.cases = cases;
	}

	@Override
	public boolean mayOpen(String crn, String username) {
		return this.accounts.userFor(username).map((user) -> this.cases.mayOpen(new Crn(crn), user)).orElse(false);
	}

}
