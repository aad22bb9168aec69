package org.probity.audits;

/** The kinds of audit programme of case-audit.md, "Audit programmes". */
public enum ProgrammeKind {

	THEMATIC("Thematic audit"), LOCAL_QUALITY_INSPECTION("Local Quality Inspection"), DIP_SAMPLE("Dip sample"),
	QUALITY_DEVELOPMENT("Quality development audits"), REMOTE_CHECK("Remote check"), SPOT_CHECK("Spot check"),
	OBSERVATION("Observation of practice"), PEER_REVIEW("Peer review"), SELF_ASSESSMENT("Self-assessment");

	private final String label;

	ProgrammeKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
