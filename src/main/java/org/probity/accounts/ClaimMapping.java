package org.probity.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * Turns an identity provider's claims (from an ID token, userinfo or an access token)
 * into the role and links a local account has, so that a user who signs in through the
 * provider, or an API client with a bearer token, gets the same {@link CurrentUser} and
 * {@link DataScope}, and the one visibility rule applies unchanged. A user whose claims
 * give no role, or a role that needs a unit or staff code the claims do not give, is
 * refused rather than let in to see nothing.
 */
final class ClaimMapping {

	/** Usernames longer than this do not fit the session table's principal name. */
	static final int MAX_USERNAME = 100;

	private final SingleSignOnSettings.Claims claims;

	private final Map<String, Role> roles;

	private final Map<String, String> units;

	ClaimMapping(SingleSignOnSettings.Claims claims) {
		this.claims = claims;
		this.roles = pairs(claims.roleMapping(), "PROBITY_SSO_ROLE_MAPPING", (value) -> {
			try {
				return Role.valueOf(value);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("PROBITY_SSO_ROLE_MAPPING maps to '" + value
						+ "', which is not a Probity role (" + java.util.Arrays.toString(Role.values()) + ")");
			}
		});
		this.units = pairs(claims.unitMapping(), "PROBITY_SSO_UNIT_MAPPING", (value) -> {
			if (!UnitCode.isValid(value)) {
				throw new IllegalStateException("PROBITY_SSO_UNIT_MAPPING maps to '" + value + "', not a unit code");
			}
			return value;
		});
	}

	/** What the claims give: a user, or why they are refused. */
	sealed interface Outcome {

	}

	record Mapped(String username, String displayName, String email, Role role, String unitCode,
			String staffCode) implements Outcome {

	}

	record Refused(Refusal reason) implements Outcome {

	}

	/** Why a sign-in is refused; the code is what the refusal page is given. */
	enum Refusal {

		NO_USERNAME("no-username"), NO_ROLE("no-role"), NO_UNIT("no-unit"), NO_STAFF("no-staff"), BAD_CODE("bad-code"),
		PASSWORD_ACCOUNT("password-account"), DISABLED("disabled"), PROVIDER("provider"), UNAVAILABLE("unavailable");

		private final String code;

		Refusal(String code) {
			this.code = code;
		}

		String code() {
			return this.code;
		}

		static Optional<Refusal> ofCode(String code) {
			for (Refusal refusal : values()) {
				if (refusal.code.equals(code)) {
					return Optional.of(refusal);
				}
			}
			return Optional.empty();
		}

	}

	boolean mapsAnyRole() {
		return !this.roles.isEmpty();
	}

	Outcome map(Map<String, Object> claims) {
		String username = this.claims.usernameClaims()
			.stream()
			.map((name) -> text(claims.get(name)))
			.filter((value) -> value != null)
			.findFirst()
			.orElse(null);
		if (username == null || username.length() > MAX_USERNAME || hasControl(username)) {
			return new Refused(Refusal.NO_USERNAME);
		}
		List<String> values = new ArrayList<>();
		for (String claim : this.claims.roleClaims()) {
			values.addAll(values(claims.get(claim)));
		}
		Role role = values.stream().map(this.roles::get).filter((r) -> r != null).min(Enum::compareTo).orElse(null);
		if (role == null) {
			return new Refused(Refusal.NO_ROLE);
		}
		String unit = text(claims.get(this.claims.unitClaim()));
		if (unit == null) {
			unit = values.stream().map(this.units::get).filter((u) -> u != null).findFirst().orElse(null);
		}
		String staff = text(claims.get(this.claims.staffClaim()));
		if ((unit != null && !valid(unit, true)) || (staff != null && !valid(staff, false))) {
			return new Refused(Refusal.BAD_CODE);
		}
		if ((role == Role.SENIOR_MANAGER || role == Role.LINE_MANAGER) && unit == null) {
			return new Refused(Refusal.NO_UNIT);
		}
		if (role == Role.PRACTITIONER && staff == null) {
			return new Refused(Refusal.NO_STAFF);
		}
		String name = text(claims.get(this.claims.nameClaim()));
		String email = text(claims.get(this.claims.emailClaim()));
		return new Mapped(username, (name != null && !hasControl(name)) ? name : username,
				(email != null && !hasControl(email)) ? email : null, role, unit, staff);
	}

	private static boolean valid(String code, boolean unit) {
		try {
			if (unit) {
				new UnitCode(code);
			}
			else {
				new StaffCode(code);
			}
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** A claim's single text value, trimmed; null when absent, blank or not text. */
	private static String text(Object value) {
		if (value instanceof String s && !s.isBlank()) {
			return s.trim();
		}
		return null;
	}

	/** A claim's values: a list's elements, or the words of a text. */
	private static List<String> values(Object value) {
		if (value instanceof Collection<?> collection) {
			return collection.stream().filter((v) -> v != null).map((v) -> v.toString().trim()).toList();
		}
		if (value instanceof String s) {
			return SingleSignOnSettings.words(s);
		}
		return List.of();
	}

	private static boolean hasControl(String value) {
		return value.chars().anyMatch((c) -> c < 0x20 || c == 0x7f);
	}

	private static <T> Map<String, T> pairs(String setting, String variable,
			java.util.function.Function<String, T> parse) {
		Map<String, T> pairs = new LinkedHashMap<>();
		if (setting == null || setting.isBlank()) {
			return pairs;
		}
		for (String pair : setting.split(",")) {
			if (pair.isBlank()) {
				continue;
			}
			int equals = pair.lastIndexOf('=');
			if (equals <= 0 || equals == pair.length() - 1) {
				throw new IllegalStateException(variable + " is a comma separated list of claim-value=VALUE pairs; '"
						+ pair.trim() + "' is not");
			}
			pairs.put(pair.substring(0, equals).trim(), parse.apply(pair.substring(equals + 1).trim()));
		}
		return pairs;
	}

}
