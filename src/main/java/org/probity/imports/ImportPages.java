package org.probity.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.TransactionException;
import org.springframework.web.multipart.MultipartFile;

import org.probity.imports.ImportResult.RowError;
import org.probity.shared.Clocks;
import org.probity.shared.Dates;

/** Upload a case data extract and see the history of imports. */
@Controller
class ImportPages {

	private static final Logger log = LoggerFactory.getLogger(ImportPages.class);

	private static final int HISTORY_PAGE_SIZE = 25;

	private final CaseDataImports imports;

	private final ImportHistory history;

	ImportPages(CaseDataImports imports, ImportHistory history) {
		this.imports = imports;
		this.history = history;
	}

	@GetMapping("/imports")
	@PreAuthorize("hasAnyRole('ADMIN', 'QUALITY_TEAM', 'API_CLIENT')")
	String form(@RequestParam(required = false) Long imported, Model model) {
		model.addAttribute("datasets", Dataset.values());
		if (imported != null) {
			this.history.find(imported).filter((run) -> run.outcome() == ImportRun.Outcome.APPLIED).ifPresent((run) -> {
				model.addAttribute("imported", run);
				model.addAttribute("selected", run.dataset());
			});
		}
		return "imports/import";
	}

	/**
	 * Multipart uploads are written to disk by the servlet container (no size threshold),
	 * and the import streams the file from there.
	 */
	@PostMapping("/imports")
	@PreAuthorize("hasAnyRole('ADMIN', 'QUALITY_TEAM', 'API_CLIENT')")
	String upload(@RequestParam(required = false) String dataset, @RequestParam(required = false) MultipartFile file,
			Authentication user, Model model) throws IOException {
		model.addAttribute("datasets", Dataset.values());
		Dataset named = (dataset != null) ? Dataset.fromFileName(dataset).orElse(null) : null;
		model.addAttribute("selected", named);
		if (named == null) {
			model.addAttribute("datasetError", "Select the dataset the file holds");
		}
		if (file == null
				|| file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
			model.addAttribute("fileError", "Select a CSV file");
		}
		if (named == null || model.containsAttribute("fileError")) {
			return "imports/import";
		}
		String fileName = (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
				? file.getOriginalFilename() : named.fileName() + ".csv";
		ImportResult result;
		try (InputStream csv = file.getInputStream()) {
			result = this.imports.importCsv(named, csv, user.getName(), fileName);
		}
		catch (DataAccessException | TransactionException | UncheckedIOException ex) {
			log.warn("Import of {} failed", fileName, ex);
			model.addAttribute("fileError", "The import of " + fileName
					+ " could not finish, so nothing was changed. Try again, or ask for help if it happens again");
			return "imports/import";
		}
		if (result.applied()) {
			return "redirect:/imports?imported=" + result.importId();
		}
		model.addAttribute("fileName", fileName);
		model.addAttribute("problems", describeAll(result.errors()));
		model.addAttribute("errorCount", result.errorCount());
		model.addAttribute("unlisted", result.errorCount() - result.errors().size());
		model.addAttribute("fileError", fileName + " has " + result.errorCount()
				+ ((result.errorCount() == 1) ? " problem" : " problems") + ": nothing was imported");
		return "imports/import";
	}

	@GetMapping("/imports/history")
	@PreAuthorize("hasAnyRole('ADMIN', 'QUALITY_TEAM', 'API_CLIENT')")
	String history(@RequestParam(defaultValue = "1") int page, Model model) {
		ImportHistory.Page found = this.history.page(Math.max(1, page) - 1, HISTORY_PAGE_SIZE);
		model.addAttribute("history", found);
		model.addAttribute("started",
				found.runs()
					.stream()
					.map((run) -> Dates.format(LocalDateTime.ofInstant(run.startedAt(), Clocks.LONDON)))
					.toList());
		model.addAttribute("current", found.page() + 1);
		return "imports/history";
	}

	/** How a problem reads in the error summary: "Row 5, column contact_at: ...". */
	static String describe(RowError error) {
		return "Row " + error.row() + ((error.column() != null) ? ", column " + error.column() : "") + ": "
				+ error.message();
	}

	static List<String> describeAll(List<RowError> errors) {
		return errors.stream().map(ImportPages::describe).toList();
	}

}
