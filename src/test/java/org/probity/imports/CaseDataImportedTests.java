package org.probity.imports;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.probity.shared.EventId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event publication registry stores {@link CaseDataImported} as JSON until its
 * listeners have run: the typed event ids keep the JSON of the plain strings they
 * replaced, so publications stored before the change are read back.
 */
class CaseDataImportedTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void changedEventIdsAreStoredAsPlainStrings() {
		CaseDataImported event = new CaseDataImported(7, Dataset.CONTACTS, 1, 2, Set.of(new EventId("E1")),
				LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));

		String stored = this.json.writeValueAsString(event);

		assertThat(stored).contains("\"changedEventIds\":[\"E1\"]");
		assertThat(this.json.readValue(stored, CaseDataImported.class)).isEqualTo(event);
	}

	@Test
	void anEventStoredWithStringIdsIsReadBack() {
		String stored = """
				{"importId":3,"dataset":"EVENTS","inserted":0,"updated":1,"changedEventIds":["E1","E2"],
				 "changedFrom":null,"changedTo":null}
				""";

		CaseDataImported event = this.json.readValue(stored, CaseDataImported.class);

		assertThat(event.changedEventIds()).containsExactlyInAnyOrder(new EventId("E1"), new EventId("E2"));
		assertThat(this.json
			.readValue("{\"importId\":4,\"dataset\":\"UNITS\",\"inserted\":1,\"updated\":0}", CaseDataImported.class)
			.changedEverything()).isTrue();
	}

}
