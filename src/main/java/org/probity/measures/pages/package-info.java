/**
 * The pages and JSON API of the measures, and what they add to the home and case pages.
 */
package org.probity.measures.pages;
