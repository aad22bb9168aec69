/**
 * The audit itself: which auditors may be given a case (the cases module's
 * restricted-case rule, asked for the auditor's account).
 */
package org.probity.audits.audit;
