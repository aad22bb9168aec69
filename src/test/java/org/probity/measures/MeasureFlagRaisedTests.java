package org.probity.measures;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;
import org.probity.shared.MeasureCode;
import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event publication registry stores a flag as JSON until its listeners have handled
 * it: the typed codes are plain strings there, as they were before they were typed, so
 * that publications stored by an earlier version are still delivered.
 */
@IntegrationTest
class MeasureFlagRaisedTests {

	@Autowired
	EventSerializer serializer;

	@Test
	void flagIsStoredWithItsCodesAsPlainStringsAndReadBack() {
		MeasureFlagRaised onUnit = new MeasureFlagRaised(MeasureFlagRaised.DEEPER_AUDIT, new MeasureCode("SL001R"),
				YearMonth.of(2024, 3), new UnitCode("N54T01"), null, 61.5);
		MeasureFlagRaised onPractitioner = new MeasureFlagRaised(MeasureFlagRaised.SUSTAINED_SHORTFALL,
				new MeasureCode("AM_K"), YearMonth.of(2024, 3), null, new StaffCode("N54A001"), 80.0);

		String unitJson = this.serializer.serialize(onUnit).toString();
		String staffJson = this.serializer.serialize(onPractitioner).toString();

		assertThat(unitJson).contains("\"measure_code\":\"SL001R\"").contains("\"unit_code\":\"N54T01\"");
		assertThat(staffJson).contains("\"measure_code\":\"AM_K\"").contains("\"staff_code\":\"N54A001\"");
		assertThat(this.serializer.deserialize(unitJson, MeasureFlagRaised.class)).isEqualTo(onUnit);
		assertThat(this.serializer.deserialize(staffJson, MeasureFlagRaised.class)).isEqualTo(onPractitioner);
		// as an earlier version stored it, with the codes as strings
		assertThat(this.serializer.deserialize(
				"{\"kind\":\"DEEPER_AUDIT\",\"measure_code\":\"SL001R\",\"month\":\"2024-03\",\"unit_code\":\"N54T01\","
						+ "\"staff_code\":null,\"performance\":61.5}",
				MeasureFlagRaised.class))
			.isEqualTo(onUnit);
	}

}
