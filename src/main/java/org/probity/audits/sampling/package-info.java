/**
 * Reproducible samples (simple and stratified, from a stored seed), the population they
 * are drawn from, the sample size helper and the cases that failed a measure.
 */
package org.probity.audits.sampling;
