package org.probity.shared;

import org.junit.jupiter.api.Test;
import org.probity.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * PostgreSQL's error details quote the values of a failing row; with them, a refused
 * write of a person would put their name and date of birth into every log line that
 * prints the exception. The driver is told to leave them out.
 */
@IntegrationTest
class PersonalDataInLogsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedRowsValuesStayOutOfTheExceptionAndSoOutOfTheLogs() {
		Throwable refused = catchThrowable(() -> this.jdbc.sql("""
				insert into person (crn, forename, surname, date_of_birth, sex, ethnicity, religion, sexual_orientation,
				    marital_status, restricted)
				values (:crn, :forename, :surname, :born, 'NOT_A_SEX', 'WHITE', 'NONE', 'NOT_RECORDED', 'SINGLE', false)
				""")
			.param("crn", "Q920001")
			.param("forename", "Zebedee")
			.param("surname", "Quillfeather")
			.param("born", java.time.LocalDate.of(1990, 4, 2))
			.update());

		assertThat(refused).isNotNull();
		StringBuilder messages = new StringBuilder();
		for (Throwable t = refused; t != null; t = t.getCause()) {
			messages.append(t).append('\n');
		}
		assertThat(messages.toString()).contains("person_sex_check")
			.doesNotContain("Failing row")
			.doesNotContain("Quillfeather")
			.doesNotContain("Zebedee")
			.doesNotContain("1990-04-02");
	}

}
