package org.probity.cases;

import org.probity.shared.Crn;

/**
 * What came of asking to open a case. Only {@link Opened} carries anything of the case:
 * the others name the CRN that was asked for and nothing else.
 */
public sealed interface CaseOpening {

	Crn crn();

	record Opened(CaseFile file) implements CaseOpening {

		@Override
		public Crn crn() {
			return this.file.person().crn();
		}

	}

	/**
	 * The case is in the user's scope but restricted (limited access) and they are not on
	 * it.
	 */
	record Restricted(Crn crn) implements CaseOpening {
	}

	/** The case is outside the part of the caseload the user may see. */
	record OutOfScope(Crn crn) implements CaseOpening {
	}

	record NotFound(Crn crn) implements CaseOpening {
	}

}
