package org.traza.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.traza.audit.entity.AuditChainHead;
import org.traza.audit.entity.AuditEntry;
import org.traza.audit.entity.Checkpoint;
import org.traza.audit.entity.CheckpointNote;
import org.traza.audit.entity.SignedNote;
import org.traza.custody.boundary.CustodyDirectory;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/**
 * Signed checkpoints of the audit log and the custody ledger: taken on demand or on a schedule,
 * kept insert-only, and verified against the database as it is now.
 *
 * <p>A checkpoint is read in one transaction, so on MariaDB (REPEATABLE READ) the audit chain heads
 * and the custody heads come from one snapshot; a custody event and its audit entry commit
 * together, so the two halves agree.
 */
@ApplicationScoped
public class Checkpoints {

  /** How many findings a verification lists; it counts them all. */
  public static final int REPORTED_FINDINGS = 200;

  @PersistenceContext EntityManager em;
  @Inject CheckpointKey key;
  @Inject AuditTrail trail;
  @Inject CustodyDirectory custody;
  @Inject Clock clock;
  @Inject RequestContext request;
  @Inject BeanManager beans;
  @Inject Event<ActionPerformed> actions;
  @Inject Checkpoints self;

  /** One taker at a time in this server; the primary key stops two servers numbering alike. */
  private final ReentrantLock taking = new ReentrantLock();

  /** Takes a checkpoint now, signed and stored, and records who asked in the audit log. */
  public Checkpoint take() {
    taking.lock();
    try {
      return self.write(false).orElseThrow();
    } finally {
      taking.unlock();
    }
  }

  /**
   * Takes a scheduled checkpoint, unless nothing changed since the last one. Not audited: the
   * checkpoint row is the record, and an audit entry per checkpoint would change the log each time,
   * so an idle log would never stop being checkpointed.
   */
  public Optional<Checkpoint> takeScheduled() {
    if (!taking.tryLock()) {
      return Optional.empty();
    }
    try {
      return self.write(true);
    } finally {
      taking.unlock();
    }
  }

