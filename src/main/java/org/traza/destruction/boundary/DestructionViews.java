package org.traza.destruction.boundary;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.traza.destruction.entity.DestructionCertificate;
import org.traza.destruction.entity.DestructionOrder;
import org.traza.destruction.entity.DestructionScan;
import org.traza.destruction.entity.Witness;

/** Request bodies and JSON views of the destruction API. */
public final class DestructionViews {

  private DestructionViews() {}

  /** A new order. */
  public static class OrderRequest {
    public List<Long> firearmIds;

    @Size(max = DestructionOrder.TEXT_MAX)
    public String reason;

    @Size(max = DestructionOrder.SHORT_MAX)
    public String legalAuthority;

    @Size(max = DestructionOrder.SHORT_MAX)
    public String legalReference;

    @Size(max = 30)
    public String plannedMethod;

    @Size(max = DestructionOrder.SHORT_MAX)
    public String site;

    /** YYYY-MM-DD */
    @Size(max = 40)
    public String plannedDate;
  }

  /** Why an order is cancelled. */
  public static class CancelRequest {
    @Size(max = DestructionOrder.TEXT_MAX)
    public String reason;
  }

  /** One scan at the site: the marking's text or the registry number. */
  public static class ScanRequest {
    @Size(max = DestructionScan.TEXT_MAX)
    public String scannedText;

    public Long firearmId;

    @Size(max = 64)
    public String station;

    /**
     * Optional, unique per scan (a station's UUID): a retry finds the scan instead of repeating it.
     */
    @Size(max = 100)
    public String idempotencyKey;
  }

  /** A witness of the destruction. */
  public static class WitnessRequest {
    @Size(max = Witness.TEXT_MAX)
    public String name;

    @Size(max = Witness.TEXT_MAX)
    public String organisation;

    @Size(max = Witness.TEXT_MAX)
    public String role;

    public boolean independent;
  }

  /** How the destruction was done. */
  public static class CompleteRequest {
    @Size(max = 30)
    public String method;

    public Instant executedAt;

    @Size(max = DestructionOrder.SHORT_MAX)
    public String operator;

    public List<WitnessRequest> witnesses;

    @Size(max = DestructionOrder.NOTES_MAX)
    public String notes;
  }

  public record ItemView(long firearmId, Instant scannedAt, String scannedBy) {}

  public record WitnessView(String name, String organisation, String role, boolean independent) {}

  public record OrderView(
      long id,
      String number,
      String status,
      String reason,
      String legalAuthority,
      String legalReference,
      String plannedMethod,
      String site,
      LocalDate plannedDate,
      Instant createdAt,
      String createdBy,
      Instant approvedAt,
      String approvedBy,
      Instant cancelledAt,
      String cancelledBy,
      String cancelReason,
      String method,
      Instant executedAt,
      String operator,
      String notes,
      Instant completedAt,
      String completedBy,
      int firearms,
      int scanned,
      List<ItemView> items,
      List<WitnessView> witnesses,
      String certificate) {
    static OrderView of(DestructionOrder o, String certificate) {
      return new OrderView(
          o.id(),
          o.number(),
          o.status().name(),
          o.reason(),
          o.legalAuthority(),
          o.legalReference(),
          o.plannedMethod(),
          o.site(),
          o.plannedDate(),
          o.createdAt(),
          o.createdBy(),
          o.approvedAt(),
          o.approvedBy(),
          o.cancelledAt(),
          o.cancelledBy(),
          o.cancelReason(),
          o.method(),
          o.executedAt(),
          o.operator(),
          o.notes(),
          o.completedAt(),
          o.completedBy(),
          o.items().size(),
          (int) o.items().stream().filter(i -> i.isScanned()).count(),
          o.items().stream()
              .map(i -> new ItemView(i.firearmId(), i.scannedAt(), i.scannedBy()))
              .toList(),
          o.witnesses().stream()
              .map(w -> new WitnessView(w.name(), w.organisation(), w.role(), w.independent()))
              .toList(),
          certificate);
    }
  }

  public record ScanView(
      long id, String scannedText, Long firearmId, String outcome, Instant scannedAt, String by) {
    static ScanView of(DestructionScan s) {
      return new ScanView(
          s.id(), s.scannedText(), s.firearmId(), s.outcome().name(), s.scannedAt(), s.scannedBy());
    }
  }

  public record PhotoView(
      long id, String stage, String mediaType, String sha256, long sizeBytes, Instant takenAt) {}

  public record CertificateView(
      String number,
      long orderId,
      Instant issuedAt,
      String issuedBy,
      String manifestSha256,
      String pdfSha256,
      String keyId,
      String pdf,
      String verify) {
    static CertificateView of(DestructionCertificate c) {
      return new CertificateView(
          c.number(),
          c.orderId(),
          c.issuedAt(),
          c.issuedBy(),
          c.manifestSha256(),
          c.pdfSha256(),
          c.keyId(),
          "/api/destruction-certificates/" + c.number() + "/pdf",
          "/api/destruction-certificates/" + c.number() + "/verify");
    }
  }
}
