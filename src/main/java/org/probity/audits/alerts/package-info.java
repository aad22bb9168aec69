/**
 * Alerts beyond the home page and the alert list: the emails to line managers and the
 * gauge of overdue alerts.
 */
package org.probity.audits.alerts;
