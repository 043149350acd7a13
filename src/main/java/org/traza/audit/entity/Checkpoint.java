package org.traza.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.traza.platform.entity.Sha256;

/**
 * A signed checkpoint as stored: the signed note (the record itself) and, for queries, the fields
 * it states. Insert only; numbered from 1 without gaps, each naming the SHA-256 of the note before.
 */
@Entity
@Table(name = "audit_checkpoint")
public class Checkpoint {

  public static final int NOTE_MAX = 8000;
  public static final int ACTOR_MAX = 64;
  public static final int NAME_MAX = 200;

  @Id
  @Column(name = "number", updatable = false)
  private long number;

  @Column(name = "taken_at", nullable = false, updatable = false)
  private Instant takenAt;

  @Column(name = "taken_by", nullable = false, updatable = false, length = ACTOR_MAX)
  @Size(max = ACTOR_MAX)
  private String takenBy;

  @Column(name = "origin", nullable = false, updatable = false, length = NAME_MAX)
  @Size(max = NAME_MAX)
  private String origin;

  @Column(name = "tree_size", nullable = false, updatable = false)
  private long treeSize;

  @Column(name = "root_hash", nullable = false, updatable = false, length = 44)
  @Size(max = 44)
  private String rootHash;

  @Column(name = "custody_events", nullable = false, updatable = false)
  private long custodyEvents;

  @Column(name = "custody_root", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String custodyRoot;

  @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String previousHash;

  @Column(name = "note_hash", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String noteHash;

  @Column(name = "key_name", nullable = false, updatable = false, length = NAME_MAX)
  @Size(max = NAME_MAX)
  private String keyName;

  @Column(name = "key_id", nullable = false, updatable = false, length = 8)
  @Size(max = 8)
  private String keyId;

  @Column(name = "note", nullable = false, updatable = false, length = NOTE_MAX)
  @Size(max = NOTE_MAX)
  private String note;

  protected Checkpoint() {}

  /** The checkpoint {@code body}, signed as {@code signedNote} by key {@code keyName}. */
  public Checkpoint(
      CheckpointNote body, String signedNote, String keyName, String keyId, String takenBy) {
    if (signedNote.length() > NOTE_MAX || !signedNote.startsWith(body.text())) {
      throw new IllegalArgumentException("the signed note is not this checkpoint's");
    }
    this.number = body.number();
    this.takenAt = body.time().truncatedTo(ChronoUnit.MICROS);
    this.takenBy = takenBy.length() <= ACTOR_MAX ? takenBy : takenBy.substring(0, ACTOR_MAX);
    this.origin = body.origin();
    this.treeSize = body.treeSize();
    this.rootHash = body.rootHash();
    this.custodyEvents = body.custody().events();
    this.custodyRoot = body.custody().root();
    this.previousHash = body.previous();
    this.noteHash = Sha256.hex(signedNote);
    this.keyName = keyName;
    this.keyId = keyId;
    this.note = signedNote;
  }

  /** The hash that the next checkpoint names as its previous one. */
  public static String hashOf(String signedNote) {
    return Sha256.hex(signedNote);
  }

  public long number() {
    return number;
  }

  public Instant takenAt() {
    return takenAt;
  }

  public String takenBy() {
    return takenBy;
  }

  public String origin() {
    return origin;
  }

  public long treeSize() {
    return treeSize;
  }

  public String rootHash() {
    return rootHash;
  }

  public long custodyEvents() {
    return custodyEvents;
  }

  public String custodyRoot() {
    return custodyRoot;
  }

  public String previousHash() {
    return previousHash;
  }

  public String noteHash() {
    return noteHash;
  }

  public String keyName() {
    return keyName;
  }

  public String keyId() {
    return keyId;
  }

  /** The signed note: the checkpoint as an auditor keeps it. */
  public String note() {
    return note;
  }

  /** The note's checkpoint, read back from its text. */
  public CheckpointNote body() {
    return CheckpointNote.parse(SignedNote.open(note).text());
  }
}
