package org.traza.custody.boundary;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.traza.custody.entity.CustodyEvent;
import org.traza.custody.entity.Holder;
import org.traza.custody.entity.Location;

/**
 * JSON shapes of custody requests and records. Requests are classes: Payara's OpenAPI needs fields.
 */
public final class CustodyViews {

  private CustodyViews() {}

  /** A custody action: the firearm by id or by scanned text, and a client-made idempotency key. */
  public static class EventRequest {
    public Long firearmId;

    /** Text a scanner read from the firearm's marking, instead of firearmId. */
    @Size(max = 1000)
    public String scannedText;

    /** RECEIVE, ISSUE, RETURN, MOVE, DISPATCH, RECEIVE_TRANSFER, LEND, RETURN_FROM_LOAN, … */
    @Size(max = 30)
    public String action;

    public Long locationId;
    public Long holderId;
    public Instant expectedReturn;

    @Size(max = CustodyEvent.STATION_MAX)
    public String station;

    /** When the station did it, if it was offline. */
    public Instant deviceTime;

    @Size(max = CustodyEvent.REASON_MAX)
    public String reason;

    @Size(max = CustodyEvent.DOCUMENT_MAX)
    public String documentRef;

    /** Unique per intended action (a UUID): a retry with the same key acts at most once. */
    @Size(max = CustodyEvent.KEY_MAX)
    public String idempotencyKey;
  }

  public static class LocationRequest {
    @Size(max = Location.CODE_MAX)
    public String code;

    @Size(max = Location.NAME_MAX)
    public String name;

    @Size(max = 40)
    public String kind;

    public Long parentId;
    public Integer countFrequencyDays;
  }

  public static class HolderRequest {
    @Size(max = Holder.CODE_MAX)
    public String code;

    @Size(max = 40)
    public String kind;

    @Size(max = Holder.NAME_MAX)
    public String name;

    @Size(max = Holder.NAME_MAX)
    public String unit;
  }

  public record EventView(
      long id,
      long firearmId,
      long seq,
      String action,
      String fromStatus,
      String toStatus,
      Long fromLocationId,
      Long toLocationId,
      Long holderId,
      String station,
      String actor,
      Instant serverTime,
      Instant deviceTime,
      String reason,
      String documentRef,
      String idempotencyKey,
      String prevHash,
      String hash) {
    static EventView of(CustodyEvent e) {
      return new EventView(
          e.id(),
          e.firearmId(),
          e.seq(),
          e.action(),
          e.fromStatus(),
          e.toStatus(),
          e.fromLocationId(),
          e.toLocationId(),
          e.holderId(),
          e.station(),
          e.actor(),
          e.serverTime(),
          e.deviceTime(),
          e.reason(),
          e.documentRef(),
          e.idempotencyKey(),
          e.prevHash(),
          e.hash());
    }
  }

  /** The outcome of one batch item: the event (201, 200) or the problem. */
  /** One item's outcome; {@code replayed} when it is the outcome of an earlier sending. */
  public record ItemResult(
      int index,
      int status,
      EventView event,
      java.util.Map<String, Object> problem,
      boolean replayed) {}

  public record BatchResult(
      int created, int replayed, int failed, java.util.List<ItemResult> results) {}

  public record HoldingView(
      long id,
      String href,
      String make,
      String model,
      String serial,
      String status,
      Long locationId,
      Long holderId,
      Instant expectedReturnAt) {
    static HoldingView of(org.traza.registry.boundary.FirearmDirectory.Holding h) {
      var f = h.firearm();
      return new HoldingView(
          f.id(),
          "/api/firearms/" + f.id(),
          f.makeName(),
          f.model(),
          f.serialAsMarked(),
          h.status(),
          h.locationId(),
          h.holderId(),
          h.expectedReturnAt());
    }
  }

  /** What a location holds, counted by status. */
  public record Holdings(
      long locationId,
      java.util.Map<String, Long> byStatus,
      java.util.List<HoldingView> firearms) {}

  public record LocationView(
      long id, String code, String name, String kind, Long parentId, Integer countFrequencyDays) {
    static LocationView of(Location l) {
      return new LocationView(
          l.id(), l.code(), l.name(), l.kind().name(), l.parentId(), l.countFrequencyDays());
    }
  }

  public record HolderView(long id, String code, String kind, String name, String unit) {
    static HolderView of(Holder h) {
      return new HolderView(h.id(), h.code(), h.kind().name(), h.name(), h.unit());
    }
  }
}
