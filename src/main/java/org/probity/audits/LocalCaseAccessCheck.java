package org.probity.audits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The restricted-case rule of the accounts module (CurrentUser.mayOpenAnyRestrictedCase):
 * a restricted person's case opens only for the quality team and for staff who are the
 * responsible officer of one of that person's events. Reads person and event directly
 * until the cases module's {@code mayOpen} is wired in by the integrator.
 */
@Component
class LocalCaseAccessCheck implements CaseAccessCheck {

	private final JdbcClient jdbc;

	LocalCaseAccessCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean mayOpen(String crn, String username) {
		return this.jdbc.sql("""
				select not coalesce((select restricted from person where crn = :crn), false)
				    or exists (select 1 from account a where a.username = :username and a.enabled and (
				        a.role = 'QUALITY_TEAM'
				        or exists (select 1 from event e where e.crn = :crn and e.staff_code = a.staff_code)))
				""").param("crn", crn).param("username", username).query(Boolean.class).single();
	}

}
