/**
 * The small kernel every module may use: the business calendar, reporting periods, typed
 * codes, the embedded database and the page layout.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.probity.shared;
