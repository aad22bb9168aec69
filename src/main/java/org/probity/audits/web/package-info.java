/**
 * The audit pages and the JSON API over the sub-domains' services: templates, samples,
 * programmes, the audit form, alerts, ratings, inspections and the assurance report; the
 * panels the case and home pages show.
 */
package org.probity.audits.web;
