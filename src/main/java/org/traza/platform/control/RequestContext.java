package org.traza.platform.control;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
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
  private ProblemType problem;
  private boolean audited;

  public void begin(String requestId, String clientAddress) {
    this.requestId = requestId;
    this.clientAddress = clientAddress;
  }

  public void authenticate(String username, Set<String> roles) {
    this.username = username;
    this.roles = Set.copyOf(roles);
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
