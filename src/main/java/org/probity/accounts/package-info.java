/**
 * Who may sign in and what they may see: accounts, roles, data scope, sign-in with
 * lockout, and the log of every opening of a case.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package org.probity.accounts;
