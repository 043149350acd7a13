/**
 * Trace: answers investigators' questions about a recovered firearm (ITI paras 14-23, ISACS 05.31).
 *
 * <p>This first part is matching: a serial as read on the weapon (misread, partly obliterated) and
 * its description are matched against the registry exactly, with confusable characters folded, by
 * wildcard positions through indexed skeleton columns (prefix, or reversed for a suffix), and by
 * edit distance within the same description; every candidate carries a score and its reasons, and
 * every query needs a case reference and is audited. Trace requests with their lifecycle, answers,
 * confidentiality and the exchange format come next. Reaches firearms through {@code
 * FirearmDirectory} only.
 */
package org.traza.trace;
