package org.probity.cases;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaginationTests {

	@Test
	void showsFirstLastAndNeighboursWithGapsBetween() {
		assertThat(CasePages.pageNumbers(5, 10)).isEqualTo(Arrays.asList(1, null, 4, 5, 6, null, 10));
		assertThat(CasePages.pageNumbers(1, 3)).containsExactly(1, 2, 3);
		assertThat(CasePages.pageNumbers(1, 1)).containsExactly(1);
		assertThat(CasePages.pageNumbers(10, 10)).isEqualTo(Arrays.asList(1, null, 9, 10));
	}

	@Test
	void sortOrdersPutRestrictedRowsLastAndBreakTiesByCrn() {
		assertThat(CaseSearches.Sort.NAME.orderBy(false))
			.startsWith("case when c.may_open then lower(c.surname) end asc nulls last")
			.endsWith("c.crn asc");
		assertThat(CaseSearches.Sort.fromParameter("nonsense")).isEqualTo(CaseSearches.Sort.CRN);
		assertThat(CaseSearches.Sort.fromParameter("latest_event")).isEqualTo(CaseSearches.Sort.LATEST_EVENT);
	}

}
