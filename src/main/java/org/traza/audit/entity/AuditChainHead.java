package org.traza.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;

/**
 * The single row that says where the audit chain ends. Appending locks it, which orders entries and
 * keeps their ids gapless; verification compares it with the last entry, so a truncated tail is
 * detected too.
 */
@Entity
@Table(name = "audit_chain_head")
@NamedNativeQuery(
    name = AuditChainHead.FOR_APPEND,
    query = "SELECT * FROM audit_chain_head WHERE id = " + AuditChainHead.ID + " FOR UPDATE",
    resultClass = AuditChainHead.class)
public class AuditChainHead {

  public static final int ID = 1;

  /**
   * The head, read and locked for an append, in one statement: EclipseLink prepares a locking
   * {@code find} or JPQL query again on every call, which cost more than the statement itself.
   * Within one transaction the head is the instance its first append read (and advanced).
   */
  public static final String FOR_APPEND = "AuditChainHead.forAppend";

  @Id
  @Column(name = "id")
  private int id;

  @Column(name = "last_entry_id", nullable = false)
  private long lastEntryId;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  protected AuditChainHead() {}

  public long nextId() {
    return lastEntryId + 1;
  }

  public long lastEntryId() {
    return lastEntryId;
  }

  public String lastHash() {
    return lastHash;
  }

  public void advanceTo(AuditEntry entry) {
    if (entry.id() != lastEntryId + 1 || !entry.previousHash().equals(lastHash)) {
      throw new IllegalStateException("audit entry does not follow the chain head");
    }
    lastEntryId = entry.id();
    lastHash = entry.entryHash();
  }
}
