package org.probity.accounts;

import java.util.List;

import org.probity.shared.DataDictionary;
import org.probity.shared.web.Table;
import org.probity.shared.web.TableExport;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The data dictionary for administrators and the data protection officer's checks: every
 * column with its table, owning module, classification and description, filtered by
 * module and classification, sorted, and exported as CSV, XLSX or ODS.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DataDictionaryPages {

	private final DataDictionary dictionary;

	DataDictionaryPages(DataDictionary dictionary) {
		this.dictionary = dictionary;
	}

	@GetMapping("/admin/data-dictionary")
	@PreAuthorize("hasRole('ADMIN')")
	Object dictionary(@RequestParam(required = false) String module,
			@RequestParam(required = false) String classification, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String format, Model model) {
		DataDictionary.Classification chosen;
		DataDictionary.Order order;
		List<String> modules = this.dictionary.modules();
		String moduleChosen = (module == null || module.isBlank()) ? null : module.strip();
		try {
			chosen = DataDictionary.Classification.of(classification).orElse(null);
			order = DataDictionary.Order.of(sort);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		if (moduleChosen != null && !modules.contains(moduleChosen)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "There is no module " + moduleChosen);
		}
		List<DataDictionary.Column> columns = this.dictionary.columns(moduleChosen, chosen, order);
		if (TableExport.wanted(format)) {
			return TableExport.response("data-dictionary", format,
					Table.titled("Data dictionary")
						.text("module", "table", "column", "classification", "description", "table_description")
						.rows(columns.stream()
							.map((c) -> List.of(c.module(), c.tableName(), c.columnName(), c.classification().name(),
									c.description(), c.tableDescription()))
							.toList()));
		}
		model.addAttribute("columns", columns);
		model.addAttribute("counts", this.dictionary.counts());
		model.addAttribute("modules", modules);
		model.addAttribute("module", moduleChosen);
		model.addAttribute("classification", chosen);
		model.addAttribute("classifications", DataDictionary.Classification.values());
		model.addAttribute("sort", order);
		model.addAttribute("tables", columns.stream().map(DataDictionary.Column::tableName).distinct().count());
		return "accounts/data-dictionary";
	}

}
