package org.probity.shared.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, version, description and HTTP Basic security scheme, and
 * one tag per module (the package of the handler), so that a reader finds the calls by
 * capability rather than by controller class name.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BASIC = "basicAuth";

	/** What each module's calls are about, for the tags' descriptions. */
	static final Map<String, String> MODULES = Map.ofEntries(
			Map.entry("Audits", "Case audits: templates, samples, programmes, ratings, inspections and alerts."),
			Map.entry("Equality", "Protected-characteristic analysis of the service levels."),
			Map.entry("Feedback", "Surveys of people on probation and complaints."),
			Map.entry("Imports", "The exchange format: uploading case data and reading the import history."),
			Map.entry("Improvement", "Improvement plans, actions, risks, projects and the committee pack."),
			Map.entry("Measures", "Service levels: results, targets and flags."),
			Map.entry("People", "Staff performance, improvement plans for staff and training needs."),
			Map.entry("Reports", "Packs and reports built from the published figures."));

	@Bean
	OpenAPI probityOpenApi(@Value("${probity.api-version:1.0}") String version) {
		return new OpenAPI()
			.info(new Info().title("Probity API")
				.version(version)
				.description("""
						JSON under /api/v1 for the systems around Probity: case data imports, service \
						level results and flags, audits, improvement plans, feedback and people. Every call \
						authenticates with HTTP Basic as an account with the API client role (or a staff \
						account, within that account's data scope); field names are snake_case; errors are \
						problem details (RFC 9457) with a 400, 403, 404, 409 or 422 status.""")
				.license(new License().name("Open source")))
			.components(new Components().addSecuritySchemes(BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("The account's username and password.")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

	@Bean
	GlobalOperationCustomizer moduleTags() {
		return (operation, handler) -> {
			operation.setTags(new java.util.ArrayList<>(List.of(module(handler.getBeanType().getPackageName()))));
			return operation;
		};
	}

	@Bean
	GlobalOpenApiCustomizer moduleTagDescriptions() {
		return (openApi) -> {
			Map<String, Tag> tags = new TreeMap<>();
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.values()
					.forEach((path) -> path.readOperations()
						.forEach((operation) -> operation.getTags()
							.forEach((name) -> tags.computeIfAbsent(name,
									(n) -> new Tag().name(n).description(MODULES.get(n))))));
			}
			openApi.setTags(new java.util.ArrayList<>(tags.values()));
		};
	}

	/** "org.probity.improvement.plans" is the module "Improvement". */
	static String module(String packageName) {
		String rest = packageName.startsWith("org.probity.") ? packageName.substring("org.probity.".length())
				: packageName;
		String module = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
		return module.isEmpty() ? "Probity" : Character.toUpperCase(module.charAt(0)) + module.substring(1);
	}

}
