/** The monthly assurance report as a PDF and as the tables of the shared export. */
package org.probity.audits.report;
