package org.traza.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQueries;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;

/**
 * Where one of the audit log's chains ends. An append locks a head until its transaction commits,
 * which orders the entries of that chain and keeps their positions gapless; verification compares
 * each head with the last entry of its chain, so a truncated tail is detected too.
 *
 * <p>There are several chains (sixteen, one row each) so that concurrent transactions do not queue
 * for a single row: an append takes a head no other transaction holds.
 */
@Entity
@Table(name = "audit_chain_head")
@NamedNativeQueries({
  @NamedNativeQuery(
      name = AuditChainHead.ANY_FREE_FOR_APPEND,
      query = "SELECT * FROM audit_chain_head ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
      resultClass = AuditChainHead.class),
  @NamedNativeQuery(
      name = AuditChainHead.FOR_APPEND,
      query = "SELECT * FROM audit_chain_head WHERE id = ?1 FOR UPDATE",
      resultClass = AuditChainHead.class)
})
public class AuditChainHead {

  /** The chain that the entries written before the log had several chains begin. */
  public static final int FIRST_CHAIN = 1;

  /**
   * The lowest-numbered head that no other transaction holds, read and locked in one statement;
   * none when every head is held. (EclipseLink prepares a locking {@code find} or JPQL query again
   * on every call, which cost more than the statement itself.)
   */
  public static final String ANY_FREE_FOR_APPEND = "AuditChainHead.anyFreeForAppend";

  /** One given head, read and locked, waiting for it if it is held. */
  public static final String FOR_APPEND = "AuditChainHead.forAppend";

  @Id
  @Column(name = "id")
  private int chain;

  @Column(name = "last_seq", nullable = false)
  private long lastSeq;

  @Column(name = "last_hash", nullable = false, length = 64)
  @Size(max = 64)
  private String lastHash;

  protected AuditChainHead() {}

  /** The genesis of chain {@code chain}: no entry yet. */
  public static AuditChainHead genesis(int chain) {
    AuditChainHead head = new AuditChainHead();
    head.chain = chain;
    head.lastHash = AuditEntry.GENESIS_HASH;
    return head;
  }

  public int chain() {
    return chain;
  }

  public long lastSeq() {
    return lastSeq;
  }

  public String lastHash() {
    return lastHash;
  }

  /** The entry that extends this chain: at the next position, bound to the last hash. */
  public AuditEntry.Position nextPosition() {
    return new AuditEntry.Position(chain, lastSeq + 1, lastHash);
  }

  public void advanceTo(AuditEntry entry) {
    if (entry.chain() != chain
        || entry.position() != lastSeq + 1
        || !entry.previousHash().equals(lastHash)) {
      throw new IllegalStateException("audit entry does not follow the chain head");
    }
    lastSeq = entry.position();
    lastHash = entry.entryHash();
  }
}
