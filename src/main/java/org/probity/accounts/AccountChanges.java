package org.probity.accounts;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.probity.shared.Clocks;
import org.probity.shared.web.Format;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's changes to an existing account: its details, disabling and enabling
 * it, unlocking it (clearing its sign-in throttle) and resetting its password. Each
 * change is made against the version of the account the administrator saw (refused when
 * it changed since), never leaves the service without an active administrator, and is
 * recorded field by field in {@code account_change}.
 */
@Service
class AccountChanges {

	/** Letters and digits that are not mistaken for one another when read out. */
	private static final String GENERATED_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What an administrator asks for. */
	enum Action {

		DETAILS, DISABLED, ENABLED, UNLOCKED, PASSWORD_RESET

	}

	/**
	 * A change as the administrator asked for it, against {@code version}: the new
	 * details for DETAILS; for PASSWORD_RESET the temporary password, or empty to have
	 * one generated.
	 */
	record Proposal(Action action, int version, AccountForm details, String password) {

		Proposal {
			password = (password == null) ? "" : password;
		}

	}

	/** One field the change alters, as the check page and the history show it. */
	record FieldChange(String field, String from, String to) {
	}

	/** An account as its administration page shows it. */
	record AdministeredAccount(String username, String displayName, Role role, String staffCode, String unitCode,
			String email, boolean enabled, String signsInWith, String provider, int version, Instant lastSignIn,
			int blockedSources, int failingSources) {

		public boolean locked() {
			return this.blockedSources > 0;
		}

		public boolean hasPassword() {
			return "PASSWORD".equals(this.signsInWith);
		}

		public String status() {
			return !this.enabled ? "Disabled" : locked() ? "Locked" : "Active";
		}

		public String lastSignInText() {
			return (this.lastSignIn != null) ? when(this.lastSignIn) : "Never";
		}

	}

	/** An entry of an account's history. */
	record Change(Instant changedAt, String changedBy, Action change, String field, String oldValue, String newValue) {

		public String when() {
			return AccountChanges.when(this.changedAt);
		}

	}

	/** A page of the accounts list. */
	record AccountPage(List<AdministeredAccount> accounts, int total, int page, int pages) {
	}

	/** The change was refused: the account changed since it was opened (409). */
	static final class AccountChanged extends RuntimeException {

		AccountChanged(String message) {
			super(message);
		}

	}

	/** The change breaks a rule (422), with the message to show. */
	static final class ChangeRefused extends RuntimeException {

		ChangeRefused(String message) {
			super(message);
		}

	}

