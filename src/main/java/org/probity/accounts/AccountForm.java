package org.probity.accounts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * A new account as typed on the account administration page, with the rules it must meet.
 * The links decide data scope, so a practitioner needs a staff code and a manager a unit.
 */
record AccountForm(String username, String displayName, String role, String staffCode, String unitCode, String email,
		String password) {

	static final int MIN_PASSWORD = 12;

	/**
	 * One address, as GOV.UK services check it: something before and after a single @, a
	 * dot in the domain, no spaces.
	 */
	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");

	AccountForm {
		username = trim(username).toLowerCase(Locale.UK);
		displayName = trim(displayName);
		role = trim(role);
		staffCode = trim(staffCode).toUpperCase(Locale.UK);
		unitCode = trim(unitCode).toUpperCase(Locale.UK);
		email = trim(email);
		password = (password == null) ? "" : password;
	}

	static AccountForm empty() {
		return new AccountForm("", "", "", "", "", "", "");
	}

	/**
	 * Error messages by field, in the order of the form; empty when the form is valid.
	 */
	Map<String, String> errors(boolean usernameTaken) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.username.isEmpty()) {
			errors.put("username", "Enter a username");
		}
		else if (!USERNAME.matcher(this.username).matches()) {
			errors.put("username",
					"Username must be 3 to 50 characters: lower-case letters, numbers, dots, hyphens and underscores");
		}
		else if (usernameTaken) {
			errors.put("username", "An account with this username already exists");
		}
		errors.putAll(detailErrors());
		errors.putAll(passwordErrors(this.username, this.password));
		return errors;
	}

	/**
	 * Errors of the details an administrator may change on an existing account (name,
	 * role, links, email address), by field.
	 */
	Map<String, String> detailErrors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.displayName.isEmpty()) {
			errors.put("displayName", "Enter the person's name");
		}
		else if (this.displayName.length() > 100) {
			errors.put("displayName", "Name must be 100 characters or fewer");
		}
		Role chosen = chosenRole();
		if (chosen == null) {
			errors.put("role", "Select a role");
		}
		if (!this.staffCode.isEmpty() && !valid(() -> new StaffCode(this.staffCode))) {
			errors.put("staffCode", "Staff code must be 7 characters, like N54A001");
		}
		else if (this.staffCode.isEmpty() && chosen == Role.PRACTITIONER) {
			errors.put("staffCode", "Enter the staff code of a practitioner: it decides which cases they see");
		}
		if (!this.unitCode.isEmpty() && !valid(() -> new UnitCode(this.unitCode))) {
			errors.put("unitCode", "Unit code must be 1 to 12 characters, like N54LDU1");
		}
		else if (this.unitCode.isEmpty() && (chosen == Role.LINE_MANAGER || chosen == Role.SENIOR_MANAGER)) {
			errors.put("unitCode", "Enter the unit of a manager: it decides which cases they see");
		}
		if (!this.email.isEmpty() && (this.email.length() > 254 || !EMAIL.matcher(this.email).matches())) {
			errors.put("email", "Enter an email address in the correct format, like name@example.com");
		}
		return errors;
	}

	/** Errors of a password chosen for this username: at most one, keyed "password". */
	static Map<String, String> passwordErrors(String username, String password) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (password.length() < MIN_PASSWORD) {
			errors.put("password", "Password must be at least " + MIN_PASSWORD + " characters");
		}
		else if (password.length() > 128) {
			errors.put("password", "Password must be 128 characters or fewer");
		}
		else if (!username.isEmpty() && password.toLowerCase(Locale.UK).contains(username)) {
			errors.put("password", "Password must not contain the username");
		}
		return errors;
	}

	Role chosenRole() {
		try {
			return Role.valueOf(this.role);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	String staffCodeOrNull() {
		return this.staffCode.isEmpty() ? null : this.staffCode;
	}

	String unitCodeOrNull() {
		return this.unitCode.isEmpty() ? null : this.unitCode;
	}

	/** The staff code, once {@link #errors} found none (null when left empty). */
	StaffCode staff() {
		return this.staffCode.isEmpty() ? null : new StaffCode(this.staffCode);
	}

	/** The unit code, once {@link #errors} found none (null when left empty). */
	UnitCode unit() {
		return this.unitCode.isEmpty() ? null : new UnitCode(this.unitCode);
	}

	String emailOrNull() {
		return this.email.isEmpty() ? null : this.email;
	}

	private static String trim(String value) {
		return (value == null) ? "" : value.strip();
	}

	private static boolean valid(Runnable check) {
		try {
			check.run();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
