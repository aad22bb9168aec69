package org.probity.subjectaccess;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Probity holds about one subject, section by section, each section the rows of one
 * owner's published view with every column as stored.
 *
 * @param subject {@code CASE} or {@code STAFF}
 * @param reference the CRN or the staff code
 * @param restricted a case with limited access, disclosed because the request is a legal
 * duty (and logged as such)
 */
record Disclosure(String subject, String reference, boolean restricted, Instant generatedAt, String generatedBy,
		List<Section> sections) {

	/**
	 * One kind of record: {@code module} owns it, {@code columns} in their order.
	 */
	record Section(String key, String title, String module, List<String> columns, List<Map<String, Object>> rows) {

		public int count() {
			return this.rows.size();
		}

	}

	public long rowCount() {
		return this.sections.stream().mapToLong(Section::count).sum();
	}

}
