package org.traza.custody.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One custody action on one firearm, as it happened: insert-only, and chained by SHA-256 to the
 * firearm's previous event ({@link #prevHash}), so that any change to any recorded field breaks the
 * chain.
 */
@Entity
@Table(name = "custody_event")
public class CustodyEvent {

  public static final int REASON_MAX = 500;
  public static final int DOCUMENT_MAX = 200;
  public static final int KEY_MAX = org.traza.platform.entity.IdempotencyKey.MAX;
  public static final int STATION_MAX = 64;

  /** Where custody events' idempotency keys apply (see platform's IdempotentRequest). */
  public static final String IDEMPOTENCY_SCOPE = "custody-event";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "firearm_id", nullable = false, updatable = false)
  private long firearmId;

  @Column(name = "seq", nullable = false, updatable = false)
  private long seq;

  @Column(name = "action", nullable = false, updatable = false, length = 30)
  @Size(max = 30)
  private String action;

  @Column(name = "from_status", nullable = false, updatable = false, length = 30)
  @Size(max = 30)
  private String fromStatus;

  @Column(name = "to_status", nullable = false, updatable = false, length = 30)
  @Size(max = 30)
  private String toStatus;

  @Column(name = "from_location_id", updatable = false)
  private Long fromLocationId;

  @Column(name = "to_location_id", updatable = false)
  private Long toLocationId;

  @Column(name = "holder_id", updatable = false)
  private Long holderId;

  @Column(name = "station", updatable = false, length = STATION_MAX)
  @Size(max = STATION_MAX)
  private String station;

  @Column(name = "actor", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String actor;

  @Column(name = "server_time", nullable = false, updatable = false)
  private Instant serverTime;

  @Column(name = "device_time", updatable = false)
  private Instant deviceTime;

  @Column(name = "reason", updatable = false, length = REASON_MAX)
  @Size(max = REASON_MAX)
  private String reason;

  @Column(name = "document_ref", updatable = false, length = DOCUMENT_MAX)
  @Size(max = DOCUMENT_MAX)
  private String documentRef;

  @Column(name = "idempotency_key", nullable = false, updatable = false, length = KEY_MAX)
  @Size(max = KEY_MAX)
  private String idempotencyKey;

  /**
   * The digest of the request that made the event, to tell a retry from its key used again; not
   * part of the chained content (it says what was asked, the content says what happened).
   */
  @Column(name = "request_digest", updatable = false, length = 64)
  @Size(max = 64)
  private String requestDigest;

  @Column(name = "prev_hash", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String prevHash;

  @Column(name = "hash", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String hash;

  protected CustodyEvent() {}

  /** Everything an event records except its own hash, which follows from these. */
  public record Content(
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
      String prevHash) {

    public Content {
      // the database keeps microseconds: hash what will be read back
      serverTime = serverTime.truncatedTo(ChronoUnit.MICROS);
      deviceTime = deviceTime == null ? null : deviceTime.truncatedTo(ChronoUnit.MICROS);
    }

    /** SHA-256 (hex) over every field, in order, '|'-separated, with nulls as empty. */
    public String hash() {
      String canonical =
          String.join(
              "|",
              Long.toString(firearmId),
              Long.toString(seq),
              action,
              fromStatus,
              toStatus,
              s(fromLocationId),
              s(toLocationId),
              s(holderId),
              s(station),
              actor,
              serverTime.toString(),
              s(deviceTime),
              s(reason),
              s(documentRef),
              idempotencyKey,
              prevHash);
      return org.traza.platform.entity.Sha256.hex(canonical);
    }

    private static String s(Object o) {
      return o == null ? "" : o.toString();
    }
  }

  public CustodyEvent(Content c, String hash) {
    this.firearmId = c.firearmId();
    this.seq = c.seq();
    this.action = c.action();
    this.fromStatus = c.fromStatus();
    this.toStatus = c.toStatus();
    this.fromLocationId = c.fromLocationId();
    this.toLocationId = c.toLocationId();
    this.holderId = c.holderId();
    this.station = c.station();
    this.actor = c.actor();
    this.serverTime = c.serverTime();
    this.deviceTime = c.deviceTime();
    this.reason = c.reason();
    this.documentRef = c.documentRef();
    this.idempotencyKey = c.idempotencyKey();
    this.prevHash = c.prevHash();
    this.hash = hash;
  }

  /** The digest of the request this event answers (see {@link #requestDigest()}). */
  public CustodyEvent requestedAs(String digest) {
    this.requestDigest = digest;
    return this;
  }

  /** The digest of the request that made the event; null for events recorded before digests. */
  public String requestDigest() {
    return requestDigest;
  }

  /** The content as stored, to recompute the hash. */
  public Content content() {
    return new Content(
        firearmId,
        seq,
        action,
        fromStatus,
        toStatus,
        fromLocationId,
        toLocationId,
        holderId,
        station,
        actor,
        serverTime,
        deviceTime,
        reason,
        documentRef,
        idempotencyKey,
        prevHash);
  }

  public Long id() {
    return id;
  }

  public long firearmId() {
    return firearmId;
  }

  public long seq() {
    return seq;
  }

  public String action() {
    return action;
  }

  public String fromStatus() {
    return fromStatus;
  }

  public String toStatus() {
    return toStatus;
  }

  public Long fromLocationId() {
    return fromLocationId;
  }

  public Long toLocationId() {
    return toLocationId;
  }

  public Long holderId() {
    return holderId;
  }

  public String station() {
    return station;
  }

  public String actor() {
    return actor;
  }

  public Instant serverTime() {
    return serverTime;
  }

  public Instant deviceTime() {
    return deviceTime;
  }

  public String reason() {
    return reason;
  }

  public String documentRef() {
    return documentRef;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public String prevHash() {
    return prevHash;
  }

  public String hash() {
    return hash;
  }
}
