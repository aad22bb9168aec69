package org.probity.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DemoSettingsTests {

	@Test
	void blankSettingLoadsDemoDataOnlyOnTheEmbeddedDatabase() {
		assertThat(DemoSettings.enabled("", "")).isTrue();
		assertThat(DemoSettings.enabled(null, null)).isTrue();
		assertThat(DemoSettings.enabled(" ", "jdbc:postgresql://db/probity")).isFalse();
	}

	@Test
	void explicitSettingWinsOverTheDatabase() {
		assertThat(DemoSettings.enabled("true", "jdbc:postgresql://db/probity")).isTrue();
		assertThat(DemoSettings.enabled("FALSE", "")).isFalse();
	}

	@Test
	void anythingElseIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> DemoSettings.enabled("yes", ""));
	}

	@Test
	void theReadmePublishesTheDemoPassword() throws java.io.IOException {
		assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("README.md")))
			.contains("`" + DemoSettings.PASSWORD + "`");
	}

}
