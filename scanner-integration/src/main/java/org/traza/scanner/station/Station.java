package org.traza.scanner.station;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.traza.scanner.payload.Payloads;

/**
 * A station at work: each scan is checked with the marking parsers (a misread is refused on the
 * spot), checked against the scans just made (a duplicate is said so), written to the journal, and
 * only then acknowledged as queued; a sync thread sends the journal to the server in order, in
 * batches with the scans' idempotency keys, backing off while the server is unreachable, and
 * records each answer so that nothing is sent twice nor lost.
 */
public final class Station implements AutoCloseable {

  /** What a location's printed label says before its code. */
  public static final String LABEL_PREFIX = "LOC ";

  static final String PLACES = "places.properties";

  /** Scans per batch at most (the server takes up to 1000). */
  static final int BATCH = 500;

  /** Scans per batch at least, on a network that keeps failing. */
  static final int MIN_BATCH = 10;

  private final ScanJournal journal;
  private final StationClient client;
  private final String stationCode;
  private final String user;
  private final char[] password;
  private final Consumer<Outcome> feedback;
  private final Clock clock;
  private final Duration duplicateWindow;
  private final Map<String, Instant> lastScanned = new HashMap<>();
  private final Map<String, Long> places = new java.util.concurrent.ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private volatile String token;
  private volatile boolean running;
  private volatile String state = "not sent yet";
  private Thread sync;
  private Duration backoff = Duration.ZERO;
  private int batchSize = BATCH;

  public Station(
      ScanJournal journal,
      StationClient client,
      String stationCode,
      String user,
      char[] password,
      Consumer<Outcome> feedback,
      Clock clock,
      Duration duplicateWindow) {
    this.journal = journal;
    this.client = client;
    this.stationCode = stationCode;
    this.user = user;
    this.password = password.clone();
    this.feedback = feedback;
    this.clock = clock;
    this.duplicateWindow = duplicateWindow;
    loadPlaces();
  }

  /** The text of a location's label ('LOC <code>'), if {@code scanned} is one. */
  public static java.util.Optional<String> locationLabel(String scanned) {
    String t = scanned == null ? "" : scanned.strip();
    return t.startsWith(LABEL_PREFIX) && t.length() > LABEL_PREFIX.length()
        ? java.util.Optional.of(t.substring(LABEL_PREFIX.length()).strip())
        : java.util.Optional.empty();
  }

  /** The id of the location with this code, as last loaded from the server (kept offline). */
  public java.util.Optional<Long> location(String code) {
    return java.util.Optional.ofNullable(places.get(code));
  }

  /** Logs in and loads the locations, when the server can be reached; true when it could. */
  public synchronized boolean connect() {
    return attempt(
        () -> {
          if (token == null) {
            token = client.login(user, password);
          }
          refreshPlaces();
          return true;
        });
  }

  private void refreshPlaces() throws StationClient.Unavailable, StationClient.Unauthenticated {
    Map<String, Long> fresh = client.locations(token);
    places.putAll(fresh);
    java.util.Properties p = new java.util.Properties();
    places.forEach((code, id) -> p.setProperty(code, String.valueOf(id)));
    try (var out = java.nio.file.Files.newBufferedWriter(journal.dir().resolve(PLACES))) {
      p.store(out, "locations by code, as last loaded from the server");
    } catch (java.io.IOException e) {
      // kept in memory; the file is only for working offline after a restart
    }
  }

  private void loadPlaces() {
    java.nio.file.Path file = journal.dir().resolve(PLACES);
    if (java.nio.file.Files.exists(file)) {
      java.util.Properties p = new java.util.Properties();
      try (var in = java.nio.file.Files.newBufferedReader(file)) {
        p.load(in);
        p.forEach((code, id) -> places.put((String) code, Long.parseLong((String) id)));
      } catch (java.io.IOException | NumberFormatException e) {
        // reloaded at the next login
      }
    }
  }

