package org.traza.platform.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/**
 * What the server knows about the HTTP request being served: its id (echoed as X-Request-Id and
 * used as the problem instance), the client address, the authenticated user and, once known, the
 * problem it ended with. Filled by the platform and security filters; read by audit and logging.
 */
@RequestScoped
public class RequestContext {

  private String requestId = "none";
  private String clientAddress = "unknown";
  private String username;
  private Set<String> roles = Set.of();
  private Long armouryId;
  private String station;
  private Long stationArmouryId;
  private Set<Long> scope;
  private ProblemType problem;
  private boolean audited;

  public void begin(String requestId, String clientAddress) {
    this.requestId = requestId;
    this.clientAddress = clientAddress;
  }

  public void authenticate(String username, Set<String> roles) {
    authenticate(username, roles, null);
  }

  /** The user, their roles and the armoury they are confined to (null: national scope). */
  public void authenticate(String username, Set<String> roles, Long armouryId) {
    this.username = username;
    this.roles = Set.copyOf(roles);
    this.armouryId = armouryId;
  }

  /** The registered station the request comes from, proven by its credential. */
  public void fromStation(String code, Long armouryId) {
    this.station = code;
    this.stationArmouryId = armouryId;
  }

  /**
   * The station to record for a write: the authenticated one. A station named in a request body
   * must be that one, so that a device cannot act under another's name.
   */
  public String stationFor(String claimed) {
    if (claimed != null && !claimed.equals(station)) {
      throw ProblemException.invalid(
          "station",
          station == null
              ? "a station is recorded only when it sends its credential (X-Traza-Station)"
              : "this request comes from station " + station + ", not " + claimed);
    }
    return station;
  }

  /** The armouries that confine this request: the user's and the station's, if any. */
  public List<Long> armouries() {
    List<Long> list = new ArrayList<>(2);
    if (armouryId != null) {
      list.add(armouryId);
    }
    if (stationArmouryId != null) {
      list.add(stationArmouryId);
    }
    return list;
  }

  /** Confines this request to the locations in {@code locations} (an armoury's subtree). */
  public void confineTo(Set<Long> locations) {
    this.scope = Set.copyOf(locations);
  }

  /** The locations this request may see and act on; empty when it is not confined. */
  public Optional<Set<Long>> scope() {
    return Optional.ofNullable(scope);
  }

  /**
   * Whether a firearm or place recorded at {@code locationId} is within this request's scope. A
   * firearm recorded nowhere (registered, not yet received) is within every scope.
   */
  public boolean inScope(Long locationId) {
    return scope == null || locationId == null || scope.contains(locationId);
  }

  /** Refuses with 403 what lies outside this request's armoury. */
  public void requireInScope(Long locationId, String what) {
    if (!inScope(locationId)) {
      throw new ProblemException(
          ProblemType.OUTSIDE_ARMOURY,
          what + " belongs to another armoury; you can see and act only within your own.");
    }
  }

  public void failedWith(ProblemType problem) {
    this.problem = problem;
  }

  public String requestId() {
    return requestId;
  }

  public String clientAddress() {
    return clientAddress;
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The acting user's name, or {@code anonymous} before or without authentication. */
  public String actor() {
    return username == null ? "anonymous" : username;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public Set<String> roles() {
    return roles;
  }

  public Optional<ProblemType> problem() {
    return Optional.ofNullable(problem);
  }

  /** Set while an audit entry for this request is pending commit; cleared if it rolls back. */
  public void markAudited(boolean audited) {
    this.audited = audited;
  }

  public boolean audited() {
    return audited;
  }
}
