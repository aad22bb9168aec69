package org.probity.estate;

import org.junit.jupiter.api.Test;
import org.probity.shared.Crn;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HoldingTests {

	@Test
	void aRowsTextBecomesTypedCodesReadWithoutTheirColumnsPadding() {
		assertThat(Visibility.Holding.of("X123456", "N54T12 ", " N54A001"))
			.isEqualTo(new Visibility.Holding(new Crn("X123456"), new UnitCode("N54T12"), new StaffCode("N54A001")));
	}

	@Test
	void aListOfPeopleHoldsNoTeamNorPractitioner() {
		assertThat(Visibility.Holding.of("X123456", null, null))
			.isEqualTo(new Visibility.Holding(new Crn("X123456"), null, null));
		assertThat(Visibility.Holding.of(null, null, null)).isEqualTo(new Visibility.Holding(null, null, null));
	}

	@Test
	void aCodeOfTheWrongFormIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Visibility.Holding.of("x123456", null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> Visibility.Holding.of("X123456", "N54T12", "N54A01"));
	}

}
