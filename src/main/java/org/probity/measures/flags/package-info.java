/**
 * Flags raised from monthly results (measures.md, "Flags"), each stored and published
 * once.
 */
package org.probity.measures.flags;
