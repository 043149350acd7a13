package org.traza.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.traza.platform.control.Confinement;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.registry.entity.Firearm;
import org.traza.registry.entity.FirearmMarking;
import org.traza.registry.entity.Make;
import org.traza.registry.entity.SerialNumber;

/** Registers, corrects and voids firearm records, one transaction each, audited inside it. */
@ApplicationScoped
public class FirearmRegistry {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<ActionPerformed> actions;
  @Inject Confinement confinement;

  /**
   * The firearm, its row locked until the transaction ends: custody actions on one firearm happen
   * one after the other, and the second sees the first's outcome. Not confined here: the custody
   * ledger decides the armoury rule on the transition itself (a transfer is received at the armoury
   * it was sent to, a misdelivery opens a case).
   */
  public Optional<Firearm> findForUpdate(long id) {
    // One SELECT ... FOR UPDATE (see Firearm.FOR_UPDATE). As with em.find, a firearm this
    // transaction had already read comes back as that instance: one instance per row.
    @SuppressWarnings("unchecked")
    List<Firearm> locked =
        em.createNamedQuery(Firearm.FOR_UPDATE).setParameter(1, id).getResultList();
    return locked.stream().findFirst();
  }

  /**
   * The firearm, when it is within the current request's armoury; a firearm recorded at another
   * armoury is refused (403 outside-armoury) here, where it is loaded, for every caller.
   */
  public Optional<Firearm> find(long id) {
    Optional<Firearm> found = findAnywhere(id);
    found.ifPresent(f -> confinement.require(f.locationId(), "This firearm"));
    return found;
  }

  /**
   * The firearm wherever it is recorded: only for the rules that look across armouries on purpose
   * (a stock count that finds another armoury's weapon, the sighting of a destroyed one).
   */
  public Optional<Firearm> findAnywhere(long id) {
    return Optional.ofNullable(em.find(Firearm.class, id));
  }

  /** Refuses the whole list when one of {@code firearms} is outside the request's armoury. */
  public List<Firearm> requireWithin(List<Firearm> firearms) {
    for (Firearm f : firearms) {
      confinement.require(f.locationId(), "This firearm");
    }
    return firearms;
  }

  public Firearm existing(long id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("firearm", id));
  }

  /** The live record with this make and normalised serial, if any. */
  public Optional<Firearm> liveByMakeAndSerial(Make make, SerialNumber serial) {
    return em.createQuery(
            "SELECT f FROM Firearm f WHERE f.make = :make AND f.serial.normalized = :serial"
                + " AND f.live = 1",
            Firearm.class)
        .setParameter("make", make)
        .setParameter("serial", serial.normalized())
        .getResultStream()
        .findFirst();
  }

  @Transactional
  public Firearm register(
      Firearm.Description description, List<FirearmMarking.Spec> marks, String actor) {
    rejectDuplicate(description, null);
    Firearm firearm = new Firearm(description, marks, clock.instant(), actor);
    em.persist(firearm);
    em.flush();
    actions.fire(
        ActionPerformed.of(
            AuditAction.FIREARM_REGISTERED,
            firearm.id(),
            firearm.make().code() + " " + firearm.model() + " serial " + firearm.serial()));
    return firearm;
  }

  /**
   * Applies {@code correction} to the current description, inside the transaction, when {@code
   * expectedVersion} is still current. Changing an identity field needs {@code supervisor}.
   */
  @Transactional
  public Firearm correct(
      long id,
      long expectedVersion,
      UnaryOperator<Firearm.Description> correction,
      String reason,
      boolean supervisor,
      String actor) {
    Firearm firearm = existing(id);
    if (firearm.version() != expectedVersion) {
      throw new ProblemException(
              ProblemType.PRECONDITION_FAILED,
              "Firearm "
                  + id
                  + " is at version "
                  + firearm.version()
                  + ", not "
                  + expectedVersion
                  + "; read it again and reapply the correction.")
          .with("currentVersion", firearm.version());
    }
    Firearm.Description before = firearm.description();
    Firearm.Description corrected = correction.apply(before);
    boolean identityChanges =
        !Objects.equals(before.make().id(), corrected.make() == null ? null : corrected.make().id())
            || !Objects.equals(
                before.serial().asMarked(),
                corrected.serial() == null ? null : corrected.serial().asMarked());
    if (identityChanges && !supervisor) {
      throw new ProblemException(
          ProblemType.FORBIDDEN, "Correcting serialNumber or make needs the SUPERVISOR role.");
    }
    if (identityChanges) {
      rejectDuplicate(corrected, firearm.id());
    }
    List<String> changed = firearm.correct(corrected, reason, clock.instant(), actor);
    if (changed.isEmpty()) {
      throw ProblemException.invalid("body", "the correction changes no field");
    }
    em.flush();
    actions.fire(
        ActionPerformed.of(
            AuditAction.FIREARM_CORRECTED, id, "fields " + changed + "; reason: " + reason));
    return firearm;
  }

  @Transactional
  public Firearm voidRecord(long id, String reason, String actor) {
    Firearm firearm = existing(id);
    firearm.voidRecord(reason, clock.instant(), actor);
    em.flush();
    actions.fire(ActionPerformed.of(AuditAction.FIREARM_VOIDED, id, "reason: " + reason));
    return firearm;
  }

  @Transactional
  public FirearmMarking addMarking(long id, FirearmMarking.Spec spec, String actor) {
    Firearm firearm = existing(id);
    FirearmMarking marking = firearm.addMarking(spec, clock.instant(), actor);
    em.flush();
    actions.fire(
        ActionPerformed.of(
            AuditAction.MARKING_RECORDED,
            id,
            spec.kind() + " at " + spec.location() + ": " + spec.text()));
    return marking;
  }

  /**
   * Lets the auditor see that an investigator looked at a record (ITI and CIFTA confidentiality).
   */
  @Transactional
  public void recordRead(AuditAction action, String targetId, String detail) {
    actions.fire(ActionPerformed.of(action, targetId, detail));
  }

  private void rejectDuplicate(Firearm.Description d, Long self) {
    if (d.make() == null || d.serial() == null) {
      return;
    }
    liveByMakeAndSerial(d.make(), d.serial())
        .filter(existing -> !existing.id().equals(self))
        .ifPresent(
            existing -> {
              throw new ProblemException(
                      ProblemType.DUPLICATE_FIREARM,
                      "A "
                          + d.make().name()
                          + " firearm with serial "
                          + existing.serial().asMarked()
                          + " is already registered as firearm "
                          + existing.id()
                          + ".")
                  .with("existing", "/api/firearms/" + existing.id());
            });
  }
}
