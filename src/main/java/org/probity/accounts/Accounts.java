package org.probity.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts that may sign in to Probity. */
@Service
public class Accounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	public record Account(String username, String displayName, String passwordHash, Role role, String staffCode,
			String unitCode, boolean enabled, int failedAttempts, Instant lockedUntil, String email) {
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(String username) {
		return this.jdbc
			.sql("""
					select username, display_name, password_hash, role, staff_code, unit_code, enabled, failed_attempts, locked_until,
					       email
					from account where username = :username
					""")
			.param("username", username)
			.query(Account.class)
			.optional();
	}

	/**
	 * The user an account acts as, with its role and links, whether or not it is signed
	 * in: lets other modules ask what that account may see (for instance, whether an
	 * auditor may open a restricted case before the case is assigned to them).
	 */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> userFor(String username) {
		return find(username).filter(Account::enabled).map(this::userOf);
	}

	/**
	 * The user a local account signs in as with its password (the form, HTTP Basic):
	 * never an account made for a user of an identity provider, which has no password.
	 */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> passwordUserFor(String username) {
		boolean password = this.jdbc
			.sql("select signs_in_with = 'PASSWORD' from account where username = :username and enabled")
			.param("username", username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
		return password ? userFor(username) : Optional.empty();
	}

	/** What became of a sign-in through an identity provider. */
	enum ProviderAccount {

		/** Created or brought up to date from the claims. */
		READY,
		/** An administrator disabled it. */
		DISABLED,
		/** A local account with a password has this username: it is not taken over. */
		PASSWORD_ACCOUNT

	}

	/**
	 * Creates or brings up to date the account of a user who signed in through an
	 * identity provider, from their claims (role, links, name; an email address only when
	 * the claims give one), so that other modules find them among the accounts. It has no
	 * password: {@code password_hash} holds a value no password encoder matches, and
	 * {@link #passwordUserFor} never returns it.
	 */
	@Transactional
	ProviderAccount recordProviderAccount(String provider, ClaimMapping.Mapped user) {
		return this.jdbc.sql("""
				insert into account (username, display_name, password_hash, role, staff_code, unit_code, email,
				    signs_in_with, provider)
				values (:username, :displayName, '{none}no-password', :role, :staffCode, :unitCode, :email,
				    'PROVIDER', :provider)
				on conflict (username) do update set display_name = excluded.display_name, role = excluded.role,
				    staff_code = excluded.staff_code, unit_code = excluded.unit_code,
				    email = coalesce(excluded.email, account.email), provider = excluded.provider,
				    version = account.version + 1
				where account.signs_in_with = 'PROVIDER'
				returning enabled
				""")
			.param("username", user.username())
			.param("displayName", user.displayName())
			.param("role", user.role().name())
			.param("staffCode", user.staffCode())
			.param("unitCode", user.unitCode())
			.param("email", user.email())
			.param("provider", provider)
			.query(Boolean.class)
			.optional()
			.map((enabled) -> enabled ? ProviderAccount.READY : ProviderAccount.DISABLED)
			.orElse(ProviderAccount.PASSWORD_ACCOUNT);
	}

	/**
	 * Records an interactive sign-in (the form, or an identity provider) in
	 * {@code sign_in}.
	 */
	@Transactional
	void recordSignIn(String username, String provider, String source) {
		this.jdbc.sql("""
				insert into sign_in (username, signed_in_at, method, provider, source)
				values (:username, :at, :method, :provider, :source)
				""")
			.param("username", username)
			.param("at", java.sql.Timestamp.from(this.clock.instant()))
			.param("method", (provider != null) ? "PROVIDER" : "PASSWORD")
			.param("provider", provider)
			.param("source", source)
			.update();
	}

	CurrentUser userOf(Account account) {
		return new CurrentUser(account.username(), account.passwordHash(), !isLocked(account),
				List.of(new SimpleGrantedAuthority(account.role().authority())), account.displayName(), account.role(),
				account.staffCode(), account.unitCode(), account.email());
	}

	/** The email address of an account, when it has one. */
	@Transactional(readOnly = true)
	public Optional<String> emailOf(String username) {
		return find(username).map(Account::email);
	}

	/**
	 * The enabled accounts that have an email address, as the users they act as (with
	 * {@link CurrentUser#email()}): lets other modules choose whom to write to by the
	 * same rules that decide what those users see.
	 */
	@Transactional(readOnly = true)
	public List<CurrentUser> usersWithEmail() {
		return this.jdbc
			.sql("""
					select username, display_name, password_hash, role, staff_code, unit_code, enabled, failed_attempts, locked_until,
					       email
					from account where enabled and email is not null order by username
					""")
			.query(Account.class)
			.stream()
			.map(this::userOf)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		return this.jdbc
			.sql("""
					select username, display_name, password_hash, role, staff_code, unit_code, enabled, failed_attempts, locked_until,
					       email
					from account order by role, username
					""")
			.query(Account.class)
			.list();
	}

	@Transactional(readOnly = true)
	public boolean any() {
		return this.jdbc.sql("select exists (select 1 from account)").query(Boolean.class).single();
	}

	/**
	 * Creates the account, or resets its password, role and links when it exists; an
	 * existing email address is kept.
	 */
	@Transactional
	public void createOrReset(String username, String displayName, Role role, StaffCode staffCode, UnitCode unitCode,
			String rawPassword) {
		save(username, displayName, role, staffCode, unitCode, null, false, rawPassword);
	}

	/**
	 * Creates the account, or resets its password, role, links and email address (null
	 * for none) when it exists.
	 */
	@Transactional
	public void createOrReset(String username, String displayName, Role role, StaffCode staffCode, UnitCode unitCode,
			String email, String rawPassword) {
		save(username, displayName, role, staffCode, unitCode, email, true, rawPassword);
	}

	/**
	 * Creates a new account; false, changing nothing, when the username is taken (by an
	 * administrator at the same moment too): an account is never reset by a create.
	 */
	@Transactional
	public boolean create(String username, String displayName, Role role, StaffCode staffCode, UnitCode unitCode,
			String email, String rawPassword) {
		return this.jdbc.sql("""
				insert into account (username, display_name, password_hash, role, staff_code, unit_code, email)
				values (:username, :displayName, :hash, :role, :staffCode, :unitCode, :email)
				on conflict (username) do nothing
				""")
			.param("username", username)
			.param("displayName", displayName)
			.param("hash", this.passwords.encode(rawPassword))
			.param("role", role.name())
			.param("staffCode", (staffCode != null) ? staffCode.value() : null)
			.param("unitCode", (unitCode != null) ? unitCode.value() : null)
			.param("email", email)
			.update() == 1;
	}

	private void save(String username, String displayName, Role role, StaffCode staffCode, UnitCode unitCode,
			String email, boolean setEmail, String rawPassword) {
		this.jdbc.sql("""
				insert into account (username, display_name, password_hash, role, staff_code, unit_code, email)
				values (:username, :displayName, :hash, :role, :staffCode, :unitCode, :email)
				on conflict (username) do update set display_name = excluded.display_name,
				    password_hash = excluded.password_hash, role = excluded.role, staff_code = excluded.staff_code,
				    unit_code = excluded.unit_code,
				    email = case when :setEmail then excluded.email else account.email end,
				    enabled = true, failed_attempts = 0, locked_until = null, must_change_password = false,
				    version = account.version + 1
				""")
			.param("username", username)
			.param("displayName", displayName)
			.param("hash", this.passwords.encode(rawPassword))
			.param("role", role.name())
			.param("staffCode", (staffCode != null) ? staffCode.value() : null)
			.param("unitCode", (unitCode != null) ? unitCode.value() : null)
			.param("email", email)
			.param("setEmail", setEmail)
			.update();
	}

	/**
	 * Whether an administrator has granted this account access to personnel records
	 * (staff performance, ratings and improvement plans): API clients for HR and
	 * workforce tools reach them only then.
	 */
	@Transactional(readOnly = true)
	public boolean hasPersonnelAccess(String username) {
		return this.jdbc.sql("select personnel_access from account where username = :username and enabled")
			.param("username", username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** The usernames granted personnel access. */
	@Transactional(readOnly = true)
	public java.util.Set<String> withPersonnelAccess() {
		return java.util.Set
			.copyOf(this.jdbc.sql("select username from account where personnel_access").query(String.class).list());
	}

	/** Grants or withdraws personnel access; false when there is no such API client. */
	@Transactional
	public boolean grantPersonnelAccess(String username, boolean granted) {
		return this.jdbc.sql("""
				update account set personnel_access = :granted, version = version + 1
				where username = :username and role = 'API_CLIENT'
				""").param("granted", granted).param("username", username).update() == 1;
	}

	/**
	 * Whether the account's password was reset by an administrator and not yet changed by
	 * its owner.
	 */
	@Transactional(readOnly = true)
	boolean mustChangePassword(String username) {
		return this.jdbc.sql("select must_change_password from account where username = :username")
			.param("username", username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Whether this is the account's password now. */
	@Transactional(readOnly = true)
	boolean isCurrentPassword(String username, String rawPassword) {
		return find(username).map((a) -> this.passwords.matches(rawPassword, a.passwordHash())).orElse(false);
	}

	/** The owner's own new password, which ends a temporary one. */
	@Transactional
	void changeOwnPassword(String username, String rawPassword) {
		this.jdbc.sql("""
				update account set password_hash = :hash, must_change_password = false, version = version + 1
				where username = :username and signs_in_with = 'PASSWORD'
				""").param("hash", this.passwords.encode(rawPassword)).param("username", username).update();
	}

	boolean isLocked(Account account) {
		return account.lockedUntil() != null && account.lockedUntil().isAfter(this.clock.instant());
	}

}