  /** Reads the state, signs it and stores it, in a transaction of its own (one snapshot). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Checkpoint> write(boolean scheduled) {
    Optional<Checkpoint> previous = latest();
    List<CheckpointNote.ChainHead> chains =
        trail.heads().stream()
            .map(h -> new CheckpointNote.ChainHead(h.chain(), h.lastSeq(), h.lastHash()))
            .toList();
    CustodyDirectory.LedgerState ledger = custody.ledgerState();
    CheckpointNote.Custody custodyState =
        new CheckpointNote.Custody(ledger.events(), ledger.firearms(), ledger.root());
    if (scheduled
        && previous.isPresent()
        && previous.get().rootHash().equals(CheckpointNote.root(chains, custodyState))) {
      return Optional.empty();
    }
    CheckpointNote body =
        CheckpointNote.of(
            key.origin(),
            previous.map(Checkpoint::number).orElse(0L) + 1,
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            previous.map(Checkpoint::noteHash).orElse(CheckpointNote.NONE),
            chains,
            custodyState);
    String actor = scheduled || !inRequest() ? "system" : request.actor();
    Checkpoint checkpoint =
        new Checkpoint(body, key.sign(body.text()), key.name(), key.keyId(), actor);
    em.persist(checkpoint);
    em.flush();
    if (!scheduled) {
      actions.fire(
          ActionPerformed.of(
              AuditAction.CHECKPOINT_TAKEN,
              body.number(),
              "tree size "
                  + body.treeSize()
                  + " custody events "
                  + ledger.events()
                  + " note "
                  + checkpoint.noteHash()));
    }
    return Optional.of(checkpoint);
  }

  public Optional<Checkpoint> latest() {
    return em
        .createQuery("SELECT c FROM Checkpoint c ORDER BY c.number DESC", Checkpoint.class)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }

  public Optional<Checkpoint> find(long number) {
    return Optional.ofNullable(em.find(Checkpoint.class, number));
  }

  /** Checkpoints newest first, before number {@code before} when given. */
  public List<Checkpoint> list(Long before, int limit) {
    return em.createQuery(
            "SELECT c FROM Checkpoint c WHERE c.number < :before ORDER BY c.number DESC",
            Checkpoint.class)
        .setParameter("before", before == null ? Long.MAX_VALUE : before)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count() {
    return em.createQuery("SELECT COUNT(c) FROM Checkpoint c", Long.class).getSingleResult();
  }

  /** One thing a verification found: which check, about what, and what is wrong. */
  public record Finding(String check, String subject, String problem) {}

  /**
   * The outcome of verifying the database against a checkpoint: {@code valid} when the signature
   * holds and nothing was found; every finding otherwise (the first {@value #REPORTED_FINDINGS}
   * listed, all counted).
   */
  public record Verification(
      boolean valid,
      long checkpoint,
      String origin,
      long treeSize,
      Instant time,
      boolean signatureValid,
      List<String> checks,
      long findingsFound,
      List<Finding> findings) {}

  /** The checks a verification runs, in order. */
  public static final List<String> CHECKS =
      List.of(
          "signature",
          "note",
          "stored",
          "sequence",
          "audit-checkpoint",
          "audit-log",
          "custody-checkpoint",
          "custody-ledger");

  private static final class Findings {
    final List<Finding> kept = new ArrayList<>();
    long found;

    void add(String check, String subject, String problem) {
      found++;
      if (kept.size() < REPORTED_FINDINGS) {
        kept.add(new Finding(check, subject, problem));
      }
    }
  }

  /** Verifies the stored checkpoint {@code number}. */
  public Verification verify(long number) {
    Checkpoint c = find(number).orElseThrow(() -> ProblemException.notFound("checkpoint", number));
    return self.verify(c.note());
  }

  /**
   * Verifies the database against a signed checkpoint note (one the auditor kept, or a stored one):
   * its signature with this server's public key; that its root matches its lines; that the stored
   * copy and its neighbours agree with it; that every audit chain still holds, at the position the
   * checkpoint recorded, the entry with the hash it recorded, and is intact from there to its head
   * today; and that every custody event the audit log had recorded by then is still stored
   * unchanged and the custody chains are intact. Every finding is reported.
   */
  @Transactional
  public Verification verify(String note) {
    SignedNote.Opened opened;
    CheckpointNote body;
    try {
      opened = SignedNote.open(note);
      body = CheckpointNote.parse(opened.text());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          ProblemType.VALIDATION_FAILED,
          "The request has an invalid field: note.",
          List.of(
              new ProblemException.Violation(
                  "note", "not a Traza checkpoint signed note: " + e.getMessage())));
    }
    Findings f = new Findings();
    String subject = "checkpoint " + body.number();
    boolean signed = SignedNote.verify(opened, key.name(), key.publicKey());
    if (!signed) {
      f.add(
          "signature",
          subject,
          "no valid signature by key "
              + key.name()
              + " ("
              + key.keyId()
              + "): the note was changed after signing, or signed by another key");
    }
    if (!body.origin().equals(key.origin())) {
      f.add("note", subject, "its origin is " + body.origin() + ", not " + key.origin());
    }
    if (!body.consistent()) {
      f.add(
          "note", subject, "its tree size or root hash does not match its chain and custody lines");
    }
    storedCopies(body, note, f);
    auditAgainst(body, f);
    AuditTrail.Verification log = trail.verify();
    for (AuditTrail.Break b : log.breaks()) {
      f.add(
          "audit-log",
          "chain " + b.chain() + " position " + b.position(),
          (b.entryId() == null ? "" : "entry " + b.entryId() + ": ") + b.problem());
    }
    unlisted(f, "audit-log", log.breaksFound() - log.breaks().size());
    CustodyDirectory.LedgerCheck then =
        custody.verifyAgainst(
            body.positions(),
            new CustodyDirectory.LedgerState(
                body.custody().events(), body.custody().firearms(), body.custody().root()));
    custodyFindings(f, "custody-checkpoint", then);
    custodyFindings(f, "custody-ledger", custody.verifyLedger());
    actions.fire(
        ActionPerformed.of(
            AuditAction.CHECKPOINT_VERIFIED,
            body.number(),
            (signed && f.found == 0 ? "valid" : "not valid") + ", findings " + f.found));
    return new Verification(
        signed && f.found == 0,
        body.number(),
        body.origin(),
        body.treeSize(),
        body.time(),
        signed,
        CHECKS,
        f.found,
        f.kept);
  }

