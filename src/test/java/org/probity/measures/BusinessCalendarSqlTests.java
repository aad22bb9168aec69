package org.probity.measures;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.probity.IntegrationTest;
import org.probity.shared.BusinessCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measures compute BD(d, n) in SQL by joining business_calendar on seq; it must agree
 * with the Java calendar on every day the bank holiday list covers.
 */
@IntegrationTest
class BusinessCalendarSqlTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void sqlJoinOnSeqAgreesWithJavaForEveryDayAndEveryWindowTheMeasuresUse() {
		BusinessCalendar calendar = BusinessCalendar.englandAndWales();
		for (int n : new int[] { 1, 5, 7, 8, 10, 15 }) {
			var rows = this.jdbc.sql("""
					select c.day, due.day as due from business_calendar c
					join business_calendar due on due.business_day and due.seq = c.seq + :n
					where c.day between date '2014-01-01' and date '2030-12-01' order by c.day
					""")
				.param("n", n)
				.query((rs,
						i) -> new LocalDate[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class) })
				.list();
			assertThat(rows).hasSize((int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2014, 1, 1),
					LocalDate.of(2030, 12, 2)));
			for (LocalDate[] row : rows) {
				assertThat(row[1]).as("BD(%s, %d)", row[0], n).isEqualTo(calendar.businessDayAfter(row[0], n));
			}
		}
	}

}
