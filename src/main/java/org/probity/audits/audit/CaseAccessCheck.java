package org.probity.audits.audit;

/**
 * Whether an auditor may open a case: restricted (limited-access) cases are only assigned
 * to auditors allowed to open them (case-audit.md, "Sampling"). The cases module owns the
 * rule; {@link AuditorCaseAccess} asks the cases module.
 */
public interface CaseAccessCheck {

	boolean mayOpen(String crn, String username);

}
