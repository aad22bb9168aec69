package org.probity.demo;

/**
 * Demo records that a module adds on top of the demo provider's case data, accounts and
 * audits, through that module's public API. {@link DemoStartup} loads every one, in the
 * order of their {@code @Order}, once the audits are done: plans take their actions from
 * the audits' findings and the flags, projects and people build on the plans.
 */
interface DemoRecords {

	void load(DemoProvider.Parameters parameters);

}
