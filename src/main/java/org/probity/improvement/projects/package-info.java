/**
 * Improvement projects (Define, Measure, Analyse, Improve, Control) tied to a measure and
 * unit, with their XmR charts; named so that the demo can run projects through it.
 */
@org.springframework.modulith.NamedInterface("projects")
package org.probity.improvement.projects;