  /** The stored checkpoint of the same number, and its neighbours' links to it. */
  private void storedCopies(CheckpointNote body, String note, Findings f) {
    String subject = "checkpoint " + body.number();
    String hash = Checkpoint.hashOf(note);
    Optional<Checkpoint> stored = find(body.number());
    if (stored.isEmpty()) {
      f.add("stored", subject, "checkpoint " + body.number() + " is not stored (any more)");
    } else if (!stored.get().note().equals(note)) {
      f.add(
          "stored",
          subject,
          "the stored checkpoint "
              + body.number()
              + " is not the one presented (note hash "
              + stored.get().noteHash()
              + " instead of "
              + hash
              + ")");
    }
    if (body.number() > 1) {
      find(body.number() - 1)
          .filter(p -> !p.noteHash().equals(body.previous()))
          .ifPresent(
              p ->
                  f.add(
                      "sequence",
                      "checkpoint " + p.number(),
                      "the checkpoint names previous note hash "
                          + body.previous()
                          + " but stored checkpoint "
                          + p.number()
                          + " hashes to "
                          + p.noteHash()));
    }
    find(body.number() + 1)
        .filter(n -> !n.previousHash().equals(hash))
        .ifPresent(
            n ->
                f.add(
                    "sequence",
                    "checkpoint " + n.number(),
                    "stored checkpoint "
                        + n.number()
                        + " names previous note hash "
                        + n.previousHash()
                        + ", not this checkpoint's "
                        + hash));
  }

  /** Each chain still holds, at the checkpoint's position, the entry the checkpoint recorded. */
  private void auditAgainst(CheckpointNote body, Findings f) {
    Map<Integer, AuditChainHead> heads =
        trail.heads().stream()
            .collect(Collectors.toMap(AuditChainHead::chain, Function.identity()));
    for (CheckpointNote.ChainHead c : body.chains()) {
      String subject = "chain " + c.chain() + " position " + c.position();
      AuditChainHead head = heads.get(c.chain());
      if (head == null) {
        f.add("audit-checkpoint", subject, "chain " + c.chain() + " has no head any more");
        continue;
      }
      if (c.position() == 0) {
        continue;
      }
      if (head.lastSeq() < c.position()) {
        f.add(
            "audit-checkpoint",
            subject,
            "chain "
                + c.chain()
                + " now ends at position "
                + head.lastSeq()
                + ", before the checkpoint's position "
                + c.position()
                + ": entries were cut from its end and its head rewound");
      }
      Optional<AuditEntry> entry = trail.entryAt(c.chain(), c.position());
      if (entry.isEmpty()) {
        f.add(
            "audit-checkpoint",
            subject,
            "the entry at position "
                + c.position()
                + " of chain "
                + c.chain()
                + ", recorded by the checkpoint with hash "
                + c.hash()
                + ", is missing");
      } else if (!entry.get().entryHash().equals(c.hash())) {
        f.add(
            "audit-checkpoint",
            subject,
            "entry "
                + entry.get().id()
                + " at position "
                + c.position()
                + " of chain "
                + c.chain()
                + " is not the one the checkpoint recorded (hash "
                + entry.get().entryHash()
                + " instead of "
                + c.hash()
                + "): the chain's history up to there was replaced");
      }
    }
  }

  private static void custodyFindings(
      Findings f, String check, CustodyDirectory.LedgerCheck result) {
    for (CustodyDirectory.LedgerBreak b : result.breaks()) {
      f.add(
          check,
          b.firearmId() == 0 ? "custody ledger" : "firearm " + b.firearmId() + " event " + b.seq(),
          b.problem());
    }
    unlisted(f, check, result.breaksFound() - result.breaks().size());
  }

  /** Breaks a check found beyond those it listed: counted, not named. */
  private static void unlisted(Findings f, String check, long more) {
    f.found += Math.max(0, more);
  }

  private boolean inRequest() {
    try {
      return beans.getContext(RequestScoped.class).isActive();
    } catch (ContextNotActiveException e) {
      return false;
    }
  }
}
