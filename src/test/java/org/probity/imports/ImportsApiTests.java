package org.probity.imports;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.probity.IntegrationTest;
import org.probity.accounts.Accounts;
import org.probity.accounts.Role;
import org.probity.shared.EventId;
import org.probity.testing.CaseData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import API over HTTP: every kind of bad file is refused with a 422 listing the bad
 * rows, and changes nothing. Codes here start with Z7.
 */
@IntegrationTest
class ImportsApiTests {

	private static final ObjectMapper json = JsonMapper.builder().build();

	private static final List<String> CASE_TABLES = List.of("unit", "staff", "person", "event", "requirement",
			"contact", "plan", "referral", "accommodation");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	RecordedImports recorded;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void loadCaseData() throws Exception {
		ok(post("units",
				CaseData.csv(Dataset.UNITS)
					.row("unit_code", "Z7P", "unit_type", "PROVIDER", "parent_code", "")
					.row("unit_code", "Z7R1", "unit_type", "REGION", "parent_code", "Z7P")
					.row("unit_code", "Z7L1", "unit_type", "LDU", "parent_code", "Z7R1")
					.row("unit_code", "Z7T1", "unit_type", "TEAM", "parent_code", "Z7L1")
					.text()));
		ok(post("staff", CaseData.csv(Dataset.STAFF).row("staff_code", "Z7S0001", "team_code", "Z7T1").text()));
		ok(post("people", CaseData.csv(Dataset.PEOPLE).row("crn", "Z700001").row("crn", "Z700002").text()));
		ok(post("events",
				CaseData.csv(Dataset.EVENTS)
					.row("event_id", "Z7E1", "crn", "Z700001", "staff_code", "Z7S0001", "team_code", "Z7T1")
					.row("event_id", "Z7E2", "crn", "Z700002", "event_type", "LICENCE", "release_date", "2024-01-10",
							"staff_code", "Z7S0001", "team_code", "Z7T1")
					.row("event_id", "Z7E3", "crn", "Z700002", "staff_code", "Z7S0001", "team_code", "Z7T1")
					.text()));
		ok(post("requirements",
				CaseData.csv(Dataset.REQUIREMENTS).row("requirement_id", "Z7R1", "event_id", "Z7E1").text()));
	}