	/** The columns the accounts list sorts by, and the SQL each sorts on. */
	static final Map<String, String> SORTS = Map.of("name", "lower(a.display_name)", "username", "a.username", "role",
			"a.role", "status", "a.enabled", "signedIn", "last_sign_in");

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	AccountChanges(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	private static final String SELECT = """
			select a.username, a.display_name, a.role, a.staff_code, a.unit_code, a.email, a.enabled, a.signs_in_with,
			       a.provider, a.version,
			       (select max(s.signed_in_at) from sign_in s where s.username = a.username) as last_sign_in,
			       (select count(*) from sign_in_throttle t where t.username = a.username and t.blocked_until > :now)
			         as blocked_sources,
			       (select count(*) from sign_in_throttle t where t.username = a.username) as failing_sources
			from account a
			""";

	@Transactional(readOnly = true)
	AccountPage page(String sort, boolean descending, int page, int size) {
		int total = this.jdbc.sql("select count(*) from account").query(Integer.class).single();
		int pages = Math.max(1, (total + size - 1) / size);
		int current = Math.min(Math.max(page, 1), pages);
		String order = SORTS.getOrDefault(sort, SORTS.get("name")) + (descending ? " desc" : " asc")
				+ " nulls last, a.username";
		List<AdministeredAccount> accounts = this.jdbc
			.sql(SELECT + " order by " + order + " limit :size offset :offset")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("size", size)
			.param("offset", (current - 1) * size)
			.query(AccountChanges::account)
			.list();
		return new AccountPage(accounts, total, current, pages);
	}

	@Transactional(readOnly = true)
	Optional<AdministeredAccount> find(String username) {
		return this.jdbc.sql(SELECT + " where a.username = :username")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("username", username)
			.query(AccountChanges::account)
			.optional();
	}

	@Transactional(readOnly = true)
	List<Change> history(String username) {
		return this.jdbc.sql("""
				select changed_at, changed_by, change, field, old_value, new_value from account_change
				where username = :username order by changed_at desc, id desc
				""").param("username", username).query(Change.class).list();
	}

	/**
	 * What the change would alter, checked as {@link #apply} checks it but changing
	 * nothing: for the check page.
	 * @throws AccountChanged when the account changed since the version proposed
	 * @throws ChangeRefused when the change breaks a rule
	 */
	@Transactional(readOnly = true)
	List<FieldChange> preview(String username, Proposal proposal) {
		return check(current(username), proposal);
	}

	/**
	 * Makes the change and records it.
	 * @return the password set, when one was generated (shown once); empty otherwise
	 * @throws AccountChanged when the account changed since the version proposed
	 * @throws ChangeRefused when the change breaks a rule
	 */
	@Transactional
	Optional<String> apply(String username, Proposal proposal, String by) {
		// the account and every active administrator, locked in one order: two
		// administrators disabling each other at once cannot both succeed, nor deadlock
		this.jdbc.sql("""
				select username from account where username = :username or (role = 'ADMIN' and enabled)
				order by username for update
				""").param("username", username).query(String.class).list();
		AdministeredAccount account = current(username);
		List<FieldChange> changes = check(account, proposal);
		Instant now = this.clock.instant();
		Optional<String> generated = Optional.empty();
		switch (proposal.action()) {
			case DETAILS -> {
				AccountForm d = proposal.details();
				this.jdbc.sql("""
						update account set display_name = :name, email = :email, role = :role, staff_code = :staff,
						    unit_code = :unit
						where username = :username
						""")
					.param("name", d.displayName())
					.param("email", d.emailOrNull())
					.param("role", d.chosenRole().name())
					.param("staff", d.staffCodeOrNull())
					.param("unit", d.unitCodeOrNull())
					.param("username", username)
					.update();
				if (!Objects.equals(account.role(), d.chosenRole())) {
					signOut(username);
				}
			}
			case DISABLED -> {
				this.jdbc.sql("update account set enabled = false where username = :username")
					.param("username", username)
					.update();
				signOut(username);
			}
			case ENABLED -> this.jdbc.sql("update account set enabled = true where username = :username")
				.param("username", username)
				.update();
			case UNLOCKED -> {
				this.jdbc.sql("delete from sign_in_throttle where username = :username")
					.param("username", username)
					.update();
				this.jdbc.sql("update account set failed_attempts = 0, locked_until = null where username = :username")
					.param("username", username)
					.update();
			}
			case PASSWORD_RESET -> {
				String password = proposal.password().isEmpty() ? generate() : proposal.password();
				if (proposal.password().isEmpty()) {
					generated = Optional.of(password);
				}
				this.jdbc.sql(
						"update account set password_hash = :hash, must_change_password = true where username = :username")
					.param("hash", this.passwords.encode(password))
					.param("username", username)
					.update();
				signOut(username);
			}
		}
		this.jdbc.sql("update account set version = version + 1 where username = :username")
			.param("username", username)
			.update();
		for (FieldChange change : changes) {
			this.jdbc.sql("""
					insert into account_change (username, changed_at, changed_by, change, field, old_value, new_value)
					values (:username, :at, :by, :change, :field, :from, :to)
					""")
				.param("username", username)
				.param("at", Timestamp.from(now))
				.param("by", by)
				.param("change", proposal.action().name())
				.param("field", change.field())
				.param("from", change.from())
				.param("to", change.to())
				.update();
		}
		return generated;
	}

	private AdministeredAccount current(String username) {
		return find(username).orElseThrow(() -> new ChangeRefused("There is no account " + username));
	}

	private List<FieldChange> check(AdministeredAccount account, Proposal proposal) {
		if (account.version() != proposal.version()) {
			throw new AccountChanged(changedSince(account.username()));
		}
		List<FieldChange> changes = new ArrayList<>();
		switch (proposal.action()) {
			case DETAILS -> {
				AccountForm d = proposal.details();
				Map<String, String> errors = d.detailErrors();
				if (!errors.isEmpty()) {
					throw new ChangeRefused(String.join(". ", errors.values()));
				}
				add(changes, "Name", account.displayName(), d.displayName());
				add(changes, "Email address", orNone(account.email()), orNone(d.emailOrNull()));
				add(changes, "Role", account.role().displayName(), d.chosenRole().displayName());
				add(changes, "Staff code", orNone(account.staffCode()), orNone(d.staffCodeOrNull()));
				add(changes, "Unit", orNone(account.unitCode()), orNone(d.unitCodeOrNull()));
				if (changes.isEmpty()) {
					throw new ChangeRefused("You have not changed any of the account's details");
				}
				if (account.role() == Role.ADMIN && d.chosenRole() != Role.ADMIN) {
					checkNotLastAdministrator(account, "take the administrator role from");
				}
			}
			case DISABLED -> {
				if (!account.enabled()) {
					throw new ChangeRefused("This account is already disabled");
				}
				if (account.role() == Role.ADMIN) {
					checkNotLastAdministrator(account, "disable");
				}
				changes.add(new FieldChange("Status", account.status(), "Disabled"));
			}
			case ENABLED -> {
				if (account.enabled()) {
					throw new ChangeRefused("This account is already enabled");
				}
				changes.add(new FieldChange("Status", "Disabled", "Active"));
			}
			case UNLOCKED -> {
				if (account.failingSources() == 0) {
					throw new ChangeRefused("This account has no failed sign-ins to clear");
				}
				changes.add(new FieldChange("Sign-in blocks", blocks(account), "None"));
			}
			case PASSWORD_RESET -> {
				if (!account.hasPassword()) {
					throw new ChangeRefused("This account signs in through " + account.provider()
							+ " and has no password in Probity to reset");
				}
				if (!proposal.password().isEmpty()) {
					Map<String, String> errors = AccountForm.passwordErrors(account.username(), proposal.password());
					if (!errors.isEmpty()) {
						throw new ChangeRefused(errors.get("password"));
					}
				}
				changes.add(new FieldChange("Password", "Unchanged",
						proposal.password().isEmpty() ? "A generated temporary password, shown once"
								: "A temporary password the administrator chose"));
			}
		}
		return changes;
	}

	/** An administrator's change never leaves Probity without an active administrator. */
	private void checkNotLastAdministrator(AdministeredAccount account, String doing) {
		int others = this.jdbc
			.sql("select count(*) from account where role = 'ADMIN' and enabled and username <> :username")
			.param("username", account.username())
			.query(Integer.class)
			.single();
		if (account.enabled() && others == 0) {
			throw new ChangeRefused("You cannot " + doing + " " + account.username()
					+ ": it is the last active administrator account. Give another account the administrator role"
					+ " first.");
		}
	}

	private String changedSince(String username) {
		return this.jdbc.sql("""
				select changed_by, changed_at from account_change where username = :username
				order by changed_at desc, id desc limit 1
				""")
			.param("username", username)
			.query((rs, n) -> "This account was changed by " + rs.getString(1) + " at "
					+ LocalDateTime.ofInstant(rs.getTimestamp(2).toInstant(), Clocks.LONDON)
						.format(DateTimeFormatter.ofPattern("HH:mm"))
					+ " since you opened it. Nothing was saved: look at the account again and make your change"
					+ " again.")
			.optional()
			.orElse("This account was changed since you opened it (at its owner's sign-in or by another"
					+ " administrator). Nothing was saved: look at the account again and make your change again.");
	}

	/**
	 * Ends the account's signed-in sessions, so that a change of role, a disabling or a
	 * new password counts at once.
	 */
	private void signOut(String username) {
		this.jdbc.sql("delete from spring_session where principal_name = :username")
			.param("username", username)
			.update();
	}

	private static String blocks(AdministeredAccount account) {
		return (account.blockedSources() > 0)
				? "Blocked from " + Format.count(account.blockedSources(), "address", "addresses")
				: "Failed sign-ins from " + Format.count(account.failingSources(), "address", "addresses");
	}

	private static void add(List<FieldChange> changes, String field, String from, String to) {
		if (!Objects.equals(from, to)) {
			changes.add(new FieldChange(field, from, to));
		}
	}

	private static String orNone(String value) {
		return (value == null || value.isBlank()) ? "None" : value.strip();
	}

	private static String generate() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(GENERATED_ALPHABET.charAt(RANDOM.nextInt(GENERATED_ALPHABET.length())));
		}
		return password.toString();
	}

	static String when(Instant instant) {
		return Format.dateTime(LocalDateTime.ofInstant(instant, Clocks.LONDON));
	}

	private static AdministeredAccount account(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp last = rs.getTimestamp("last_sign_in");
		String staff = rs.getString("staff_code");
		return new AdministeredAccount(rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), (staff != null) ? staff.trim() : null, rs.getString("unit_code"),
				rs.getString("email"), rs.getBoolean("enabled"), rs.getString("signs_in_with"),
				rs.getString("provider"), rs.getInt("version"), (last != null) ? last.toInstant() : null,
				rs.getInt("blocked_sources"), rs.getInt("failing_sources"));
	}

}
