package org.probity.reports.archive;

import java.util.List;
import java.util.Set;

import org.probity.shared.web.Table;

/**
 * Turns the frozen content of archived reports of some kinds into what people read: the
 * body of its page and PDF (XHTML, headings and real tables), and its tables for the XLSX
 * and ODS downloads. One implementation per family of kinds; the reports list, the API
 * and the downloads find the renderer of a report's kind among the beans. A renderer
 * reads only the report's frozen JSON, never live data, so an approved version always
 * reads the same.
 */
public interface ReportRenderer {

	Set<ReportKind> kinds();

	/** The report's body as well-formed XHTML (no html/head/body element). */
	String xhtml(StoredReport report);

	/** The report's tables, each a sheet of the XLSX and ODS downloads. */
	List<Table> tables(StoredReport report);

}
