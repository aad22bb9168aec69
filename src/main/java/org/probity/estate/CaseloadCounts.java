package org.probity.estate;

import java.util.Map;

import org.probity.shared.StaffCode;
import org.probity.shared.UnitCode;

/**
 * What the estate pages need to know about caseloads, implemented by the cases module.
 * <p>
 * The cases module depends on the estate (a case is counted for its event's team and the
 * units above it), so the estate cannot call the cases module without a cycle. The estate
 * owns this small interface instead and the cases module provides the bean: the pages
 * stay with the structure they show, and the dependency keeps pointing one way.
 */
public interface CaseloadCounts {

	/**
	 * Caseload of every unit, counting each case for its team and every unit above it.
	 */
	Map<UnitCode, Caseload> byUnit();

	/** Caseload of each member of staff of the team, as responsible officer. */
	Map<StaffCode, Caseload> byStaffOfTeam(UnitCode teamCode);

	/**
	 * Active events (not terminated) and the distinct people on probation they belong to.
	 */
	record Caseload(long activeEvents, long people) {

		public static final Caseload NONE = new Caseload(0, 0);

	}

}
