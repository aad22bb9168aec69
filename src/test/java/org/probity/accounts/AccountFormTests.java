package org.probity.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFormTests {

	private static AccountForm form(String username, String role, String staff, String unit, String password) {
		return new AccountForm(username, "A Person", role, staff, unit, "", password);
	}

	@Test
	void acceptsAQualityTeamMemberWithoutLinks() {
		assertThat(form("quality.one", "QUALITY_TEAM", "", "", "correct-horse-battery").errors(false)).isEmpty();
	}

	@Test
	void tidiesCodesAndUsername() {
		AccountForm form = form("  Pat.Officer ", "PRACTITIONER", " n54a001 ", "", "correct-horse-battery");

		assertThat(form.username()).isEqualTo("pat.officer");
		assertThat(form.staffCodeOrNull()).isEqualTo("N54A001");
		assertThat(form.unitCodeOrNull()).isNull();
		assertThat(form.errors(false)).isEmpty();
	}

	@Test
	void practitionerNeedsAStaffCodeAndManagersAUnit() {
		assertThat(form("pat", "PRACTITIONER", "", "", "correct-horse-battery").errors(false))
			.containsOnlyKeys("staffCode");
		assertThat(form("lee", "LINE_MANAGER", "", "", "correct-horse-battery").errors(false))
			.containsOnlyKeys("unitCode");
		assertThat(form("ash", "SENIOR_MANAGER", "", "", "correct-horse-battery").errors(false))
			.containsOnlyKeys("unitCode");
	}

	@Test
	void refusesMalformedValuesWithAMessageForEachField() {
		var errors = new AccountForm("", "", "CHIEF", "N54", "N54LDU1234567", "", "short").errors(false);

		assertThat(errors).containsKeys("username", "displayName", "role", "staffCode", "unitCode", "password");
		assertThat(errors.keySet()).containsExactly("username", "displayName", "role", "staffCode", "unitCode",
				"password");
	}

	@Test
	void refusesATakenUsernameAndAPasswordContainingTheUsername() {
		assertThat(form("taken", "ADMIN", "", "", "correct-horse-battery").errors(true)).containsOnlyKeys("username");
		assertThat(form("horse", "ADMIN", "", "", "correct-horse-battery").errors(false)).containsOnlyKeys("password");
	}

	@Test
	void usernameIsThreeToFiftySafeCharacters() {
		assertThat(form("ab", "ADMIN", "", "", "correct-horse-battery").errors(false)).containsKey("username");
		assertThat(form("a b c", "ADMIN", "", "", "correct-horse-battery").errors(false)).containsKey("username");
		assertThat(form("a".repeat(51), "ADMIN", "", "", "correct-horse-battery").errors(false))
			.containsKey("username");
	}

	@Test
	void anEmailAddressIsOptionalButMustLookLikeOne() {
		AccountForm none = new AccountForm("lm.one", "A Person", "LINE_MANAGER", "", "N54T1", "  ",
				"correct-horse-battery");
		assertThat(none.errors(false)).isEmpty();
		assertThat(none.emailOrNull()).isNull();
		AccountForm good = new AccountForm("lm.one", "A Person", "LINE_MANAGER", "", "N54T1",
				" pat.manager@probation.example.gov.uk ", "correct-horse-battery");
		assertThat(good.errors(false)).isEmpty();
		assertThat(good.emailOrNull()).isEqualTo("pat.manager@probation.example.gov.uk");
		for (String bad : new String[] { "pat", "pat@", "@example.com", "pat@example", "pat manager@example.com",
				"pat@@example.com" }) {
			assertThat(new AccountForm("lm.one", "A Person", "LINE_MANAGER", "", "N54T1", bad, "correct-horse-battery")
				.errors(false))
				.containsEntry("email", "Enter an email address in the correct format, like name@example.com");
		}
	}

}
