package org.probity.audits;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A whole template as the quality team writes it: saved as a new version.
 *
 * @param code a stable code such as CASE_SUPERVISION
 * @param type CASE, OBSERVATION or SELF_ASSESSMENT
 */
public record TemplateDefinition(String code, String name, String type, String frameworkVersion, String description,
		List<StandardDefinition> standards) {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	public record StandardDefinition(String code, String title, List<KeyQuestionDefinition> keyQuestions) {

		public StandardDefinition {
			keyQuestions = (keyQuestions != null) ? List.copyOf(keyQuestions) : List.of();
		}

	}

	public record KeyQuestionDefinition(String code, String text, List<PromptDefinition> prompts) {

		public KeyQuestionDefinition {
			prompts = (prompts != null) ? List.copyOf(prompts) : List.of();
		}

	}

	public record PromptDefinition(String code, String text) {
	}

	/**
	 * @throws IllegalArgumentException with a message fit to show the user
	 */
	void validate() {
		if (this.code == null || !CODE.matcher(this.code).matches()) {
			throw new IllegalArgumentException("Template code must be capital letters, digits and underscores");
		}
		if (blank(this.name)) {
			throw new IllegalArgumentException("Enter the template's name");
		}
		if (!List.of("CASE", "OBSERVATION", "SELF_ASSESSMENT").contains(this.type)) {
			throw new IllegalArgumentException("Template type must be CASE, OBSERVATION or SELF_ASSESSMENT");
		}
		if (blank(this.frameworkVersion)) {
			throw new IllegalArgumentException("Enter the framework version, like HMIP-2018");
		}
		if (this.standards.isEmpty()) {
			throw new IllegalArgumentException("A template needs at least one standard");
		}
		Set<String> codes = new HashSet<>();
		for (StandardDefinition s : this.standards) {
			if (blank(s.code()) || blank(s.title()) || !codes.add("S" + s.code())) {
				throw new IllegalArgumentException("Every standard needs a unique code and a title");
			}
			if (s.keyQuestions() == null || s.keyQuestions().isEmpty()) {
				throw new IllegalArgumentException("Standard " + s.code() + " needs at least one key question");
			}
			for (KeyQuestionDefinition q : s.keyQuestions()) {
				if (blank(q.code()) || blank(q.text()) || !codes.add("Q" + q.code())) {
					throw new IllegalArgumentException("Every key question needs a unique code and its text");
				}
				for (PromptDefinition p : q.prompts()) {
					if (blank(p.code()) || blank(p.text()) || !codes.add("P" + p.code())) {
						throw new IllegalArgumentException("Every prompt needs a unique code and its text");
					}
				}
			}
		}
	}

	public TemplateDefinition {
		standards = (standards != null) ? List.copyOf(standards) : List.of();
	}

	/** The definition of an existing version, to be changed into the next one. */
	public static TemplateDefinition of(AuditTemplates.Template template) {
		return new TemplateDefinition(template.code(), template.name(), template.type(), template.frameworkVersion(),
				template.description(),
				template.standards()
					.stream()
					.map((s) -> new StandardDefinition(s.code(), s.title(), s.keyQuestions()
						.stream()
						.map((q) -> new KeyQuestionDefinition(q.code(), q.text(),
								q.prompts().stream().map((p) -> new PromptDefinition(p.code(), p.text())).toList()))
						.toList()))
					.toList());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
