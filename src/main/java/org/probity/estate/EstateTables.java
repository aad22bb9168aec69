package org.probity.estate;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.probity.shared.TableMerge;
import org.probity.shared.TableMerge.Merged;
import org.probity.shared.TableMerge.Table;

/**
 * The one way the estate is written: merges units and staff that the import has staged
 * and checked into this module's tables, in the import's transaction. The tables are
 * named here, by the module that owns them, and nowhere else.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class EstateTables {

	private static final Table UNIT = new Table("unit", "unit_code",
			List.of("unit_code", "unit_name", "unit_type", "parent_code"), null, null);

	private static final Table STAFF = new Table("staff", "staff_code",
			List.of("staff_code", "forename", "surname", "grade", "team_code", "start_date", "end_date"), null, null);

	private final TableMerge merge;

	EstateTables(TableMerge merge) {
		this.merge = merge;
	}

	/**
	 * Merges units from {@code staged}, a temporary table of typed, checked rows with the
	 * columns of the table. A change to the tree may touch every case, so no changed
	 * events are listed.
	 */
	public Merged mergeUnits(String staged, long rows) {
		return this.merge.merge(UNIT, staged, rows);
	}

	/** As {@link #mergeUnits}, for staff. */
	public Merged mergeStaff(String staged, long rows) {
		return this.merge.merge(STAFF, staged, rows);
	}

}
