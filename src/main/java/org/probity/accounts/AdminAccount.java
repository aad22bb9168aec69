package org.probity.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates or resets the {@code admin} account from {@code PROBITY_ADMIN_PASSWORD}.
 * Without it no account is created: there is no default password anywhere.
 */
@Component
@Order(0)
class AdminAccount implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private final Accounts accounts;

	private final String adminPassword;

	AdminAccount(Accounts accounts, @Value("${probity.admin-password:}") String adminPassword) {
		this.accounts = accounts;
		this.adminPassword = adminPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.adminPassword.isBlank()) {
			this.accounts.createOrReset("admin", "Administrator", Role.ADMIN, null, null, this.adminPassword);
			log.info("Account 'admin' set from PROBITY_ADMIN_PASSWORD");
		}
	}

}
