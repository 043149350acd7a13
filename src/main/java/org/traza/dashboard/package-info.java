/**
 * The dashboard's figures: holdings, custody activity, trace requests, destructions and what is
 * overdue, each counted in the database and confined to the caller's armoury and roles.
 */
package org.traza.dashboard;
