package org.probity.reports.obligations;

/** How an obligation is evidenced: a service level, an audit programme or a document. */
public enum EvidenceKind {

	MEASURE("Service level"), AUDIT_PROGRAMME("Audit programme"), DOCUMENT("Document");

	private final String words;

	EvidenceKind(String words) {
		this.words = words;
	}

	public String words() {
		return this.words;
	}

}
