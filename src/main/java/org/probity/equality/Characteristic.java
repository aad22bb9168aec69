package org.probity.equality;

import java.util.List;

/**
 * The protected characteristics of equality.md and their groups, in the order of its
 * table: that order breaks ties in secondary suppression, and tables follow it.
 */
public enum Characteristic {

	AGE("Age", List.of("18_24", "25_34", "35_44", "45_54", "55_64", "65_PLUS", "UNDER_18")),

	SEX("Sex", List.of("MALE", "FEMALE", "NOT_RECORDED")),

	GENDER_REASSIGNMENT("Gender reassignment", List.of("SAME_AS_BIRTH", "DIFFERENT_FROM_BIRTH", "NOT_RECORDED")),

	ETHNICITY("Ethnicity", List.of("ASIAN", "BLACK", "MIXED", "WHITE", "OTHER", "NOT_RECORDED")),

	RELIGION("Religion or belief",
			List.of("NONE", "CHRISTIAN", "MUSLIM", "HINDU", "SIKH", "JEWISH", "BUDDHIST", "OTHER", "NOT_RECORDED")),

	SEXUAL_ORIENTATION("Sexual orientation",
			List.of("HETEROSEXUAL", "GAY_OR_LESBIAN", "BISEXUAL", "OTHER", "NOT_RECORDED")),

	DISABILITY("Disability", List.of("DISABLED", "NOT_DISABLED", "NOT_RECORDED")),

	MARITAL_STATUS("Marriage and civil partnership", List.of("SINGLE", "MARRIED_OR_CIVIL_PARTNERSHIP",
			"SEPARATED_DIVORCED_OR_DISSOLVED", "WIDOWED", "NOT_RECORDED"));

	/** The group of people whose value was not recorded: in no comparison. */
	public static final String NOT_RECORDED = "NOT_RECORDED";

	private final String label;

	private final List<String> groups;

	Characteristic(String label, List<String> groups) {
		this.label = label;
		this.groups = groups;
	}

	public String label() {
		return this.label;
	}

	public List<String> groups() {
		return this.groups;
	}

	/** How a page names a group: "18 to 24", "Gay or lesbian", "Not recorded". */
	public static String groupLabel(String group) {
		return switch (group) {
			case "18_24" -> "18 to 24";
			case "25_34" -> "25 to 34";
			case "35_44" -> "35 to 44";
			case "45_54" -> "45 to 54";
			case "55_64" -> "55 to 64";
			case "65_PLUS" -> "65 and over";
			case "UNDER_18" -> "Under 18";
			case "SAME_AS_BIRTH" -> "Same as at birth";
			case "DIFFERENT_FROM_BIRTH" -> "Different from at birth";
			case "NONE" -> "No religion";
			case "MARRIED_OR_CIVIL_PARTNERSHIP" -> "Married or in a civil partnership";
			case "SEPARATED_DIVORCED_OR_DISSOLVED" -> "Separated, divorced or dissolved";
			default -> {
				String words = group.replace('_', ' ').toLowerCase(java.util.Locale.UK);
				yield Character.toUpperCase(words.charAt(0)) + words.substring(1);
			}
		};
	}

}
