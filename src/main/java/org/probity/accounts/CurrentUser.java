package org.probity.accounts;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user, with the links that decide their data scope: from a local account,
 * or from an identity provider's claims ({@link ClaimMapping}; then a
 * {@link ProviderUser}).
 */
public class CurrentUser extends User {

	private final String displayName;

	private final Role role;

	private final String staffCode;

	private final String unitCode;

	private final String email;

	CurrentUser(String username, String passwordHash, boolean accountNonLocked,
			Collection<? extends GrantedAuthority> authorities, String displayName, Role role, String staffCode,
			String unitCode, String email) {
		super(username, passwordHash, true, true, true, accountNonLocked, authorities);
		this.email = email;
		this.displayName = displayName;
		this.role = role;
		this.staffCode = staffCode;
		this.unitCode = unitCode;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public String staffCode() {
		return this.staffCode;
	}

	public String unitCode() {
		return this.unitCode;
	}

	/** Where mail for this user goes; null when the account has no email address. */
	public String email() {
		return this.email;
	}

	public DataScope scope() {
		return switch (this.role) {
			case ADMIN, QUALITY_TEAM, API_CLIENT -> new DataScope.Everything();
			case SENIOR_MANAGER, LINE_MANAGER ->
				(this.unitCode != null) ? new DataScope.Unit(this.unitCode) : new DataScope.Nothing();
			case PRACTITIONER ->
				(this.staffCode != null) ? new DataScope.Practitioner(this.staffCode) : new DataScope.Nothing();
			// a subject access request is answered whole by its own pages, never through
			// the ordinary lists
			case METRICS, SUBJECT_ACCESS -> new DataScope.Nothing();
		};
	}

	/**
	 * Restricted (limited-access) cases open for the quality team and staff on the case
	 * only.
	 */
	public boolean mayOpenAnyRestrictedCase() {
		return this.role == Role.QUALITY_TEAM;
	}

}
