package org.traza.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.platform.control.UploadedImages;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.platform.entity.Sha256;
import org.traza.scanner.decode.Images;
import org.traza.trace.entity.TracePhoto;
import org.traza.trace.entity.TraceRequest;
import tools.jackson.databind.JsonNode;

/**
 * Exchange of trace requests and responses between states' systems as documents following the
 * published schema ({@link ExchangeSchema}): export a request (with its photos, and its response
 * once answered), import another state's request, or the response another state sent to a request
 * sent from here.
 */
@ApplicationScoped
public class TraceExchange {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @PersistenceContext EntityManager em;
  @Inject TraceRequests requests;
  @Inject TraceResponses responses;
  @Inject Event<ActionPerformed> actions;
  @Inject Clock clock;
  @Inject UploadedImages images;

  @Inject
  @ConfigProperty(name = "trace.national-country")
  Optional<String> nationalCountry;

  @Inject
  @ConfigProperty(name = "registry.originator", defaultValue = "national registry")
  String nationalAuthority;

  public record Sender(String country, String authority, String system) {}

  public record Photo(String mediaType, String sha256, String data) {}

  /** The request as exchanged: the sender's reference and status, and what the requester said. */
  public record Request(
      String reference,
      String senderReference,
      String status,
      Instant receivedAt,
      Instant dueAt,
      String urgency,
      String urgencyJustification,
      String requestingAuthority,
      String requestingCountry,
      String contact,
      String caseReference,
      String legalBasis,
      String illicitReason,
      String intendedUse,
      LocalDate recoveredOn,
      String recoveryPlace,
      String circumstances,
      String possessor,
      String weaponType,
      String weaponMake,
      String weaponModel,
      String weaponCalibre,
      String serialAsRead,
      boolean obliterated,
      String importer,
      String originCountry,
      String otherMarkings,
      List<Photo> photos) {}

  public record Document(
      String format,
      Instant exportedAt,
      Sender sender,
      Request request,
      TraceResponses.Response response) {}

  /** What an import did: filed a new request, or attached a response to one sent from here. */
  public record Imported(TraceRequest request, boolean created) {}

  /** An exported document and the reference of the request it carries. */
  public record Exported(String reference, String document) {}

