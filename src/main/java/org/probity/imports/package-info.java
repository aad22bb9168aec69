/**
 * The case data exchange format: validates extracts row by row, loads them all or
 * nothing, and keeps the history of imports.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts" })
package org.probity.imports;
