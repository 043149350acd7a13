package org.traza.platform.entity;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of everything the audit log records, in one style: {@code <record>.<what
 * happened>}, lower case, kebab-case words. An entry's action is always one of these (the audit
 * feature refuses any other), so an auditor can read the list once and know every kind of entry.
 * Served by {@code GET /api/audit-entries/actions} and listed in docs/audit-actions.md.
 */
public enum AuditAction {
  FIREARM_REGISTERED("firearm.registered", "firearm", "A firearm was registered"),
  FIREARM_CORRECTED("firearm.corrected", "firearm", "A firearm's record was corrected"),
  FIREARM_VOIDED("firearm.voided", "firearm", "A firearm's record was voided as a mistake"),
  FIREARM_READ("firearm.read", "firearm", "An investigator read a firearm's record"),
  FIREARM_HISTORY_READ(
      "firearm.history-read", "firearm", "An investigator read a firearm's corrections"),
  FIREARMS_SEARCHED("firearm.searched", "firearm", "An investigator searched the registry"),
  MARKING_RECORDED("marking.recorded", "firearm", "A mark on a firearm was recorded"),
  MARKING_VERIFIED("marking.verified", "firearm", "A physical mark was verified by a scan"),
  MARKING_LABELS_PRINTED(
      "marking-label.printed", "firearm", "Marking labels were printed for firearms"),
  REFERENCE_CREATED(
      "reference-data.created", "reference-data", "A make, calibre or firearm type was added"),
  REFERENCE_UPDATED(
      "reference-data.updated", "reference-data", "A make, calibre or firearm type was changed"),
  CUSTODY_EVENT_RECORDED(
      "custody-event.recorded",
      "firearm",
      "A custody event was recorded (the detail names the action, the event and its hash)"),
  LOCATION_CREATED("location.created", "location", "A location was created"),
  LOCATION_UPDATED("location.updated", "location", "A location was renamed or its count changed"),
  HOLDER_CREATED("holder.created", "holder", "A holder (officer, unit, court) was created"),
  HOLDER_UPDATED("holder.updated", "holder", "A holder's name or unit was corrected"),
  STOCK_COUNT_OPENED("stock-count.opened", "stock-count", "A stock count was opened"),
  STOCK_COUNT_SCANNED("stock-count.scanned", "stock-count", "A weapon was scanned in a count"),
  STOCK_COUNT_CLOSED("stock-count.closed", "stock-count", "A stock count was closed"),
  STOCK_COUNT_SIGNED_OFF(
      "stock-count.signed-off", "stock-count", "A second supervisor signed off a count"),
  DISCREPANCY_RESOLVED("discrepancy.resolved", "discrepancy", "A discrepancy case was resolved"),
  DESTRUCTION_ORDER_CREATED(
      "destruction-order.created", "destruction-order", "A destruction order was created"),
  DESTRUCTION_ORDER_APPROVED(
      "destruction-order.approved", "destruction-order", "A second person approved an order"),
  DESTRUCTION_ORDER_CANCELLED(
      "destruction-order.cancelled", "destruction-order", "A destruction order was cancelled"),
  DESTRUCTION_ORDER_SCANNED(
      "destruction-order.scanned", "destruction-order", "A weapon was scanned at the site"),
  DESTRUCTION_ORDER_PHOTOGRAPHED(
      "destruction-order.photographed", "destruction-order", "A photo of the destruction was kept"),
  DESTRUCTION_ORDER_COMPLETED(
      "destruction-order.completed",
      "destruction-order",
      "A destruction was completed and its certificate signed"),
  TRACE_QUERY_RUN("trace-query.run", "case", "An investigator ran a trace query for a case"),
  TRACE_REQUEST_FILED("trace-request.filed", "case", "A trace request was filed"),
  TRACE_REQUEST_IMPORTED("trace-request.imported", "case", "A trace request was imported"),
  TRACE_REQUEST_EXPORTED("trace-request.exported", "case", "A trace request was exported"),
  TRACE_REQUEST_ACKNOWLEDGED(
      "trace-request.acknowledged", "case", "A trace request was acknowledged"),
  TRACE_REQUEST_STARTED("trace-request.started", "case", "Work on a trace request started"),
  TRACE_REQUEST_ASSIGNED("trace-request.assigned", "case", "A trace request was assigned"),
  TRACE_REQUEST_ANSWERED("trace-request.answered", "case", "A trace request was answered"),
  TRACE_REQUEST_CLOSED("trace-request.closed", "case", "A trace request was closed"),
  TRACE_RESPONSE_RECEIVED(
      "trace-request.response-received", "case", "Another state's response was received"),
  TRACE_PHOTO_ADDED("trace-request.photo-added", "case", "A photo was added to a trace request"),
  TRACE_CONSENT_RECORDED(
      "trace-request.consent-recorded", "case", "An originator's consent was recorded"),
  USER_LOGGED_IN("user.logged-in", "user", "A login (refused ones too)"),
  USER_LOGGED_OUT("user.logged-out", "user", "A logout: the token was revoked"),
  USER_PASSWORD_CHANGED("user.password-changed", "user", "A user changed their password"),
  USER_PASSWORD_RESET("user.password-reset", "user", "An administrator reset a user's password"),
  USER_CREATED("user.created", "user", "A user was created"),
  USER_ROLES_CHANGED("user.roles-changed", "user", "A user's roles were changed"),
  USER_ARMOURY_ASSIGNED(
      "user.armoury-assigned",
      "user",
      "A user was confined to an armoury, or the confinement lifted"),
  USER_DISABLED("user.disabled", "user", "A user was disabled"),
  USER_ENABLED("user.enabled", "user", "A user was enabled"),
  STATION_REGISTERED("station.registered", "station", "A station was registered"),
  STATION_CREDENTIAL_ROTATED(
      "station.credential-rotated", "station", "A station's credential was replaced"),
  STATION_DISABLED("station.disabled", "station", "A station was disabled"),
  STATION_ENABLED("station.enabled", "station", "A station was enabled"),
  CHECKPOINT_TAKEN(
      "checkpoint.taken",
      "checkpoint",
      "A signed checkpoint of every chain was taken on demand (scheduled ones are not entries)"),
  CHECKPOINT_VERIFIED(
      "checkpoint.verified",
      "checkpoint",
      "The log and the ledgers were verified against a checkpoint"),
  RECORD_READ(
      "record.read",
      "(the record read)",
      "An investigator read a record or list (the detail gives the address and query)"),
  REQUEST_REFUSED(
      "request.refused",
      "request",
      "A request was refused (401, 403) or a write failed (4xx, 5xx): who, what, why");

  private static final Map<String, AuditAction> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toMap(AuditAction::code, Function.identity()));

  private final String code;
  private final String targetType;
  private final String description;

  AuditAction(String code, String targetType, String description) {
    this.code = code;
    this.targetType = targetType;
    this.description = description;
  }

  public String code() {
    return code;
  }

  /** The kind of record the entry's target id names. */
  public String targetType() {
    return targetType;
  }

  public String description() {
    return description;
  }

  public static Optional<AuditAction> of(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }
}