  /** The exchange document of request {@code id}, with its response once answered (audited). */
  @Transactional
  public Exported export(long id) {
    TraceRequest t = requests.get(id);
    String country =
        nationalCountry.orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.CONFLICT,
                    "This registry's country is not configured (trace.national-country): a"
                        + " receiving state could not tell who sent the request."));
    TraceRequest.Content c = t.content();
    List<Photo> photos = new ArrayList<>();
    for (TraceRequests.PhotoInfo p : requests.photos(id)) {
      byte[] bytes = requests.photo(id, p.id()).content();
      photos.add(new Photo(p.mediaType(), p.sha256(), Base64.getEncoder().encodeToString(bytes)));
    }
    boolean answered =
        t.status() == TraceRequest.Status.ANSWERED || t.status() == TraceRequest.Status.CLOSED;
    Document d =
        new Document(
            ExchangeSchema.FORMAT,
            clock.instant(),
            new Sender(country.toUpperCase(java.util.Locale.ROOT), nationalAuthority, "Traza"),
            new Request(
                t.reference(),
                t.senderReference(),
                t.status().name(),
                t.receivedAt(),
                t.dueAt(),
                c.urgency().name(),
                c.urgencyJustification(),
                c.requestingAuthority(),
                c.requestingCountry(),
                c.contact(),
                c.caseReference(),
                c.legalBasis(),
                c.illicitReason(),
                c.intendedUse(),
                c.recoveredOn(),
                c.recoveryPlace(),
                c.circumstances(),
                c.possessor(),
                c.weaponType(),
                c.weaponMake(),
                c.weaponModel(),
                c.weaponCalibre(),
                c.serialAsRead(),
                c.obliterated(),
                c.importer(),
                c.originCountry(),
                c.otherMarkings(),
                photos),
            answered ? responses.of(t) : null);
    actions.fire(
        ActionPerformed.of(
            AuditAction.TRACE_REQUEST_EXPORTED,
            c.caseReference(),
            t.reference() + (answered ? " with its response" : "")));
    return new Exported(t.reference(), JSONB.toJson(d));
  }

  /**
   * Imports a document, validated against the schema (400 naming every violation). A document
   * carrying a response is attached to the request it answers: the request sent from here that its
   * {@code senderReference} names (same case, same requesting country), or the earlier import of
   * the same sender's reference (200). Anything else is filed as a new request from its sender
   * (201), keeping the response it carries; a second import of the same sender's reference without
   * a response is 409.
   */
  @Transactional
  public Imported importDocument(String json, String actor) {
    JsonNode doc = ExchangeSchema.parse(json);
    ExchangeSchema.require(doc);
    JsonNode req = doc.get("request");
    String sender = doc.get("sender").get("country").stringValue();
    String theirs = text(req, "reference");
    JsonNode response = doc.get("response");
    boolean answered = response != null && !response.isNull();
    Optional<TraceRequest> before = requests.imported(sender, theirs);
    if (answered) {
      String ours = text(req, "senderReference");
      // References like TR-2026-000001 repeat across registries: the request answered must also be
      // the same case from the same requesting country.
      Optional<TraceRequest> answers =
          Optional.ofNullable(ours)
              .flatMap(requests::byReference)
              .filter(
                  t ->
                      t.content().caseReference().equals(text(req, "caseReference"))
                          && t.content().requestingCountry().equals(text(req, "requestingCountry")))
              .or(() -> before);
      if (answers.isPresent()) {
        TraceRequest t = answers.get();
        received(t, response, sender, theirs);
        return new Imported(t, false);
      }
    } else if (before.isPresent()) {
      throw new ProblemException(
              ProblemType.CONFLICT,
              "Request "
                  + theirs
                  + " from "
                  + sender
                  + " was imported as "
                  + before.get().reference())
          .with("requestId", before.get().id());
    }
    TraceRequest t = requests.file(content(req), actor, sender, theirs);
    JsonNode photos = req.get("photos");
    if (photos != null && !photos.isNull()) {
      for (int i = 0; i < photos.size(); i++) {
        byte[] bytes = photo(photos.get(i), i);
        em.persist(
            new TracePhoto(
                t.id(), Images.format(bytes).mediaType(), bytes, clock.instant(), actor));
      }
    }
    if (answered) {
      received(t, response, sender, theirs);
    }
    return new Imported(t, true);
  }

  private void received(TraceRequest t, JsonNode response, String sender, String theirs) {
    t.responseReceived(response.toString(), clock.instant());
    actions.fire(
        ActionPerformed.of(
            AuditAction.TRACE_RESPONSE_RECEIVED,
            t.content().caseReference(),
            t.reference()
                + " answered by "
                + sender
                + " ("
                + theirs
                + "): "
                + response.path("outcome").asString("")));
  }

  private byte[] photo(JsonNode p, int i) {
    String at = "/request/photos/" + i;
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(p.get("data").stringValue());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(at + "/data", "not base64");
    }
    if (!Sha256.hex(bytes).equals(p.get("sha256").stringValue())) {
      throw ProblemException.invalid(at + "/sha256", "does not match the photo's bytes");
    }
    try {
      images.check(bytes, p.get("mediaType").stringValue());
    } catch (ProblemException e) {
      // the document is JSON: a bad photo in it is an invalid field, whatever an upload would get
      throw ProblemException.invalid(at + "/data", e.getMessage());
    }
    return bytes;
  }

  private static TraceRequest.Content content(JsonNode r) {
    String recovered = text(r, "recoveredOn");
    return new TraceRequest.Content(
        TraceRequest.Urgency.valueOf(text(r, "urgency")),
        text(r, "urgencyJustification"),
        text(r, "requestingAuthority"),
        text(r, "requestingCountry"),
        text(r, "contact"),
        text(r, "caseReference"),
        text(r, "legalBasis"),
        text(r, "illicitReason"),
        text(r, "intendedUse"),
        recovered == null ? null : LocalDate.parse(recovered),
        text(r, "recoveryPlace"),
        text(r, "circumstances"),
        text(r, "possessor"),
        text(r, "weaponType"),
        text(r, "weaponMake"),
        text(r, "weaponModel"),
        text(r, "weaponCalibre"),
        text(r, "serialAsRead"),
        r.get("obliterated").booleanValue(),
        text(r, "importer"),
        text(r, "originCountry"),
        text(r, "otherMarkings"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.stringValue().trim();
    return s.isEmpty() ? null : s;
  }
}
