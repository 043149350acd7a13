package org.traza.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One line of the audit log: who did what to which record, from where, and how it ended. Insert
 * only; its hash binds it to its position in one of the log's chains and to the entry before it
 * there.
 *
 * <p>Entries written while the log had a single chain carry no chain columns: they are the start of
 * chain {@value AuditChainHead#FIRST_CHAIN}, their position is their id, and their hash was
 * computed over that id.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  public static final String GENESIS_HASH = "0".repeat(64);
  public static final int DETAIL_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "chain_no", updatable = false)
  private Integer chainNo;

  @Column(name = "chain_seq", updatable = false)
  private Long chainSeq;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "actor", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String actor;

  @Column(name = "action", nullable = false, updatable = false, length = 60)
  @Size(max = 60)
  private String action;

  @Column(name = "target_type", nullable = false, updatable = false, length = 40)
  @Size(max = 40)
  private String targetType;

  @Column(name = "target_id", updatable = false, length = 200)
  @Size(max = 200)
  private String targetId;

  @Column(name = "client_address", updatable = false, length = 64)
  @Size(max = 64)
  private String clientAddress;

  @Column(name = "outcome", nullable = false, updatable = false, length = 20)
  @Size(max = 20)
  private String outcome;

  @Column(name = "detail", updatable = false, length = DETAIL_MAX)
  @Size(max = DETAIL_MAX)
  private String detail;

  @Column(name = "request_id", updatable = false, length = 64)
  @Size(max = 64)
  private String requestId;

  @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String previousHash;

  @Column(name = "entry_hash", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String entryHash;

  protected AuditEntry() {}

  /** Where an entry goes: chain, position in it (from 1), and the hash of the entry before it. */
  public record Position(int chain, long seq, String previousHash) {}

  /** Builds the entry at {@code at}: its hash covers every field and that position. */
  public AuditEntry(
      Position at,
      Instant occurredAt,
      String actor,
      String action,
      String targetType,
      String targetId,
      String clientAddress,
      String outcome,
      String detail,
      String requestId) {
    this.chainNo = at.chain();
    this.chainSeq = at.seq();
    // DATETIME(6) keeps microseconds: hash what the database will give back.
    this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    this.actor = clip(Objects.requireNonNull(actor), 64);
    this.action = clip(Objects.requireNonNull(action), 60);
    this.targetType = clip(Objects.requireNonNull(targetType), 40);
    this.targetId = clip(targetId, 200);
    this.clientAddress = clip(clientAddress, 64);
    this.outcome = Objects.requireNonNull(outcome);
    this.detail = clip(detail, DETAIL_MAX);
    this.requestId = clip(requestId, 64);
    this.previousHash = Objects.requireNonNull(at.previousHash());
    this.entryHash = computeHash();
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /**
   * SHA-256 over the position, every field and the previous hash, in a fixed, unambiguous encoding.
   * The position is "chain/seq"; for an entry from the single-chain log it is its id.
   */
  public String computeHash() {
    StringBuilder canonical = new StringBuilder();
    for (Object field :
        new Object[] {
          chainNo == null ? id : chainNo + "/" + chainSeq,
          occurredAt,
          actor,
          action,
          targetType,
          targetId,
          clientAddress,
          outcome,
          detail,
          requestId,
          previousHash
        }) {
      String s = field == null ? "\u0000" : field.toString();
      canonical.append(s.length()).append(':').append(s).append('|');
    }
    return org.traza.platform.entity.Sha256.hex(canonical.toString());
  }

  /** True when the stored hash matches the content and follows {@code expectedPrevious}. */
  public boolean isIntactAfter(String expectedPrevious) {
    return previousHash.equals(expectedPrevious) && entryHash.equals(computeHash());
  }

  /** The entry's id: assigned by the database on insert, it orders entries across chains. */
  public long id() {
    return id == null ? 0 : id;
  }

  public int chain() {
    return chainNo == null ? AuditChainHead.FIRST_CHAIN : chainNo;
  }

  /** The entry's place in its chain, from 1. */
  public long position() {
    return chainSeq == null ? id() : chainSeq;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String targetType() {
    return targetType;
  }

  public String targetId() {
    return targetId;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public String outcome() {
    return outcome;
  }

  public String detail() {
    return detail;
  }

  public String requestId() {
    return requestId;
  }

  public String previousHash() {
    return previousHash;
  }

  public String entryHash() {
    return entryHash;
  }
}
