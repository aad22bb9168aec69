/**
 * Keeping the measures in step with the case data: on each import, at start-up, in full
 * or for the events and months that changed, one recomputation at a time across nodes.
 */
package org.probity.measures.recomputation;
