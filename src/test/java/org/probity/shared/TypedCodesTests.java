package org.probity.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedCodesTests {

	@Test
	void crnIsACapitalLetterAndSixDigits() {
		assertThat(new Crn("X123456").value()).isEqualTo("X123456");
		assertThat(Crn.isValid("A000000")).isTrue();
	}

	@Test
	void crnRejectsAnythingElse() {
		for (String bad : new String[] { "x123456", "X12345", "X1234567", "12345678", "XX12345", " X123456", "",
				"X12345A" }) {
			assertThat(Crn.isValid(bad)).as(bad).isFalse();
			assertThatIllegalArgumentException().isThrownBy(() -> new Crn(bad)).withMessageContaining("X123456");
		}
		assertThat(Crn.isValid(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new Crn(null));
	}

	@Test
	void crnsWithTheSameValueAreEqual() {
		assertThat(new Crn("X123456")).isEqualTo(new Crn("X123456")).hasToString("X123456");
	}

	@Test
	void unitCodeHasOneToTwelveCharacters() {
		assertThat(new UnitCode("N")).hasToString("N");
		assertThat(new UnitCode("N54LDU123456")).hasToString("N54LDU123456");
		assertThatIllegalArgumentException().isThrownBy(() -> new UnitCode("N54LDU1234567"));
		assertThatIllegalArgumentException().isThrownBy(() -> new UnitCode(""));
		assertThatIllegalArgumentException().isThrownBy(() -> new UnitCode("   "));
		assertThatIllegalArgumentException().isThrownBy(() -> new UnitCode(null));
		assertThatIllegalArgumentException().isThrownBy(() -> new UnitCode("N54\u0000T1"));
	}

	@Test
	void staffCodeHasSevenCharacters() {
		assertThat(new StaffCode("N54A001")).hasToString("N54A001");
		assertThatIllegalArgumentException().isThrownBy(() -> new StaffCode("N54A01"));
		assertThatIllegalArgumentException().isThrownBy(() -> new StaffCode("N54A0001"));
		assertThatIllegalArgumentException().isThrownBy(() -> new StaffCode(null));
		assertThatIllegalArgumentException().isThrownBy(() -> new StaffCode("N54\u0000001"));
	}

	@Test
	void eventIdIsNonBlankTextWithoutControlCharacters() {
		assertThat(new EventId("E-1001")).hasToString("E-1001");
		assertThat(EventId.isValid("1234567890123456789012")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new EventId(""));
		assertThatIllegalArgumentException().isThrownBy(() -> new EventId("  "));
		assertThatIllegalArgumentException().isThrownBy(() -> new EventId(null));
		assertThatIllegalArgumentException().isThrownBy(() -> new EventId("E\n1"));
	}

	@Test
	void measureCodeIsCapitalsDigitsAndUnderscores() {
		assertThat(new MeasureCode("SL001R")).hasToString("SL001R");
		assertThat(new MeasureCode("AM_K")).isEqualTo(new MeasureCode("AM_K"));
		for (String bad : new String[] { "sl001r", "1SL", "SL 001", "", "SL001R<script>", "ABCDEFGHIJKLMNOPQ" }) {
			assertThat(MeasureCode.isValid(bad)).as(bad).isFalse();
			assertThatIllegalArgumentException().isThrownBy(() -> new MeasureCode(bad)).withMessageContaining("SL001R");
		}
		assertThat(MeasureCode.isValid(null)).isFalse();
	}

	@Test
	void typedCodesAreJsonStrings() throws Exception {
		ObjectMapper json = new ObjectMapper();
		record Row(Crn crn, UnitCode unit, StaffCode staff, EventId event, MeasureCode measure) {
		}
		Row row = new Row(new Crn("X123456"), new UnitCode("N54T12"), new StaffCode("N54A001"), new EventId("E1"),
				new MeasureCode("SL001R"));
		String text = json.writeValueAsString(row);
		assertThat(text).isEqualTo(
				"{\"crn\":\"X123456\",\"unit\":\"N54T12\",\"staff\":\"N54A001\",\"event\":\"E1\",\"measure\":\"SL001R\"}");
		assertThat(json.readValue(text, Row.class)).isEqualTo(row);
		assertThatThrownBy(() -> json.readValue("{\"crn\":\"bad\"}", Row.class))
			.hasRootCauseMessage("A CRN is a capital letter and six digits, like X123456");
	}

}
