package org.traza.stockpile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/** A count of one location: OPEN while items are scanned, CLOSED once reconciled, SIGNED_OFF. */
@Entity
@Table(name = "stock_count")
public class StockCount {

  /** The lifecycle of a count. */
  public enum Status {
    OPEN,
    CLOSED,
    SIGNED_OFF
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "location_id", nullable = false, updatable = false)
  private long locationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private Status status;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "opened_by", nullable = false, updatable = false, length = 64)
  @Size(max = 64)
  private String openedBy;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closed_by", length = 64)
  @Size(max = 64)
  private String closedBy;

  @Column(name = "expected_count")
  private Integer expectedCount;

  @Column(name = "found_count")
  private Integer foundCount;

  @Column(name = "signed_off_at")
  private Instant signedOffAt;

  @Column(name = "signed_off_by", length = 64)
  @Size(max = 64)
  private String signedOffBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected StockCount() {}

  public StockCount(long locationId, Instant now, String counter) {
    this.locationId = locationId;
    this.status = Status.OPEN;
    this.openedAt = now;
    this.openedBy = counter;
  }

  public void requireOpen() {
    if (status != Status.OPEN) {
      throw new ProblemException(
              ProblemType.CONFLICT,
              "Stock count " + id + " is " + status + "; it takes no more scans.")
          .with("currentStatus", status.name());
    }
  }

  public void close(int expected, int found, Instant now, String actor) {
    requireOpen();
    status = Status.CLOSED;
    expectedCount = expected;
    foundCount = found;
    closedAt = now;
    closedBy = actor;
  }

  /**
   * The second pair of eyes (ISACS 05.20): a supervisor who took no part in the count, that is who
   * neither opened it, scanned in it nor closed it. Open discrepancy cases do not block the
   * sign-off: the signed count is the report that names them, and each case stays open until it is
   * resolved on its own.
   *
   * @param counters everyone who recorded a scan in this count
   */
  public void signOff(Instant now, String supervisor, java.util.Set<String> counters) {
    if (status != Status.CLOSED) {
      throw new ProblemException(
              ProblemType.CONFLICT,
              "Stock count " + id + " is " + status + "; only a closed count is signed off.")
          .with("currentStatus", status.name());
    }
    String role =
        supervisor.equals(openedBy)
            ? "opened"
            : counters.contains(supervisor)
                ? "scanned in"
                : supervisor.equals(closedBy) ? "closed" : null;
    if (role != null) {
      throw new ProblemException(
              ProblemType.SEGREGATION_OF_DUTIES,
              supervisor
                  + " "
                  + role
                  + " stock count "
                  + id
                  + " and cannot also sign it off; a supervisor who took no part in the count"
                  + " must.")
          .with("openedBy", openedBy)
          .with("closedBy", closedBy)
          .with("countedBy", new java.util.TreeSet<>(counters));
    }
    status = Status.SIGNED_OFF;
    signedOffAt = now;
    signedOffBy = supervisor;
  }

  public Long id() {
    return id;
  }

  public long locationId() {
    return locationId;
  }

  public Status status() {
    return status;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public String openedBy() {
    return openedBy;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public String closedBy() {
    return closedBy;
  }

  public Integer expectedCount() {
    return expectedCount;
  }

  public Integer foundCount() {
    return foundCount;
  }

  public Instant signedOffAt() {
    return signedOffAt;
  }

  public String signedOffBy() {
    return signedOffBy;
  }
}
