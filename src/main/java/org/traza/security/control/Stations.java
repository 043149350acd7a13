package org.traza.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.traza.platform.entity.ActionPerformed;
import org.traza.platform.entity.AuditAction;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import org.traza.security.entity.Station;

/**
 * Registers stations, issues and rotates their credentials, and checks a credential on each
 * request. Checked stations are remembered for a few seconds so that a busy handheld does not cost
 * a query per scan; a disabled or rotated station is refused on this server at once, on others
 * within {@link #REMEMBER}.
 */
@ApplicationScoped
public class Stations {

  static final Duration REMEMBER = Duration.ofSeconds(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<ActionPerformed> actions;

  private record Remembered(Station station, Instant until) {}

  private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

  /** A station and, once, the credential it sends as {@code X-Traza-Station}. */
  public record Registered(Station station, String credential) {}

  @Transactional
  public Registered register(String code, String name, long armouryId, String actor) {
    if (byCode(code).isPresent()) {
      throw new ProblemException(ProblemType.CONFLICT, "A station " + code + " exists.")
          .with("existing", "/api/stations/" + code);
    }
    String secret = secret();
    Station station = new Station(code, name, armouryId, secret, clock.instant(), actor);
    em.persist(station);
    em.flush();
    actions.fire(ActionPerformed.of(AuditAction.STATION_REGISTERED, code, "armoury " + armouryId));
    return new Registered(station, code + ":" + secret);
  }

  @Transactional
  public Registered rotate(String code) {
    Station station = existing(code);
    String secret = secret();
    station.rotate(secret);
    recent.remove(code);
    actions.fire(ActionPerformed.of(AuditAction.STATION_CREDENTIAL_ROTATED, code, null));
    return new Registered(station, code + ":" + secret);
  }

  @Transactional
  public Station disable(String code) {
    Station station = existing(code);
    station.disable();
    recent.remove(code);
    actions.fire(ActionPerformed.of(AuditAction.STATION_DISABLED, code, null));
    return station;
  }

  @Transactional
  public Station enable(String code) {
    Station station = existing(code);
    station.enable();
    recent.remove(code);
    actions.fire(ActionPerformed.of(AuditAction.STATION_ENABLED, code, null));
    return station;
  }

  public List<Station> all() {
    return em.createNamedQuery(Station.ALL, Station.class).getResultList();
  }

  public Station existing(String code) {
    return byCode(code).orElseThrow(() -> ProblemException.notFound("station", code));
  }

  /** The enabled station whose credential ({@code code:secret}) this is. */
  public Optional<Station> authenticate(String credential) {
    int colon = credential == null ? -1 : credential.indexOf(':');
    if (colon < 1) {
      return Optional.empty();
    }
    String code = credential.substring(0, colon);
    String secret = credential.substring(colon + 1);
    if (!Station.isValidCode(code)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Remembered r = recent.get(code);
    Station station;
    if (r != null && now.isBefore(r.until())) {
      station = r.station();
    } else {
      station = byCode(code).orElse(null);
      if (station == null) {
        return Optional.empty();
      }
      recent.put(code, new Remembered(station, now.plus(REMEMBER)));
    }
    return station.accepts(secret) ? Optional.of(station) : Optional.empty();
  }

  private Optional<Station> byCode(String code) {
    return em.createNamedQuery(Station.BY_CODE, Station.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  private static String secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
