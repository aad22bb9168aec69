/**
 * XmR statistical process control charts (NHS England "Making Data Count"): a pure
 * calculation, named so that other modules may read a project's chart.
 */
@org.springframework.modulith.NamedInterface("spc")
package org.probity.improvement.spc;
