package org.traza.trace.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.LongFunction;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.traza.custody.boundary.CustodyViews;
import org.traza.platform.control.PdfPages;

/**
 * The response to a trace request as a PDF, in the ITI's terms (para 17): the request it answers,
 * the outcome, the weapon's record and markings, its custody history with the chain's verification,
 * the last location and holder, alerts, and the confidentiality statement; withheld details are
 * named as withheld.
 */
public final class TraceResponsePdf {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TraceResponsePdf() {}

  /** Renders {@code r}; {@code place} names a location id. */
  public static byte[] render(TraceResponses.Response r, LongFunction<String> place) {
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("Trace response " + r.reference());
      info.setCreator("Traza");
      try (PdfPages w = new PdfPages(doc)) {
        w.text(PdfPages.BOLD, 16, "Response to a firearm trace request");
        w.text(PdfPages.BOLD, 12, r.reference());
        w.gap(6);
        w.pair("Case reference", r.caseReference());
        w.pair(
            "Requesting authority", r.requestingAuthority() + " (" + r.requestingCountry() + ")");
        w.pair("Outcome", r.outcome().replace('_', ' '));
        if (r.outcomeReason() != null) {
          w.pair("Reason", r.outcomeReason());
        }
        w.pair("Answered", when(r.answeredAt()) + " by " + r.answeredBy());
        if (!r.alerts().isEmpty()) {
          w.gap(8);
          w.text(PdfPages.BOLD, 11, "Alerts");
          for (String alert : r.alerts()) {
            w.paragraph(9, "! " + alert);
          }
        }
        if (r.weapon() != null) {
          weapon(w, r.weapon(), r.confidentiality());
        }
        if (r.custody() != null) {
          custody(w, r.custody(), r.confidentiality(), place);
        }
        if (r.confidentiality() != null) {
          w.gap(10);
          w.text(PdfPages.BOLD, 11, "Confidentiality");
          w.paragraph(9, r.confidentiality().statement());
        }
        w.gap(10);
        w.paragraph(
            7,
            "Document "
                + r.format()
                + ". The same response is available as JSON from the issuing registry.");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void weapon(
      PdfPages w, TraceResponses.Weapon weapon, Confidentiality.Decision terms) throws IOException {
    w.gap(8);
    w.text(PdfPages.BOLD, 11, "The weapon");
    w.pair("Registry number", String.valueOf(weapon.registryId()));
    w.pair("Type", weapon.type());
    w.pair("Make and model", weapon.make() + " " + (weapon.model() == null ? "" : weapon.model()));
    w.pair("Calibre", weapon.calibre());
    w.pair("Serial number", weapon.serial());
    w.pair(
        "Manufactured",
        (weapon.manufactureCountry() == null ? "" : weapon.manufactureCountry())
            + (weapon.manufactureYear() == null ? "" : ", " + weapon.manufactureYear()));
    boolean markingsWithheld = terms != null && !terms.releases("weapon.markings");
    w.pair("Provenance", markingsWithheld ? "withheld" : weapon.provenance());
    w.pair("Status", weapon.status());
    w.gap(4);
    if (markingsWithheld) {
      w.paragraph(9, "The markings are withheld (see Confidentiality below).");
      return;
    }
    if (weapon.markings().isEmpty()) {
      w.paragraph(9, "No marking other than the serial number is recorded.");
      return;
    }
    w.text(PdfPages.BOLD, 10, "Markings (" + weapon.markings().size() + ")");
    float[] cols = {0, 90, 400};
    w.row(PdfPages.BOLD, cols, "Kind", "Text", "Method");
    for (TraceResponses.Marking m : weapon.markings()) {
      w.row(PdfPages.BODY, cols, m.kind(), m.text(), m.method());
    }
  }

  private static void custody(
      PdfPages w,
      TraceResponses.Custody c,
      Confidentiality.Decision terms,
      LongFunction<String> place)
      throws IOException {
    w.gap(8);
    w.text(PdfPages.BOLD, 11, "Custody");
    w.pair(
        "Chain verification",
        c.chainIntact() ? "intact: every event's hash verifies" : "BROKEN: " + c.chainProblem());
    boolean withheld = terms != null && !terms.withheld().isEmpty();
    w.pair("Last known location", withheld ? "withheld" : nullable(c.lastKnownLocation()));
    w.pair(
        "Last holder",
        withheld
            ? "withheld"
            : c.lastHolder() == null ? "none" : c.lastHolder() + " (" + c.lastHolderKind() + ")");
    if (withheld) {
      w.paragraph(9, "The custody history is withheld (see Confidentiality below).");
      return;
    }
    w.gap(4);
    w.text(PdfPages.BOLD, 10, "History (" + c.events().size() + " events)");
    float[] cols = {0, 85, 200, 285, 400};
    w.row(PdfPages.BOLD, cols, "When", "Action", "Status", "Place", "By");
    for (CustodyViews.EventView e : c.events()) {
      Long at = e.toLocationId() != null ? e.toLocationId() : e.fromLocationId();
      w.row(
          PdfPages.BODY,
          cols,
          when(e.serverTime()),
          e.action(),
          e.toStatus(),
          at == null ? "" : place.apply(at),
          e.actor() + (e.station() == null ? "" : " @ " + e.station()));
    }
  }

  private static String when(Instant t) {
    return t == null ? "" : WHEN.format(t);
  }

  private static String nullable(String s) {
    return s == null ? "none" : s;
  }
}
