package org.probity;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ProbityApplication.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		Documenter documenter = new Documenter(this.modules);
		documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		java.nio.file.Path folder = java.nio.file.Path.of("target", "spring-modulith-docs");
		org.assertj.core.api.Assertions.assertThat(folder.resolve("components.puml")).isNotEmptyFile();
		this.modules.forEach((module) -> org.assertj.core.api.Assertions
			.assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml"))
			.as("the diagram of module %s", module.getIdentifier())
			.isNotEmptyFile());
	}

}
