package org.traza.stockpile.boundary;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.traza.stockpile.entity.Discrepancy;
import org.traza.stockpile.entity.StockCount;

/** JSON shapes of stock counts and discrepancy cases. Requests are classes for Payara's OpenAPI. */
public final class StockCountViews {

  private StockCountViews() {}

  public static class OpenRequest {
    public Long locationId;
  }

  /** One item: its marking as scanned, or its registry number. */
  public static class ScanRequest {
    @Size(max = Discrepancy.TEXT_MAX)
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

  public static class ResolveRequest {
    /** FOUND, REPORTED_LOST, REPORTED_STOLEN or RECORD_CORRECTED. */
    @Size(max = 40)
    public String resolution;

    @Size(max = 500)
    public String note;
  }

  /**
   * A count. While it is OPEN it shows only how many items were scanned: the counter must not see
   * what is expected (a blind count).
   */
  public record CountView(
      long id,
      long locationId,
      String status,
      Instant openedAt,
      String openedBy,
      int scans,
      Instant closedAt,
      String closedBy,
      Integer expected,
      Integer found,
      Instant signedOffAt,
      String signedOffBy,
      List<DiscrepancyView> discrepancies) {
    static CountView of(StockCount c, int scans, List<Discrepancy> cases) {
      return new CountView(
          c.id(),
          c.locationId(),
          c.status().name(),
          c.openedAt(),
          c.openedBy(),
          scans,
          c.closedAt(),
          c.closedBy(),
          c.expectedCount(),
          c.foundCount(),
          c.signedOffAt(),
          c.signedOffBy(),
          cases.stream().map(DiscrepancyView::of).toList());
    }
  }

  /**
   * What a scan answers: taken, and whether the symbol designates a firearm (not whether expected).
   */
  public record ScanView(long id, boolean recognised) {}

  public record DiscrepancyView(
      long id,
      Long stockCountId,
      long locationId,
      String kind,
      Long firearmId,
      String scannedText,
      String detail,
      String status,
      String assignee,
      String resolution,
      String resolutionNote,
      Instant resolvedAt,
      String resolvedBy) {
    static DiscrepancyView of(Discrepancy d) {
      return new DiscrepancyView(
          d.id(),
          d.stockCountId(),
          d.locationId(),
          d.kind().name(),
          d.firearmId(),
          d.scannedText(),
          d.detail(),
          d.status().name(),
          d.assignee(),
          d.resolution() == null ? null : d.resolution().name(),
          d.resolutionNote(),
          d.resolvedAt(),
          d.resolvedBy());
    }
  }
}
