/**
 * Subject access requests (UK GDPR article 15): everything Probity holds about one person
 * on probation (by CRN) or one member of staff (by staff code), as JSON and as a tagged
 * PDF, for accounts of the role SUBJECT_ACCESS only; every request is written to the
 * access log. Reads each owner's published {@code subject_access_*} views only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "accounts" })
package org.probity.subjectaccess;
