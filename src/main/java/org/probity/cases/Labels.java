package org.probity.cases;

import java.time.LocalDate;
import java.util.Locale;

import org.probity.shared.Dates;

import org.springframework.stereotype.Component;

/**
 * Words for the case pages, used from templates as {@code @caseLabels}: exchange-format
 * codes ({@code POST_SENTENCE_SUPERVISION} reads "Post sentence supervision"), flags and
 * dates as GOV.UK writes them.
 */
@Component("caseLabels")
class Labels {

	static String of(String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		String words = code.replace('_', ' ').toLowerCase(Locale.UK);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	public String label(String code) {
		return of(code);
	}

	/** An optional Y/N flag: empty means not recorded. */
	public String flag(Boolean value) {
		return (value == null) ? "Not recorded" : (value ? "Yes" : "No");
	}

	public String date(LocalDate date) {
		return Dates.format(date);
	}

}
