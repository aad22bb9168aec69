package org.probity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ProbityApplication.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		this.modules.verify();
	}

	/**
	 * {@code allowedDependencies} states the real dependencies, no more: a module that
	 * stops using another drops it from its list, so the list tells a reader what the
	 * module stands on. (What a module's SQL reads of other modules, their published
	 * views, is TableOwnershipTests' business.)
	 */
	@Test
	void everyModuleAllowsExactlyTheModulesItDependsOn() throws ClassNotFoundException {
		List<String> differences = new ArrayList<>();
		for (ApplicationModule module : this.modules) {
			org.springframework.modulith.ApplicationModule declaration = Class
				.forName(module.getBasePackage().getName() + ".package-info")
				.getAnnotation(org.springframework.modulith.ApplicationModule.class);
			if (declaration == null || Arrays.asList(declaration.allowedDependencies())
				.contains(org.springframework.modulith.ApplicationModule.OPEN_TOKEN)) {
				continue;
			}
			Set<String> allowed = Arrays.stream(declaration.allowedDependencies())
				.map((name) -> name.split("::")[0].strip())
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> used = module.getDirectDependencies(this.modules)
				.stream()
				.map((dependency) -> dependency.getTargetModule().getIdentifier().toString())
				.collect(Collectors.toCollection(TreeSet::new));
			if (!allowed.equals(used)) {
				differences.add(module.getIdentifier() + " allows " + allowed + " but depends on " + used);
			}
		}
		assertThat(differences).as("allowedDependencies that differ from the real dependencies").isEmpty();
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