  /**
   * One scan or typed text in {@code mode} toward {@code targetId}: refused (unknown symbol),
   * duplicate, or queued. Returns the feedback given.
   */
  public Outcome scan(String raw, Mode mode, long targetId) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      return null;
    }
    Outcome o;
    if (Payloads.detect(text).isEmpty()) {
      o = new Outcome(Outcome.Kind.UNKNOWN_SYMBOL, 0, text, "no marking format accepts it");
    } else {
      Instant now = clock.instant();
      if (lastScanned.size() > 10_000) {
        // a station runs for days: forget what is past the window
        lastScanned
            .values()
            .removeIf(t -> Duration.between(t, now).compareTo(duplicateWindow) >= 0);
      }
      String seen = mode + "|" + targetId + "|" + text.toUpperCase(Locale.ROOT);
      Instant before = lastScanned.put(seen, now);
      if (before != null && Duration.between(before, now).compareTo(duplicateWindow) < 0) {
        o = new Outcome(Outcome.Kind.DUPLICATE_SCAN, 0, text, "scanned " + before);
      } else {
        Scan s = journal.append(stationCode + "-" + UUID.randomUUID(), mode, targetId, text, now);
        o =
            new Outcome(
                Outcome.Kind.QUEUED, s.seq(), text, journal.pendingCount() + " pending, " + state);
        wake();
      }
    }
    feedback.accept(o);
    return o;
  }

  /** Starts the sync thread. */
  public void start() {
    running = true;
    sync = new Thread(this::loop, "station-sync");
    sync.setDaemon(true);
    sync.start();
  }

  /** Sends what is pending until nothing is or the server cannot be reached; true when empty. */
  public synchronized boolean syncNow() {
    return attempt(
        () -> {
          while (journal.pendingCount() > 0) {
            if (!syncOnce()) {
              return false;
            }
          }
          return true;
        });
  }

  /** Work that talks to the server. */
  private interface Attempt {
    boolean run() throws StationClient.Unavailable, StationClient.Unauthenticated;
  }

  /** Runs {@code a}, turning an unreachable server or a refused login into the station's state. */
  private boolean attempt(Attempt a) {
    try {
      boolean done = a.run();
      if (done) {
        state = "online";
      }
      return done;
    } catch (StationClient.Unavailable e) {
      // a flapping network may never carry a large batch and its answer: smaller ones then
      batchSize = Math.max(MIN_BATCH, batchSize / 2);
      state = "offline: " + e.getMessage();
      return false;
    } catch (StationClient.Unauthenticated e) {
      token = null;
      state = "login refused: " + e.getMessage();
      return false;
    }
  }

  /** Waits up to {@code timeout} for the journal to empty. */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (journal.pendingCount() > 0) {
      if (System.nanoTime() > end) {
        return false;
      }
      wake();
      Thread.sleep(50);
    }
    return true;
  }

  public int pending() {
    return journal.pendingCount();
  }

  /** Online, offline with the reason, or login refused. */
  public String state() {
    return state;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    wake();
    if (sync != null) {
      sync.join(10_000);
    }
  }

  private void loop() {
    while (running) {
      if (journal.pendingCount() > 0) {
        boolean synced;
        try {
          synced = syncNow();
        } catch (RuntimeException e) {
          // an answer this station cannot read: keep the scans and try again later
          state = "error: " + e;
          synced = false;
        }
        if (synced) {
          backoff = Duration.ZERO;
        } else {
          backoff =
              backoff.isZero()
                  ? Duration.ofMillis(500)
                  : backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                      ? Duration.ofSeconds(30)
                      : backoff.multipliedBy(2);
          feedback.accept(
              new Outcome(
                  Outcome.Kind.QUEUED,
                  0,
                  journal.pendingCount() + " pending",
                  state + "; next try in " + backoff.toMillis() + " ms"));
          sleep(backoff);
          continue;
        }
      }
      sleep(Duration.ofSeconds(1));
    }
  }

  /** One batch: true when it made progress. */
  private boolean syncOnce() throws StationClient.Unavailable, StationClient.Unauthenticated {
    List<Scan> pending = journal.pending(batchSize);
    if (pending.isEmpty()) {
      return true;
    }
    if (token == null) {
      token = client.login(user, password);
      refreshPlaces();
    }
    if (!pending.get(0).mode().custody()) {
      return sendOne(pending.get(0));
    }
    // custody scans go in one batch, up to the first count or site scan
    List<Scan> batch = new java.util.ArrayList<>();
    for (Scan s : pending) {
      if (!s.mode().custody()) {
        break;
      }
      batch.add(s);
    }
    List<StationClient.ItemResult> results;
    try {
      results = client.send(token, batch);
    } catch (StationClient.Unauthenticated e) {
      // the token expired: one new login, then the same batch again
      token = client.login(user, password);
      results = client.send(token, batch);
    }
    int settled = 0;
    for (StationClient.ItemResult r : results) {
      Scan s = batch.get(r.index());
      Outcome.Kind kind = kind(r);
      if (kind == null) {
        // a transient failure on the server: this scan and the ones after it are sent again
        state = "server busy: " + r.detail();
        break;
      }
      String detail =
          kind == Outcome.Kind.ILLEGAL_ACTION
              ? "the weapon is " + r.state() + ": " + r.detail()
              : r.detail();
      journal.settle(s.seq(), kind, detail);
      feedback.accept(new Outcome(kind, s.seq(), s.text(), detail));
      settled++;
    }
    state = "online";
    batchSize = Math.min(BATCH, batchSize * 2);
    return settled > 0;
  }

  /** One count or destruction-site scan: true when it was answered. */
  private boolean sendOne(Scan s) throws StationClient.Unavailable, StationClient.Unauthenticated {
    StationClient.ItemResult r;
    try {
      r = client.sendOne(token, s);
    } catch (StationClient.Unauthenticated e) {
      token = client.login(user, password);
      r = client.sendOne(token, s);
    }
    Outcome.Kind kind = kind(r);
    if (kind == null) {
      state = "server busy: " + r.detail();
      return false;
    }
    String detail = r.outcome() == null ? r.detail() : describe(r.outcome());
    journal.settle(s.seq(), kind, detail);
    feedback.accept(new Outcome(kind, s.seq(), s.text(), detail));
    state = "online";
    return true;
  }

  private static String describe(String outcome) {
    return switch (outcome) {
      case "COUNTED" -> "counted";
      case "COUNTED_UNRECOGNISED" -> "counted; no record has this marking";
      case "ON_ORDER" -> "on the order";
      case "DUPLICATE" -> "scanned before at this site";
      case "NOT_ON_ORDER" -> "NOT on this order: an alert is raised";
      case "ALREADY_DESTROYED" -> "recorded as DESTROYED already: an alert is raised";
      default -> outcome + ": an alert is raised";
    };
  }

  /** What a result means, or null when the scan should be sent again. */
  static Outcome.Kind kind(StationClient.ItemResult r) {
    String type = r.problemType() == null ? "" : r.problemType();
    if (r.outcome() != null) {
      return switch (r.outcome()) {
        case "COUNTED", "COUNTED_UNRECOGNISED", "ON_ORDER" ->
            r.status() == 200 ? Outcome.Kind.ALREADY_RECORDED : Outcome.Kind.ACCEPTED;
        case "DUPLICATE" -> Outcome.Kind.DUPLICATE_SCAN;
        default -> Outcome.Kind.REFUSED;
      };
    }
    if (r.status() == 201) {
      return Outcome.Kind.ACCEPTED;
    }
    if (r.status() == 200) {
      return Outcome.Kind.ALREADY_RECORDED;
    }
    if (r.status() >= 500 || type.endsWith("/concurrent-modification")) {
      return null;
    }
    if (type.endsWith("/illegal-state-transition") || type.endsWith("/marking-required")) {
      return Outcome.Kind.ILLEGAL_ACTION;
    }
    if (r.status() == 400 && r.detail() != null && r.detail().contains("scannedText")) {
      return Outcome.Kind.UNKNOWN_SYMBOL;
    }
    return Outcome.Kind.REFUSED;
  }

  private void wake() {
    lock.lock();
    try {
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void sleep(Duration d) {
    lock.lock();
    try {
      work.awaitNanos(d.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }
}
