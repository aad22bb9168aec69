/**
 * The catalogue of measures (the one place that defines each: code, title, SQL, the
 * tables it reads, stored or derived rows), their per-case rows as SQL and their dated
 * targets.
 */
package org.probity.measures.catalogue;
