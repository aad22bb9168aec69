/** Which rounds of an audit programme have fallen due, and their seeds. */
package org.probity.audits.programmes;
