package org.probity.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.TransactionException;

import org.probity.imports.ImportResult.RowError;

/**
 * {@code POST /api/v1/imports/{dataset}} with a {@code text/csv} body imports one file of
 * the case data exchange format; {@code GET /api/v1/imports} is the history.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportsApi {

	private static final Logger log = LoggerFactory.getLogger(ImportsApi.class);

	private final CaseDataImports imports;

	private final ImportHistory history;

	ImportsApi(CaseDataImports imports, ImportHistory history) {
		this.imports = imports;
		this.history = history;
	}

	record Applied(String dataset, @JsonProperty("import_id") long importId, int inserted, int updated) {
	}

	record Rejected(String message, String dataset, @JsonProperty("import_id") long importId, List<RowError> errors,
			@JsonProperty("error_count") long errorCount) {
	}

	record Problem(String message) {
	}

	record Run(long id, String dataset, String username, @JsonProperty("started_at") Instant startedAt,
			@JsonProperty("finished_at") Instant finishedAt, String outcome, long rows, int inserted, int updated,
			@JsonProperty("error_count") long errorCount, @JsonProperty("file_name") String fileName) {

		static Run of(ImportRun run) {
			return new Run(run.id(), run.dataset().fileName(), run.username(), run.startedAt(), run.finishedAt(),
					run.outcome().name(), run.rows(), run.inserted(), run.updated(), run.errorCount(), run.fileName());
		}

	}

	record Runs(List<Run> imports, int page, int size, long total) {
	}

	/**
	 * The body is read as a stream straight into PostgreSQL, so a file of millions of
	 * rows never sits in memory.
	 */
	@PostMapping("/{dataset}")
	@Operation(summary = "Import one CSV file of the case data exchange format, all or nothing",
			description = "dataset is one of units, staff, people, events, requirements, contacts, plans, referrals,"
					+ " accommodation. 200 with the counts of new and changed rows; 422 with every bad row"
					+ " (at most 1000 listed, error_count counts them all) when any row is invalid, and then nothing"
					+ " is changed; 404 for an unknown dataset.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/csv")))
	@PreAuthorize("hasAnyRole('ADMIN', 'QUALITY_TEAM', 'API_CLIENT')")
	ResponseEntity<?> importCsv(@PathVariable String dataset, HttpServletRequest request, Authentication user)
			throws IOException {
		Dataset named = Dataset.fromFileName(dataset.toLowerCase(Locale.ROOT)).orElse(null);
		if (named == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(new Problem("There is no dataset called " + dataset + ": the datasets are " + String.join(", ",
						java.util.Arrays.stream(Dataset.values()).map(Dataset::fileName).toList())));
		}
		ImportResult result = this.imports.importCsv(named, request.getInputStream(), user.getName(),
				named.fileName() + ".csv");
		if (result.applied()) {
			return ResponseEntity
				.ok(new Applied(named.fileName(), result.importId(), result.inserted(), result.updated()));
		}
		return ResponseEntity.unprocessableContent()
			.body(new Rejected(
					named.fileName() + ".csv was not imported: " + result.errorCount()
							+ ((result.errorCount() == 1) ? " problem" : " problems") + ". Nothing was changed.",
					named.fileName(), result.importId(), result.errors(), result.errorCount()));
	}

	@GetMapping
	@Operation(summary = "The history of imports, newest first")
	@PreAuthorize("hasAnyRole('ADMIN', 'QUALITY_TEAM', 'API_CLIENT')")
	Runs history(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		ImportHistory.Page found = this.history.page(page, size);
		return new Runs(found.runs().stream().map(Run::of).toList(), found.page(), found.size(), found.total());
	}

	/**
	 * A rule of the stored data that the checks did not foresee: still nothing changed.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Problem> conflicting(DataIntegrityViolationException ex) {
		log.warn("Import broke a database constraint", ex);
		String reason = (ex.getMostSpecificCause().getMessage() != null)
				? ex.getMostSpecificCause().getMessage().lines().findFirst().orElse("") : "";
		return ResponseEntity.unprocessableContent()
			.body(new Problem("The file conflicts with the stored case data (" + reason + "). Nothing was changed."));
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class, IOException.class,
			UncheckedIOException.class, IllegalStateException.class })
	ResponseEntity<Problem> failed(Exception ex) {
		log.warn("Import failed", ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(new Problem("The import could not finish, so nothing was changed. Try again later."));
	}

}
