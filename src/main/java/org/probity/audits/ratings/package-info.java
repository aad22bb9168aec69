/** The rating rules in force (HMIP 2018 by default, or probity.audits.ratings.*). */
package org.probity.audits.ratings;