	@Test
	void importsNewRowsAndCountsThem() throws Exception {
		HttpResponse<String> response = post("people",
				CaseData.csv(Dataset.PEOPLE).row("crn", "Z710001").row("crn", "Z710002").text());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("dataset").asString()).isEqualTo("people");
		assertThat(body.get("inserted").asInt()).isEqualTo(2);
		assertThat(body.get("updated").asInt()).isZero();
		assertThat(this.jdbc.sql("select surname from person where crn = 'Z710002'").query(String.class).single())
			.isEqualTo("Example");
	}

	@Test
	void reimportingTheSameFileChangesNothing() throws Exception {
		String contacts = CaseData.csv(Dataset.CONTACTS)
			.row("contact_id", "Z7C1", "crn", "Z700001", "event_id", "Z7E1", "staff_code", "Z7S0001")
			.row("contact_id", "Z7C2", "crn", "Z700001", "event_id", "Z7E1", "staff_code", "Z7S0001", "requirement_id",
					"Z7R1", "contact_type", "UNPAID_WORK_SESSION")
			.text();
		ok(post("contacts", contacts));
		String before = fingerprint();

		HttpResponse<String> again = post("contacts", contacts);

		assertThat(again.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(again.body());
		assertThat(body.get("inserted").asInt()).isZero();
		assertThat(body.get("updated").asInt()).isZero();
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void importingAChangedRowReplacesIt() throws Exception {
		ok(post("people", CaseData.csv(Dataset.PEOPLE).row("crn", "Z720001", "surname", "Before").text()));

		HttpResponse<String> response = post("people",
				CaseData.csv(Dataset.PEOPLE)
					.row("crn", "Z720001", "surname", "After", "disability", "")
					.row("crn", "Z720002")
					.text());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("inserted").asInt()).isEqualTo(1);
		assertThat(body.get("updated").asInt()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select surname || ':' || coalesce(disability::text, 'null') from person where crn = 'Z720001'")
			.query(String.class)
			.single()).isEqualTo("After:null");
	}

	@Test
	void publishesTheEventsWhoseCaseDataChanged() throws Exception {
		JsonNode body = ok(post("plans",
				CaseData.csv(Dataset.PLANS)
					.row("plan_id", "Z7P1", "event_id", "Z7E1")
					.row("plan_id", "Z7P2", "event_id", "Z7E3")
					.text()));

		CaseDataImported event = this.recorded.of(body.get("import_id").asLong());
		assertThat(event.dataset()).isEqualTo(Dataset.PLANS);
		assertThat(event.inserted()).isEqualTo(2);
		assertThat(event.changedEventIds()).containsExactlyInAnyOrder(new EventId("Z7E1"), new EventId("Z7E3"));

		JsonNode people = ok(post("people", CaseData.csv(Dataset.PEOPLE).row("crn", "Z730001").text()));
		assertThat(this.recorded.of(people.get("import_id").asLong()).changedEverything()).isTrue();

		JsonNode again = ok(post("people", CaseData.csv(Dataset.PEOPLE).row("crn", "Z730001").text()));
		CaseDataImported unchanged = this.recorded.of(again.get("import_id").asLong());
		assertThat(unchanged.changedNothing()).isTrue();
		assertThat(unchanged.changedEventIds()).isEmpty();
	}

	@Test
	void aMovedContactChangesItsOldEventTooAndTheDatesSpanItsOldAndNewDay() throws Exception {
		ok(post("contacts",
				CaseData.csv(Dataset.CONTACTS)
					.row("contact_id", "Z7C8", "crn", "Z700002", "event_id", "Z7E2", "staff_code", "Z7S0001",
							"contact_at", "2024-02-05T10:00", "arranged_on", "2024-02-01")
					.text()));

		JsonNode body = ok(post("contacts",
				CaseData.csv(Dataset.CONTACTS)
					.row("contact_id", "Z7C8", "crn", "Z700002", "event_id", "Z7E3", "staff_code", "Z7S0001",
							"contact_at", "2024-03-20T10:00", "arranged_on", "2024-02-01")
					.row("contact_id", "Z7C9", "crn", "Z700001", "event_id", "Z7E1", "staff_code", "Z7S0001",
							"contact_at", "2024-03-01T09:00", "arranged_on", "2024-02-01")
					.text()));

		CaseDataImported event = this.recorded.of(body.get("import_id").asLong());
		assertThat(event.changedEventIds()).containsExactlyInAnyOrder(new EventId("Z7E1"), new EventId("Z7E2"),
				new EventId("Z7E3"));
		assertThat(event.changedFrom()).isEqualTo(LocalDate.of(2024, 2, 5));
		assertThat(event.changedTo()).isEqualTo(LocalDate.of(2024, 3, 20));
		JsonNode plans = ok(
				post("plans", CaseData.csv(Dataset.PLANS).row("plan_id", "Z7P9", "event_id", "Z7E1").text()));
		assertThat(this.recorded.of(plans.get("import_id").asLong()).changedFrom()).isNull();
	}

	@Test
	void refusesAnUnknownColumn() throws Exception {
		String csv = CaseData.csv(Dataset.PEOPLE)
			.columns("crn", "forename", "surname", "date_of_birth", "sex", "gender_identity_same_as_birth", "ethnicity",
					"religion", "sexual_orientation", "disability", "marital_status", "restricted", "nickname")
			.row("crn", "Z740001")
			.text();

		assertRejected("people", csv, 1, "nickname", "Unknown column nickname");
	}

	@Test
	void refusesAMissingColumn() throws Exception {
		String csv = CaseData.csv(Dataset.PEOPLE).without("restricted").row("crn", "Z740002").text();

		assertRejected("people", csv, 1, "restricted", "missing");
	}

	@Test
	void refusesAValueOfTheWrongType() throws Exception {
		String csv = CaseData.csv(Dataset.PEOPLE)
			.row("crn", "Z740003")
			.row("crn", "Z740004", "date_of_birth", "17/05/1990")
			.row("crn", "Z740005", "restricted", "yes")
			.text();

		JsonNode body = assertRejected("people", csv, 3, "date_of_birth", "is not a date");
		assertThat(body.get("error_count").asLong()).isEqualTo(2);
		assertThat(body.get("errors").get(1).get("row").asLong()).isEqualTo(4);
		assertThat(body.get("errors").get(1).get("column").asString()).isEqualTo("restricted");
	}

	@Test
	void refusesAnUnknownCode() throws Exception {
		String csv = CaseData.csv(Dataset.PEOPLE).row("crn", "Z740006", "sex", "M").text();

		assertRejected("people", csv, 2, "sex", "\"M\" is not a sex");
	}

	@Test
	void refusesAReferenceToARowThatDoesNotExist() throws Exception {
		String csv = CaseData.csv(Dataset.EVENTS)
			.row("event_id", "Z7E9", "crn", "Z799999", "staff_code", "Z7S0001", "team_code", "Z7T1")
			.text();

		assertRejected("events", csv, 2, "crn", "No person with CRN Z799999");
	}

	@Test
	void refusesAKeyThatIsTwiceInTheFile() throws Exception {
		String csv = CaseData.csv(Dataset.PEOPLE).row("crn", "Z740007").row("crn", "Z740007", "surname", "Twin").text();

		assertRejected("people", csv, 3, "crn", "also on row 2");
	}

	@Test
	void refusesAContactArrangedAfterItsDate() throws Exception {
		String csv = CaseData.csv(Dataset.CONTACTS)
			.row("contact_id", "Z7C9", "crn", "Z700001", "event_id", "Z7E1", "staff_code", "Z7S0001", "arranged_on",
					"2024-01-13", "contact_at", "2024-01-12T10:30")
			.text();

		assertRejected("contacts", csv, 2, "arranged_on", "is after the contact date");
	}

	@Test
	void refusesATerminationDateWithoutAReason() throws Exception {
		String csv = CaseData.csv(Dataset.EVENTS)
			.row("event_id", "Z7E8", "crn", "Z700001", "staff_code", "Z7S0001", "team_code", "Z7T1", "termination_date",
					"2024-06-01")
			.text();

		assertRejected("events", csv, 2, "termination_reason", "needs a termination_reason");
	}

	@Test
	void refusesMalformedCsv() throws Exception {
		String csv = CaseData.csv(Dataset.PEOPLE).row("crn", "Z740008").text() + "Z740009,\"Unclosed,Quote\n";

		assertRejected("people", csv, 3, null, "malformed");
	}

	@Test
	void refusesARowWithTheWrongNumberOfValues() throws Exception {
		String csv = CaseData.csv(Dataset.PEOPLE).row("crn", "Z740010").text() + "Z740011,Short,Row\n";

		assertRejected("people", csv, 3, null, "3 values but the header has 12 columns");
	}

	@Test
	void refusesBytesThatAreNotUtf8() throws Exception {
		byte[] good = CaseData.csv(Dataset.PEOPLE).row("crn", "Z740012").text().getBytes(StandardCharsets.UTF_8);
		byte[] latin1 = CaseData.csv(Dataset.PEOPLE)
			.row("crn", "Z740013", "surname", "Amélie")
			.text()
			.lines()
			.skip(1)
			.findFirst()
			.orElseThrow()
			.concat("\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.write(good);
		file.write(latin1);

		assertRejected("people", file.toByteArray(), 3, "surname", "not UTF-8");
	}

	@Test
	void refusesAnEmptyFile() throws Exception {
		assertRejected("people", "", 1, null, "empty");
	}

	@Test
	void refusesAFileWithAHeaderAndNoRows() throws Exception {
		assertRejected("people", CaseData.csv(Dataset.PEOPLE).text(), 1, null, "no rows");
	}

	@Test
	void refusesAContactWhoseCrnIsNotItsEventsCrn() throws Exception {
		String csv = CaseData.csv(Dataset.CONTACTS)
			.row("contact_id", "Z7C8", "crn", "Z700002", "event_id", "Z7E1", "staff_code", "Z7S0001")
			.text();

		assertRejected("contacts", csv, 2, "crn", "must be its event's crn");
	}

	@Test
	void refusesAContactWithARequirementOfAnotherEvent() throws Exception {
		String csv = CaseData.csv(Dataset.CONTACTS)
			.row("contact_id", "Z7C7", "crn", "Z700002", "event_id", "Z7E3", "requirement_id", "Z7R1", "staff_code",
					"Z7S0001")
			.text();

		assertRejected("contacts", csv, 2, "requirement_id", "is of event Z7E1, not Z7E3");
	}

	@Test
	void refusesABreachOfALicenceAndARecallOfACommunityOrder() throws Exception {
		String csv = CaseData.csv(Dataset.REFERRALS)
			.row("referral_id", "Z7B1", "event_id", "Z7E2", "referral_type", "BREACH")
			.row("referral_id", "Z7B2", "event_id", "Z7E1", "referral_type", "RECALL")
			.text();

		JsonNode body = assertRejected("referrals", csv, 2, "referral_type", "a BREACH is of");
		assertThat(body.get("errors").get(1).get("message").asString()).contains("a RECALL is of a LICENCE event");
	}

	@Test
	void refusesAccommodationOfACommunityOrder() throws Exception {
		String csv = CaseData.csv(Dataset.ACCOMMODATION).row("event_id", "Z7E1").text();

		assertRejected("accommodation", csv, 2, "event_id", "LICENCE or POST_SENTENCE_SUPERVISION");
	}

	@Test
	void refusesALicenceWithoutAReleaseDate() throws Exception {
		String csv = CaseData.csv(Dataset.EVENTS)
			.row("event_id", "Z7E7", "crn", "Z700001", "event_type", "LICENCE", "staff_code", "Z7S0001", "team_code",
					"Z7T1")
			.text();

		assertRejected("events", csv, 2, "release_date", "needs a release_date");
	}

	@Test
	void refusesATeamUnderARegionAndAProviderWithAParent() throws Exception {
		String csv = CaseData.csv(Dataset.UNITS)
			.row("unit_code", "Z7T9", "unit_type", "TEAM", "parent_code", "Z7R1")
			.row("unit_code", "Z7P9", "unit_type", "PROVIDER", "parent_code", "Z7P")
			.text();

		JsonNode body = assertRejected("units", csv, 2, "parent_code", "must be an LDU");
		assertThat(body.get("errors").get(1).get("message").asString()).contains("A PROVIDER has no parent");
	}

	@Test
	void refusesUnitsThatLoop() throws Exception {
		String csv = CaseData.csv(Dataset.UNITS)
			.row("unit_code", "Z7RA", "unit_type", "REGION", "parent_code", "Z7RB")
			.row("unit_code", "Z7RB", "unit_type", "REGION", "parent_code", "Z7RA")
			.text();

		assertRejected("units", csv, 2, "parent_code", "its own ancestor");
	}

	@Test
	void acceptsAParentLaterInTheSameFile() throws Exception {
		JsonNode body = ok(post("units",
				CaseData.csv(Dataset.UNITS)
					.row("unit_code", "Z7T5", "unit_type", "TEAM", "parent_code", "Z7L5")
					.row("unit_code", "Z7L5", "unit_type", "LDU", "parent_code", "Z7P")
					.text()));

		assertThat(body.get("inserted").asInt()).isEqualTo(2);
	}

	@Test
	void refusesStaffInAUnitThatIsNotATeam() throws Exception {
		String csv = CaseData.csv(Dataset.STAFF).row("staff_code", "Z7S0009", "team_code", "Z7L1").text();

		assertRejected("staff", csv, 2, "team_code", "Z7L1 is a LDU");
	}

	@Test
	void listsAtMostAThousandProblemsWithTheirTotal() throws Exception {
		CaseData.Csv people = CaseData.csv(Dataset.PEOPLE);
		for (int i = 0; i < 1500; i++) {
			people.row("crn", "Z75%04d".formatted(i), "sex", "UNKNOWN");
		}

		JsonNode body = assertRejected("people", people.text(), 2, "sex", "is not a sex");
		assertThat(body.get("errors")).hasSize(1000);
		assertThat(body.get("error_count").asLong()).isEqualTo(1500);
	}

	@Test
	void readsAByteOrderMarkAndWindowsLineEndings() throws Exception {
		String csv = "\uFEFF"
				+ CaseData.csv(Dataset.PEOPLE).row("crn", "Z760001").row("crn", "Z760002").text().replace("\n", "\r\n");

		JsonNode body = ok(post("people", csv.getBytes(StandardCharsets.UTF_8)));

		assertThat(body.get("inserted").asInt()).isEqualTo(2);
	}

	@Test
	void unknownDatasetIsNotFound() throws Exception {
		HttpResponse<String> response = post("offenders", "crn\nZ700001\n");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json.readTree(response.body()).get("message").asString()).contains("no dataset called offenders");
	}

	@Test
	void importingNeedsAnAccount() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/v1/imports/people"))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(CaseData.csv(Dataset.PEOPLE).row("crn", "Z770001").text()))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void practitionersMayNotImport() throws Exception {
		this.accounts.createOrReset("z7-practitioner", "Z7 Practitioner", Role.PRACTITIONER, null, null,
				"z7-practitioner-password");
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/v1/imports/people"))
			.header("Authorization", basic("z7-practitioner", "z7-practitioner-password"))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(CaseData.csv(Dataset.PEOPLE).row("crn", "Z770002").text()))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from person where crn = 'Z770002'").query(Long.class).single())
			.isZero();
	}

	@Test
	void historyListsAppliedAndRejectedImportsNewestFirst() throws Exception {
		ok(post("people", CaseData.csv(Dataset.PEOPLE).row("crn", "Z780001").text()));
		post("people", CaseData.csv(Dataset.PEOPLE).row("crn", "Z780002", "sex", "?").text());

		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri("/api/v1/imports?size=2")).header("Authorization", admin()).GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode imports = json.readTree(response.body()).get("imports");
		assertThat(imports.get(0).get("outcome").asString()).isEqualTo("REJECTED");
		assertThat(imports.get(0).get("error_count").asLong()).isEqualTo(1);
		assertThat(imports.get(0).get("username").asString()).isEqualTo("admin");
		assertThat(imports.get(1).get("outcome").asString()).isEqualTo("APPLIED");
		assertThat(imports.get(1).get("inserted").asInt()).isEqualTo(1);
		assertThat(imports.get(1).get("dataset").asString()).isEqualTo("people");
	}

	private JsonNode assertRejected(String dataset, String csv, long row, String column, String message)
			throws Exception {
		return assertRejected(dataset, csv.getBytes(StandardCharsets.UTF_8), row, column, message);
	}

	private JsonNode assertRejected(String dataset, byte[] csv, long row, String column, String message)
			throws Exception {
		String before = fingerprint();
		HttpResponse<String> response = post(dataset, csv);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("dataset").asString()).isEqualTo(dataset);
		assertThat(body.get("error_count").asLong()).isPositive();
		JsonNode first = body.get("errors").get(0);
		assertThat(first.get("row").asLong()).as(response.body()).isEqualTo(row);
		if (column == null) {
			assertThat(first.get("column").isNull()).as(response.body()).isTrue();
		}
		else {
			assertThat(first.get("column").asString()).as(response.body()).isEqualTo(column);
		}
		assertThat(first.get("message").asString()).as(response.body()).containsIgnoringCase(message);
		assertThat(fingerprint()).as("case data after a rejected import").isEqualTo(before);
		return body;
	}

	private String fingerprint() {
		StringBuilder all = new StringBuilder();
		for (String table : CASE_TABLES) {
			all.append(this.jdbc
				.sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
						+ table + " t")
				.query(String.class)
				.single()).append(' ');
		}
		return all.toString();
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private HttpResponse<String> post(String dataset, String csv) throws Exception {
		return post(dataset, csv.getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String dataset, byte[] csv) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/api/v1/imports/" + dataset))
			.header("Authorization", admin())
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofByteArray(csv))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String admin() {
		return basic("admin", "test-admin-password");
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
