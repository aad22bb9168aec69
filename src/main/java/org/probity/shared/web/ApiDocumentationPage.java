package org.probity.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The API's documentation as a GOV.UK page: every call of the OpenAPI document by module,
 * with its method, path and summary. Swagger UI is not served: it needs inline scripts
 * and styles the Content Security Policy refuses, and fails axe; the JSON document stays
 * at {@code /v3/api-docs} for tools.
 */
@Controller
class ApiDocumentationPage {

	/** One call of the API. */
	record Call(String method, String path, String summary) {
	}

	/** The calls of one module. */
	record Section(String name, String description, List<Call> calls) {
	}

	private final ObjectProvider<OpenApiWebMvcResource> documents;

	ApiDocumentationPage(ObjectProvider<OpenApiWebMvcResource> documents) {
		this.documents = documents;
	}

	@GetMapping("/api-documentation")
	@PreAuthorize("isAuthenticated()")
	String page(HttpServletRequest request, Model model) throws Exception {
		OpenAPI api = Json.mapper()
			.readValue(this.documents.getObject().openapiJson(request, "/v3/api-docs", Locale.UK), OpenAPI.class);
		Map<String, Section> sections = new LinkedHashMap<>();
		for (Tag tag : (api.getTags() != null) ? api.getTags() : List.<Tag>of()) {
			sections.put(tag.getName(), new Section(tag.getName(), tag.getDescription(), new ArrayList<>()));
		}
		if (api.getPaths() != null) {
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				String tag = (operation.getTags() != null && !operation.getTags().isEmpty())
						? operation.getTags().get(0) : "Other";
				sections.computeIfAbsent(tag, (t) -> new Section(t, null, new ArrayList<>()))
					.calls()
					.add(new Call(method.name(), path, summary(operation, method)));
			}));
		}
		sections.values().forEach((s) -> s.calls().sort((a, b) -> a.path().compareTo(b.path())));
		model.addAttribute("api", api.getInfo());
		model.addAttribute("sections", sections.values().stream().filter((s) -> !s.calls().isEmpty()).toList());
		return "api-documentation";
	}

	private static String summary(Operation operation, PathItem.HttpMethod method) {
		if (operation.getSummary() != null && !operation.getSummary().isBlank()) {
			return operation.getSummary();
		}
		if (operation.getDescription() != null && !operation.getDescription().isBlank()) {
			return operation.getDescription();
		}
		String id = (operation.getOperationId() != null) ? operation.getOperationId() : method.name();
		String words = id.replaceAll("_\\d+$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.UK);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
