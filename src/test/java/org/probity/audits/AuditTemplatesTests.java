package org.probity.audits;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@IntegrationTest
class AuditTemplatesTests {

	@Autowired
	AuditTemplates templates;

	@Test
	void theFiveTemplatesOfDayOneAreSeeded() {
		assertThat(this.templates.all()).extracting(AuditTemplates.Summary::code)
			.contains("CASE_SUPERVISION", "UNPAID_WORK", "THROUGH_THE_GATE", "OBSERVATION", "SITE_SELF_ASSESSMENT");
		AuditTemplates.Template supervision = this.templates.version("CASE_SUPERVISION", 1).orElseThrow();
		assertThat(supervision.standards()).extracting(AuditTemplates.Standard::code)
			.containsExactly("2.1", "2.2", "2.3", "2.4");
		assertThat(supervision.standards()).allSatisfy((s) -> assertThat(s.keyQuestions()).hasSize(3));
		assertThat(supervision.keyQuestion("2.1.3").orElseThrow().prompts()).extracting(AuditTemplates.Prompt::text)
			.contains("Was domestic abuse and child safeguarding information requested and used?");
		assertThat(supervision.frameworkVersion()).isEqualTo("HMIP-2018");
	}

	@Test
	void changingATemplateMakesANewVersionAndKeepsTheOld() {
		TemplateDefinition definition = new TemplateDefinition("ATT_TEST", "Versioned test", "OBSERVATION", "LOCAL-1",
				"", List.of(new TemplateDefinition.StandardDefinition("T.1", "Test",
						List.of(new TemplateDefinition.KeyQuestionDefinition("T.1.1", "Was it good?", List.of())))));
		assertThat(this.templates.saveNewVersion(definition, "test")).isEqualTo(1);
		TemplateDefinition changed = TemplateDefinition.of(this.templates.current("ATT_TEST").orElseThrow());
		List<TemplateDefinition.KeyQuestionDefinition> questions = new ArrayList<>(
				changed.standards().get(0).keyQuestions());
		questions.add(new TemplateDefinition.KeyQuestionDefinition("T.1.2", "Was it safe?",
				List.of(new TemplateDefinition.PromptDefinition("T.1.2.a", "Risk discussed?"))));
		assertThat(this.templates.saveNewVersion(new TemplateDefinition("ATT_TEST", "Versioned test", "OBSERVATION",
				"LOCAL-1", "", List.of(new TemplateDefinition.StandardDefinition("T.1", "Test", questions))), "test"))
			.isEqualTo(2);
		assertThat(this.templates.version("ATT_TEST", 1).orElseThrow().keyQuestions()).hasSize(1);
		assertThat(this.templates.current("ATT_TEST").orElseThrow().keyQuestions()).hasSize(2);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.templates
				.saveNewVersion(new TemplateDefinition("ATT_TEST", "x", "CASE", "L", "", List.of()), "test"))
			.withMessageContaining("at least one standard");
	}

}
