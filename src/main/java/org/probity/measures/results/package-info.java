/**
 * Reading the results: of units and practitioners, by period and month, with their
 * trends, the cases behind them and the overview of every measure.
 */
package org.probity.measures.results;
