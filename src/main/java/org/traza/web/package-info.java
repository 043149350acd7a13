/**
 * The browser interface's server side: its labels in resource bundles, one per language, answered
 * as JSON to the pages under {@code /}. The pages themselves are static files in {@code webapp/}.
 */
package org.traza.web;
