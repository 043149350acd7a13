package org.traza.destruction.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/**
 * An order to destroy a set of firearms: created by one supervisor, approved by another, executed
 * at a site where each firearm is scanned, completed with its method, witnesses and photos. The
 * lifecycle is PENDING_APPROVAL → APPROVED → COMPLETED, or → CANCELLED before completion.
 */
@Entity
@Table(name = "destruction_order")
public class DestructionOrder {

  /** The lifecycle of an order. */
  public enum Status {
    PENDING_APPROVAL,
    APPROVED,
    COMPLETED,
    CANCELLED
  }

  /** What a scan at the site found. */
  public enum ScanOutcome {
    /** on this order, now checked */
    ON_ORDER,
    /** on this order and scanned before */
    DUPLICATE,
    /** a firearm that is not on this order */
    NOT_ON_ORDER,
    /** a firearm already destroyed */
    ALREADY_DESTROYED,
    /** a symbol that designates no firearm */
    UNKNOWN
  }

  public static final int MIN_WITNESSES = 2;
  public static final int TEXT_MAX = 500;
  public static final int SHORT_MAX = 200;
  public static final int NOTES_MAX = 2000;
  public static final int MAX_FIREARMS = 5000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_number", nullable = false, length = 30)
  @Size(max = 30)
  private String number;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private Status status;

