package org.traza.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing without letting anyone lock an account out (ASVS 2.2.1).
 *
 * <p>Failures are counted twice: per pair (client address, typed account) and per client address.
 * Each key has some free failures ({@code security.login.free-attempts}, default 5, per pair;
 * {@code security.login.address-free-attempts}, default 50, per address, as one office behind one
 * NAT address shares it); every failure past those opens a refusal window that doubles each time
 * ({@code security.login.base-delay} PT1S, 2 s, 4 s ... up to {@code security.login.max-delay}
 * PT15M). An attempt inside a window is refused with 429 and Retry-After before the password is
 * even checked, whether or not the account exists, so a refusal says nothing about the account. A
 * key is forgotten {@code security.login.forget-after} (PT1H) after its last failure (and once its
 * window has passed); a successful login clears its pair.
 *
 * <p>There is no account-wide state: a stranger guessing from one address slows only that address,
 * and the owner logs in from any other. The price is that a guesser with many addresses gets the
 * free failures at each; the password policy (12+ characters, no common passwords) is what holds
 * against that, at a few hundred guesses per address per day.
 *
 * <p>The counters live in this server's memory, in maps bounded by {@code
 * security.login.max-tracked} (default 100,000 keys each; expired keys are purged when full, and
 * keys that restrict nobody after them). Memory is enough for one server, and a restart (which
 * forgets the counters) is rare and not in a guesser's hands. With several servers behind a
 * balancer each server counts alone, so a guesser gets the allowance once per server: move the
 * counters to the database or a shared cache then.
 */
@ApplicationScoped
public class LoginThrottle {

  private static final System.Logger LOG = System.getLogger(LoginThrottle.class.getName());

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "security.login.free-attempts", defaultValue = "5")
  int freePerPair;

  @Inject
  @ConfigProperty(name = "security.login.address-free-attempts", defaultValue = "50")
  int freePerAddress;

  @Inject
  @ConfigProperty(name = "security.login.base-delay", defaultValue = "PT1S")
  Duration baseDelay;

  @Inject
  @ConfigProperty(name = "security.login.max-delay", defaultValue = "PT15M")
  Duration maxDelay;

  @Inject
  @ConfigProperty(name = "security.login.forget-after", defaultValue = "PT1H")
  Duration forgetAfter;

  @Inject
  @ConfigProperty(name = "security.login.max-tracked", defaultValue = "100000")
  int maxTracked;

  /** Failures of one key, the last one, and until when the key is refused. */
  private record Failures(int count, Instant last, Instant refusedUntil) {}

  private final Map<String, Failures> pairs = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

  /** Whether an attempt may go ahead now, and if not, after how long it may. */
  public record Decision(boolean allowed, Duration retryAfter) {
    static final Decision GO = new Decision(true, Duration.ZERO);
  }

  /** Asks before checking a password for {@code account} from {@code address}. */
  public Decision check(String address, String account) {
    Instant now = clock.instant();
    Instant until =
        later(
            refusedUntil(pairs, pair(address, account), now),
            refusedUntil(addresses, address, now));
    return until == null ? Decision.GO : new Decision(false, Duration.between(now, until));
  }

  /** Counts a failed attempt, opening or widening the refusal windows. */
  public void failed(String address, String account) {
    Instant now = clock.instant();
    count(pairs, pair(address, account), freePerPair, now);
    count(addresses, address, freePerAddress, now);
  }

  /** The right password from this address: its pair starts again. The address keeps its count. */
  public void succeeded(String address, String account) {
    pairs.remove(pair(address, account));
  }

  private static String pair(String address, String account) {
    return address + ' ' + account;
  }

  private Instant refusedUntil(Map<String, Failures> map, String key, Instant now) {
    Failures f = map.get(key);
    if (f == null) {
      return null;
    }
    if (expired(f, now)) {
      map.remove(key, f);
      return null;
    }
    return f.refusedUntil() != null && now.isBefore(f.refusedUntil()) ? f.refusedUntil() : null;
  }

  private boolean expired(Failures f, Instant now) {
    return !now.isBefore(f.last().plus(forgetAfter))
        && (f.refusedUntil() == null || !now.isBefore(f.refusedUntil()));
  }

  private void count(Map<String, Failures> map, String key, int free, Instant now) {
    if (map.size() >= maxTracked && !map.containsKey(key) && !makeRoom(map, now)) {
      return;
    }
    map.compute(
        key,
        (k, f) -> {
          int count = f == null || expired(f, now) ? 1 : f.count() + 1;
          Instant refusedUntil = count < free ? null : now.plus(delay(count - free));
          return new Failures(count, now, refusedUntil);
        });
  }

  /** The window after the {@code n}-th failure past the free ones (0 is the first): doubling. */
  Duration delay(int n) {
    if (n >= 30) {
      return maxDelay;
    }
    Duration d = baseDelay.multipliedBy(1L << n);
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }

  /** Frees space in a full map: expired keys first, then keys that refuse nobody now. */
  private boolean makeRoom(Map<String, Failures> map, Instant now) {
    map.values().removeIf(f -> expired(f, now));
    if (map.size() < maxTracked) {
      return true;
    }
    map.values().removeIf(f -> f.refusedUntil() == null || !now.isBefore(f.refusedUntil()));
    if (map.size() < maxTracked) {
      return true;
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "Login throttle full ({0} keys refused at once): a new key is not counted",
        maxTracked);
    return false;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
