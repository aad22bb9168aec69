package org.probity.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTests {

	@Test
	void aUnitsKindIsAddedOnlyWhenItsNameDoesNotSayIt() {
		assertThat(Format.unitName("Downs Region", "Region")).isEqualTo("Downs Region");
		assertThat(Format.unitName("Canterbury", "LDU")).isEqualTo("Canterbury (LDU)");
		assertThat(Format.unitName("Weald, Downs and Coast Rehabilitation Partnership", "Provider"))
			.isEqualTo("Weald, Downs and Coast Rehabilitation Partnership (Provider)");
		assertThat(Format.unitName("Hastings women's team", "Team")).isEqualTo("Hastings women's team");
		// a word that only ends with the kind's letters is not the kind
		assertThat(Format.unitName("Steam", "Team")).isEqualTo("Steam (Team)");
	}

}