  @Column(name = "reason", nullable = false, updatable = false, length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String reason;

  @Column(name = "legal_authority", nullable = false, updatable = false, length = SHORT_MAX)
  @Size(max = SHORT_MAX)
  private String legalAuthority;

  @Column(name = "legal_reference", nullable = false, updatable = false, length = SHORT_MAX)
  @Size(max = SHORT_MAX)
  private String legalReference;

  @Column(name = "planned_method", nullable = false, updatable = false, length = 30)
  @Size(max = 30)
  private String plannedMethod;

  @Column(name = "site", nullable = false, updatable = false, length = SHORT_MAX)
  @Size(max = SHORT_MAX)
  private String site;

  @Column(name = "planned_date", nullable = false, updatable = false)
  private LocalDate plannedDate;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String createdBy;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "approved_by", length = 64)
  @Size(max = 64)
  private String approvedBy;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "cancelled_by", length = 64)
  @Size(max = 64)
  private String cancelledBy;

  @Column(name = "cancel_reason", length = TEXT_MAX)
  @Size(max = TEXT_MAX)
  private String cancelReason;

  @Column(name = "method", length = 30)
  @Size(max = 30)
  private String method;

  @Column(name = "executed_at")
  private Instant executedAt;

  @Column(name = "operator_name", length = SHORT_MAX)
  @Size(max = SHORT_MAX)
  private String operator;

  @Column(name = "notes", length = NOTES_MAX)
  @Size(max = NOTES_MAX)
  private String notes;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "completed_by", length = 64)
  @Size(max = 64)
  private String completedBy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "destruction_order_item", joinColumns = @JoinColumn(name = "order_id"))
  private List<OrderItem> items = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "destruction_witness", joinColumns = @JoinColumn(name = "order_id"))
  @OrderColumn(name = "ordinal")
  private List<Witness> witnesses = new ArrayList<>();

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected DestructionOrder() {}

  /** What a supervisor asks for. */
  public record Request(
      Set<Long> firearmIds,
      String reason,
      String legalAuthority,
      String legalReference,
      String plannedMethod,
      String site,
      LocalDate plannedDate) {}

  public DestructionOrder(String number, Request r, Instant now, String actor) {
    if (r.firearmIds() == null || r.firearmIds().isEmpty()) {
      throw ProblemException.invalid("firearmIds", "name at least one firearm");
    }
    if (r.firearmIds().size() > MAX_FIREARMS) {
      throw ProblemException.invalid("firearmIds", "at most " + MAX_FIREARMS + " per order");
    }
    this.number = Objects.requireNonNull(number);
    this.status = Status.PENDING_APPROVAL;
    this.reason = required("reason", r.reason(), TEXT_MAX);
    this.legalAuthority = required("legalAuthority", r.legalAuthority(), SHORT_MAX);
    this.legalReference = required("legalReference", r.legalReference(), SHORT_MAX);
    this.plannedMethod = required("plannedMethod", r.plannedMethod(), 30);
    this.site = required("site", r.site(), SHORT_MAX);
    if (r.plannedDate() == null) {
      throw ProblemException.invalid("plannedDate", "required (YYYY-MM-DD)");
    }
    this.plannedDate = r.plannedDate();
    new LinkedHashSet<>(r.firearmIds()).forEach(id -> items.add(new OrderItem(id)));
    this.createdAt = now;
    this.createdBy = actor;
  }

  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalid(field, "required");
    }
    if (value.length() > max) {
      throw ProblemException.invalid(field, "at most " + max + " characters");
    }
    return value.trim();
  }

  /** Gives the order its number once its id is known (DO-year-id). */
  public void numbered(String assigned) {
    if (!number.startsWith("pending-")) {
      throw new IllegalStateException("order " + number + " is numbered already");
    }
    number = assigned;
  }

  /** Four eyes: whoever created the order can never approve it. */
  public void approve(Instant now, String actor) {
    require(Status.PENDING_APPROVAL, "approved");
    if (createdBy.equals(actor)) {
      throw new ProblemException(
              ProblemType.CONFLICT,
              "Order "
                  + number
                  + " was created by "
                  + actor
                  + "; another supervisor or an administrator must approve it.")
          .with("createdBy", createdBy);
    }
    status = Status.APPROVED;
    approvedAt = now;
    approvedBy = actor;
  }

  /** Cancels before completion; an approved order's firearms go back to SURPLUS (by the caller). */
  public Status cancel(String why, Instant now, String actor) {
    if (status != Status.PENDING_APPROVAL && status != Status.APPROVED) {
      throw illegal("cancelled");
    }
    String reasonGiven = required("reason", why, TEXT_MAX);
    Status before = status;
    status = Status.CANCELLED;
    cancelReason = reasonGiven;
    cancelledAt = now;
    cancelledBy = actor;
    return before;
  }

  /**
   * What a scan of {@code firearmId} at the site means for this order (null: the symbol named no
   * firearm); the firearm is checked off when it is on the order.
   */
  public ScanOutcome scan(Long firearmId, boolean destroyed, Instant now, String actor) {
    require(Status.APPROVED, "scanned");
    if (firearmId == null) {
      return ScanOutcome.UNKNOWN;
    }
    if (destroyed) {
      return ScanOutcome.ALREADY_DESTROYED;
    }
    Optional<OrderItem> item = item(firearmId);
    if (item.isEmpty()) {
      return ScanOutcome.NOT_ON_ORDER;
    }
    if (item.get().isScanned()) {
      return ScanOutcome.DUPLICATE;
    }
    item.get().scanned(now, actor);
    return ScanOutcome.ON_ORDER;
  }

  /** What the destruction was: checked here before the firearms are destroyed. */
  public record Execution(
      String method, Instant executedAt, String operator, List<Witness> witnesses, String notes) {}

  public void complete(Execution x, Instant now, String actor) {
    require(Status.APPROVED, "completed");
    if (x.executedAt() == null) {
      throw ProblemException.invalid("executedAt", "required");
    }
    if (x.executedAt().isAfter(now.plusSeconds(300))) {
      throw ProblemException.invalid("executedAt", "is in the future");
    }
    String op = required("operator", x.operator(), SHORT_MAX);
    if (x.witnesses() == null || x.witnesses().size() < MIN_WITNESSES) {
      throw ProblemException.invalid(
          "witnesses", "at least " + MIN_WITNESSES + " witnesses (name, organisation, role)");
    }
    if (x.notes() != null && x.notes().length() > NOTES_MAX) {
      throw ProblemException.invalid("notes", "at most " + NOTES_MAX + " characters");
    }
    List<Long> missing = unscanned();
    if (!missing.isEmpty()) {
      throw new ProblemException(
              ProblemType.CONFLICT,
              missing.size()
                  + " firearm(s) on order "
                  + number
                  + " were not scanned at the site: "
                  + (missing.size() > 20 ? missing.subList(0, 20) + "…" : missing)
                  + ". Scan them, or cancel the order and issue a new one without them.")
          .with("missing", missing);
    }
    status = Status.COMPLETED;
    method = x.method();
    executedAt = x.executedAt();
    operator = op;
    witnesses.clear();
    witnesses.addAll(x.witnesses());
    notes = x.notes();
    completedAt = now;
    completedBy = actor;
  }

  public List<Long> unscanned() {
    return items.stream().filter(i -> !i.isScanned()).map(OrderItem::firearmId).toList();
  }

  public Optional<OrderItem> item(long firearmId) {
    return items.stream().filter(i -> i.firearmId() == firearmId).findFirst();
  }

  private void require(Status expected, String what) {
    if (status != expected) {
      throw illegal(what);
    }
  }

  private ProblemException illegal(String what) {
    return new ProblemException(
            ProblemType.CONFLICT,
            "Order " + number + " is " + status + " and cannot be " + what + ".")
        .with("currentStatus", status.name());
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public Status status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String legalAuthority() {
    return legalAuthority;
  }

  public String legalReference() {
    return legalReference;
  }

  public String plannedMethod() {
    return plannedMethod;
  }

  public String site() {
    return site;
  }

  public LocalDate plannedDate() {
    return plannedDate;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant approvedAt() {
    return approvedAt;
  }

  public String approvedBy() {
    return approvedBy;
  }

  public Instant cancelledAt() {
    return cancelledAt;
  }

  public String cancelledBy() {
    return cancelledBy;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public String method() {
    return method;
  }

  public Instant executedAt() {
    return executedAt;
  }

  public String operator() {
    return operator;
  }

  public String notes() {
    return notes;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public String completedBy() {
    return completedBy;
  }

  public List<OrderItem> items() {
    return Collections.unmodifiableList(items);
  }

  public List<Long> firearmIds() {
    return items.stream().map(OrderItem::firearmId).toList();
  }

  public List<Witness> witnesses() {
    return Collections.unmodifiableList(witnesses);
  }
}
