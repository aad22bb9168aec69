package org.probity.measures.results;

/**
 * RAG and rating of one result (measures.md, "Status of a result"). Performance is
 * {@code 100.0 * numerator / denominator}, unrounded for every comparison; no cases wins
 * over no target.
 */
public record Assessment(Double performance, Rag rag, Rating rating) {

	public enum Rag {

		GREEN("Green"), AMBER("Amber"), RED("Red"), NO_CASES("No cases"), NONE("No target");

		private final String word;

		Rag(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

	}

	public enum Rating {

		EXCEEDED("Exceeded"), MET("Met"), NOT_MET("Not met"), SERIOUSLY_DEFICIENT("Seriously deficient"),
		NO_CASES("No cases"), NONE("No target");

		private final String word;

		Rating(String word) {
			this.word = word;
		}

		public String word() {
			return this.word;
		}

	}

	public static Double performance(long numerator, long denominator) {
		return (denominator == 0) ? null : 100.0 * numerator / denominator;
	}

	public static Assessment of(long numerator, long denominator, Double target, Double trigger) {
		if (denominator == 0) {
			return new Assessment(null, Rag.NO_CASES, Rating.NO_CASES);
		}
		double performance = 100.0 * numerator / denominator;
		if (target == null) {
			return new Assessment(performance, Rag.NONE, Rating.NONE);
		}
		// Without a trigger there is no amber band: below target is red.
		double floor = (trigger != null) ? trigger : target;
		Rag rag = (performance >= target) ? Rag.GREEN : (performance >= floor) ? Rag.AMBER : Rag.RED;
		Rating rating;
		if (performance >= Math.min(target + 5, 100.0)) {
			rating = Rating.EXCEEDED;
		}
		else if (performance >= target) {
			rating = Rating.MET;
		}
		else if (performance >= floor) {
			rating = Rating.NOT_MET;
		}
		else {
			rating = Rating.SERIOUSLY_DEFICIENT;
		}
		return new Assessment(performance, rag, rating);
	}

}
