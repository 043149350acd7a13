package org.traza.scanner.station;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The station's side of the server's REST API: login, station registration, batches of scans. */
public final class StationClient {

  /** The server could not be reached, or answered with a server-side failure: try again later. */
  public static final class Unavailable extends Exception {
    public Unavailable(String message) {
      super(message);
    }
  }

  /** The operator's login is refused or expired: a new login is needed. */
  public static final class Unauthenticated extends Exception {
    public Unauthenticated(String message) {
      super(message);
    }
  }

  /**
   * The answer for one scan: its HTTP status, the problem's type and detail, the weapon's state
   * named by an illegal action, and what a count or destruction site said of the scan.
   */
  public record ItemResult(
      int index, int status, String problemType, String detail, String state, String outcome) {
    public ItemResult(int index, int status, String problemType, String detail, String state) {
      this(index, status, problemType, detail, state, null);
    }
  }

  private final URI base;
  private final String stationCredential;
  private final HttpClient http;

  public StationClient(URI base, String stationCredential, Duration timeout) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.stationCredential = stationCredential;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /** Logs {@code user} in; the token to send. */
  public String login(String user, char[] password) throws Unavailable, Unauthenticated {
    JsonObject body =
        Json.createObjectBuilder()
            .add("username", user)
            .add("password", new String(password))
            .build();
    HttpResponse<String> r = send("POST", "api/auth/login", null, body);
    if (r.statusCode() == 401 || r.statusCode() == 400) {
      throw new Unauthenticated(detail(r));
    }
    expect(r, 200);
    return read(r.body()).asJsonObject().getString("token");
  }

  /** Registers a station for an armoury (an administrator's token): its credential, shown once. */
  public String registerStation(String adminToken, String code, String name, long armouryId)
      throws Unavailable, Unauthenticated {
    JsonObject body =
        Json.createObjectBuilder()
            .add("code", code)
            .add("name", name)
            .add("armouryId", armouryId)
            .build();
    HttpResponse<String> r = send("POST", "api/stations", adminToken, body);
    if (r.statusCode() == 401) {
      throw new Unauthenticated(detail(r));
    }
    if (r.statusCode() != 201) {
      throw new IllegalStateException("the server refused the station: " + detail(r));
    }
    return read(r.body()).asJsonObject().getString("credential");
  }

  /** Sends scans as one batch of custody events, in order; one result per scan. */
  public List<ItemResult> send(String token, List<Scan> scans) throws Unavailable, Unauthenticated {
    JsonArrayBuilder items = Json.createArrayBuilder();
    for (Scan s : scans) {
      items.add(
          Json.createObjectBuilder()
              .add("scannedText", s.text())
              .add("action", s.mode().action())
              .add(
                  s.mode().target() == Mode.Target.HOLDER ? "holderId" : "locationId", s.targetId())
              .add("deviceTime", s.deviceTime().toString())
              .add("idempotencyKey", s.key()));
    }
    HttpResponse<String> r = send("POST", "api/custody-events/batch", token, items.build());
    if (r.statusCode() == 401) {
      throw new Unauthenticated(detail(r));
    }
    if (r.statusCode() != 200) {
      throw new IllegalStateException("the server refused the batch: " + detail(r));
    }
    List<ItemResult> out = new ArrayList<>();
    for (JsonValue v : read(r.body()).asJsonObject().getJsonArray("results")) {
      JsonObject o = v.asJsonObject();
      JsonObject problem =
          o.containsKey("problem") && !o.isNull("problem") ? o.getJsonObject("problem") : null;
      out.add(
          new ItemResult(
              o.getInt("index"),
              o.getInt("status"),
              problem == null ? null : problem.getString("type", null),
              problem == null ? null : problemText(problem),
              problem == null ? null : problem.getString("currentStatus", null)));
    }
    return out;
  }

  /** The locations the operator may see, code to id (for shelf and bin labels, 'LOC <code>'). */
  public java.util.Map<String, Long> locations(String token) throws Unavailable, Unauthenticated {
    HttpResponse<String> r = send("GET", "api/locations", token, null);
    if (r.statusCode() == 401) {
      throw new Unauthenticated(detail(r));
    }
    if (r.statusCode() != 200) {
      throw new Unavailable(base + " answered " + r.statusCode() + " for the locations");
    }
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    for (JsonValue v : read(r.body()).asJsonArray()) {
      JsonObject o = v.asJsonObject();
      out.put(o.getString("code"), o.getJsonNumber("id").longValue());
    }
    return out;
  }

  /**
   * Sends one count or destruction-site scan with its idempotency key: a retry answers 200 with the
   * scan as first recorded.
   */
  public ItemResult sendOne(String token, Scan s) throws Unavailable, Unauthenticated {
    String path =
        s.mode() == Mode.COUNT
            ? "api/stock-counts/" + s.targetId() + "/scans"
            : "api/destruction-orders/" + s.targetId() + "/scans";
    JsonObject body =
        Json.createObjectBuilder()
            .add("scannedText", s.text())
            .add("idempotencyKey", s.key())
            .build();
    HttpResponse<String> r = send("POST", path, token, body);
    if (r.statusCode() == 401) {
      throw new Unauthenticated(detail(r));
    }
    JsonObject o;
    try {
      o = read(r.body()).asJsonObject();
    } catch (RuntimeException e) {
      o = Json.createObjectBuilder().build();
    }
    if (r.statusCode() == 200 || r.statusCode() == 201) {
      String outcome =
          o.containsKey("outcome")
              ? o.getString("outcome")
              : o.getBoolean("recognised", false) ? "COUNTED" : "COUNTED_UNRECOGNISED";
      return new ItemResult(0, r.statusCode(), null, null, null, outcome);
    }
    return new ItemResult(
        0,
        r.statusCode(),
        o.getString("type", null),
        problemText(o),
        o.getString("currentStatus", null),
        null);
  }

  /** The problem's detail, with its first violation's message when it names a field. */
  private static String problemText(JsonObject problem) {
    String detail = problem.getString("detail", "");
    JsonArray violations =
        problem.containsKey("violations") ? problem.getJsonArray("violations") : null;
    if (violations != null && !violations.isEmpty()) {
      JsonObject v = violations.getJsonObject(0);
      return detail + " " + v.getString("field", "") + ": " + v.getString("message", "");
    }
    return detail;
  }

  private HttpResponse<String> send(String method, String path, String token, JsonValue body)
      throws Unavailable {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (stationCredential != null) {
      b.header("X-Traza-Station", stationCredential);
    }
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unavailable(base + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
    if (r.statusCode() >= 500 || r.statusCode() == 429) {
      throw new Unavailable(base + " answered " + r.statusCode() + ": " + detail(r));
    }
    return r;
  }

  private static void expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      throw new IllegalStateException("unexpected answer " + r.statusCode() + ": " + detail(r));
    }
  }

  private static String detail(HttpResponse<String> r) {
    try {
      return read(r.body()).asJsonObject().getString("detail", "HTTP " + r.statusCode());
    } catch (RuntimeException e) {
      return "HTTP " + r.statusCode();
    }
  }

  private static JsonValue read(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readValue();
    }
  }

  static JsonArray array(String body) {
    return read(body).asJsonArray();
  }
}
