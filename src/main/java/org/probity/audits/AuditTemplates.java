package org.probity.audits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.audits.sampling.Samples;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audit templates as versioned data. Changing a template adds a version and makes it
 * current; audits keep the version they were done with.
 */
@Service
public class AuditTemplates {

	/**
	 * One version of a template with its standards, key questions and prompts.
	 *
	 * @param eventTypes the event types it audits (of the template, not of one version);
	 * empty for any
	 */
	public record Template(String code, String name, String type, int version, int currentVersion,
			String frameworkVersion, String answerScale, String description, List<Standard> standards,
			List<String> eventTypes) {

		public Template {
			eventTypes = (eventTypes != null) ? List.copyOf(eventTypes) : List.of();
		}

		/** Whether it audits events of this type. */
		public boolean appliesTo(String eventType) {
			return this.eventTypes.isEmpty() || this.eventTypes.contains(eventType);
		}

		/**
		 * The filter narrowed to the event types this template audits: all of them when
		 * the filter names none.
		 * @throws IllegalArgumentException when the filter names a type it does not audit
		 */
		public PopulationFilter narrow(PopulationFilter filter) {
			if (this.eventTypes.isEmpty()) {
				return filter;
			}
			for (String type : filter.eventTypes()) {
				if (!this.eventTypes.contains(type)) {
					throw new IllegalArgumentException(notFor(type));
				}
			}
			return filter.eventTypes().isEmpty() ? filter.withEventTypes(this.eventTypes) : filter;
		}

		/** The refusal of an audit of an event of a type it does not audit. */
		String notFor(String eventType) {
			List<String> names = this.eventTypes.stream()
				.map((t) -> PopulationFilter.eventTypeName(t).toLowerCase(java.util.Locale.UK))
				.toList();
			String types = (names.size() == 1) ? names.get(0)
					: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
			return this.name + " audits " + types + " events only, not "
					+ PopulationFilter.eventTypeName(eventType).toLowerCase(java.util.Locale.UK) + " events";
		}

		public List<KeyQuestion> keyQuestions() {
			return this.standards.stream().flatMap((s) -> s.keyQuestions().stream()).toList();
		}

		public Optional<KeyQuestion> keyQuestion(String code) {
			return keyQuestions().stream().filter((q) -> q.code().equals(code)).findFirst();
		}

		public List<String> promptCodes() {
			return keyQuestions().stream().flatMap((q) -> q.prompts().stream()).map(Prompt::code).toList();
		}

	}

	public record Standard(String code, String title, List<KeyQuestion> keyQuestions) {
	}

	public record KeyQuestion(String code, String standardCode, String text, List<Prompt> prompts) {
	}

	public record Prompt(String code, String text) {
	}

	public record Summary(String code, String name, String type, int currentVersion) {
	}

	private final JdbcClient jdbc;

	AuditTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Summary> all() {
		return this.jdbc.sql(
				"select template_code as code, name, template_type as type, current_version from audit_template order by name")
			.query(Summary.class)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Template> current(String code) {
		return this.jdbc.sql("select current_version from audit_template where template_code = :code")
			.param("code", code)
			.query(Integer.class)
			.optional()
			.flatMap((v) -> version(code, v));
	}

	@Transactional(readOnly = true)
	public Optional<Template> version(String code, int version) {
		record Head(String code, String name, String type, int version, int currentVersion, String frameworkVersion,
				String answerScale, String description, List<String> eventTypes) {
		}
		Optional<Head> head = this.jdbc.sql("""
				select t.template_code as code, t.name, t.template_type as type, v.version, t.current_version,
				       v.framework_version, v.answer_scale, v.description, t.event_types
				from audit_template t join audit_template_version v on v.template_code = t.template_code
				where t.template_code = :code and v.version = :version
				""")
			.param("code", code)
			.param("version", version)
			.query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getString(6), rs.getString(7), rs.getString(8), Samples.strings(rs.getArray(9))))
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		Map<String, List<Prompt>> prompts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select key_question_code, prompt_code, text from audit_prompt
				where template_code = :code and version = :version order by key_question_code, position
				""").param("code", code).param("version", version).query((rs, n) -> {
			prompts.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
				.add(new Prompt(rs.getString(2), rs.getString(3)));
			return null;
		}).list();
		Map<String, List<KeyQuestion>> questions = new LinkedHashMap<>();
		this.jdbc.sql("""
				select standard_code, key_question_code, text from audit_key_question
				where template_code = :code and version = :version order by standard_code, position
				""").param("code", code).param("version", version).query((rs, n) -> {
			questions.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
				.add(new KeyQuestion(rs.getString(2), rs.getString(1), rs.getString(3),
						List.copyOf(prompts.getOrDefault(rs.getString(2), List.of()))));
			return null;
		}).list();
		List<Standard> standards = this.jdbc.sql("""
				select standard_code, title from audit_standard
				where template_code = :code and version = :version order by position
				""")
			.param("code", code)
			.param("version", version)
			.query((rs, n) -> new Standard(rs.getString(1), rs.getString(2),
					List.copyOf(questions.getOrDefault(rs.getString(1), List.of()))))
			.list();
		Head h = head.get();
		return Optional.of(new Template(h.code(), h.name(), h.type(), h.version(), h.currentVersion(),
				h.frameworkVersion(), h.answerScale(), h.description(), standards, h.eventTypes()));
	}

	/**
	 * Adds a version of a template (a new template when the code is new) and makes it
	 * current. Audits already planned or done keep the version they have.
	 * @return the new version number
	 */
	@Transactional
	public int saveNewVersion(TemplateDefinition definition, String username) {
		return saveNewVersion(definition, username, null);
	}

	/**
	 * Adds a version made from version {@code basedOn} (null: from whatever is current).
	 * The update of the current version holds {@code basedOn} in its WHERE clause: when
	 * someone else saved a version meanwhile, this one is refused rather than put over
	 * theirs.
	 * @return the new version number
	 * @throws AuditChanged when the template's current version is no longer
	 * {@code basedOn}
	 */
	@Transactional
	public int saveNewVersion(TemplateDefinition definition, String username, Integer basedOn) {
		definition.validate();
		Optional<Integer> current = this.jdbc
			.sql("select current_version from audit_template where template_code = :code for update")
			.param("code", definition.code())
			.query(Integer.class)
			.optional();
		int version = current.map((v) -> v + 1).orElse(1);
		if (current.isEmpty()) {
			this.jdbc.sql("""
					insert into audit_template (template_code, name, template_type, current_version)
					values (:code, :name, :type, 1)
					""")
				.param("code", definition.code())
				.param("name", definition.name())
				.param("type", definition.type())
				.update();
		}
		else {
			int seen = (basedOn != null) ? basedOn : current.get();
			int changed = this.jdbc.sql("""
					update audit_template set name = :name, current_version = :version
					where template_code = :code and current_version = :seen
					""")
				.param("code", definition.code())
				.param("name", definition.name())
				.param("version", seen + 1)
				.param("seen", seen)
				.update();
			if (changed == 0) {
				throw new AuditChanged(
						"Someone else saved version " + current.get() + " of this template since you"
								+ " opened version " + seen + ": your changes were not saved. They are shown below.",
						null, null);
			}
		}
		this.jdbc.sql("""
				insert into audit_template_version (template_code, version, framework_version, description, created_by)
				values (:code, :version, :framework, :description, :username)
				""")
			.param("code", definition.code())
			.param("version", version)
			.param("framework", definition.frameworkVersion())
			.param("description", (definition.description() != null) ? definition.description() : "")
			.param("username", username)
			.update();
		int sp = 0;
		for (TemplateDefinition.StandardDefinition s : definition.standards()) {
			this.jdbc.sql("""
					insert into audit_standard (template_code, version, standard_code, title, position)
					values (:code, :version, :standard, :title, :position)
					""")
				.param("code", definition.code())
				.param("version", version)
				.param("standard", s.code())
				.param("title", s.title())
				.param("position", ++sp)
				.update();
			int qp = 0;
			for (TemplateDefinition.KeyQuestionDefinition q : s.keyQuestions()) {
				this.jdbc
					.sql("""
							insert into audit_key_question (template_code, version, key_question_code, standard_code, text, position)
							values (:code, :version, :question, :standard, :text, :position)
							""")
					.param("code", definition.code())
					.param("version", version)
					.param("question", q.code())
					.param("standard", s.code())
					.param("text", q.text())
					.param("position", ++qp)
					.update();
				int pp = 0;
				for (TemplateDefinition.PromptDefinition p : q.prompts()) {
					this.jdbc
						.sql("""
								insert into audit_prompt (template_code, version, prompt_code, key_question_code, text, position)
								values (:code, :version, :prompt, :question, :text, :position)
								""")
						.param("code", definition.code())
						.param("version", version)
						.param("prompt", p.code())
						.param("question", q.code())
						.param("text", p.text())
						.param("position", ++pp)
						.update();
				}
			}
		}
		return version;
	}

}
