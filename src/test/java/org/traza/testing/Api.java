package org.traza.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A small HTTP client for the Traza API, as a station or a browser would use it. */
public final class Api {

  public static final String ADMIN_PASSWORD = "it-admin-password";
  public static final String USER_PASSWORD = "correct horse battery staple";

  /** The five roles, as the API names them. */
  public enum Role {
    ARMOURER,
    INVESTIGATOR,
    AUDITOR,
    SUPERVISOR,
    ADMIN
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private final URI base;
  private final Map<Role, String> tokensByRole = new EnumMap<>(Role.class);

  public Api(URI base) {
    this.base = base;
  }

  public URI base() {
    return base;
  }

  /** One HTTP response: status, headers and the parsed JSON body (if any). */
  public record Reply(int status, HttpResponse<String> raw) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public String body() {
      return raw.body();
    }

    public JsonObject json() {
      return (JsonObject) structure();
    }

    public JsonArray array() {
      return (JsonArray) structure();
    }

    private JsonStructure structure() {
      try (var reader = Json.createReader(new StringReader(raw.body()))) {
        return reader.read();
      } catch (RuntimeException e) {
        throw new AssertionError(
            "Expected JSON but got " + status + " " + contentType() + ": " + raw.body(), e);
      }
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  public Reply send(String method, String path, String token, String contentType, String body) {
    return send(method, path, token, contentType, body, Map.of());
  }

  public Reply send(
      String method,
      String path,
      String token,
      String contentType,
      String body,
      Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    return exchange(b.build(), method + " " + path);
  }

  /** POSTs raw bytes (an image upload) with {@code contentType}. */
  public Reply postBytes(String path, String token, String contentType, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path.substring(1)))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return exchange(b.build(), "POST " + path);
  }

  /** GETs {@code path} as bytes (a PDF, a PNG). */
  public HttpResponse<byte[]> getBytes(String path, String token) {
    return getBytes(path, token, "*/*");
  }

  /** GETs {@code path} as bytes, asking for {@code accept}. */
  public HttpResponse<byte[]> getBytes(String path, String token, String accept) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path.substring(1)))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", accept);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .build()
          .send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code body} without a Content-Length (chunked), as a streaming client would. */
  public Reply sendStreamed(String path, String token, String body) {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path.substring(1)))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(bytes)))
            .build();
    return exchange(request, "POST " + path);
  }

  private static Reply exchange(HttpRequest request, String what) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r);
    } catch (IOException e) {
      throw new IllegalStateException(what + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Reply get(String path, String token) {
    return send("GET", path, token, null, null);
  }

  public Reply post(String path, String token, JsonValue body) {
    return send("POST", path, token, "application/json", body == null ? null : body.toString());
  }

  public Reply put(String path, String token, JsonValue body) {
    return send("PUT", path, token, "application/json", body.toString());
  }

  public Reply patch(String path, String token, String ifMatch, JsonValue body) {
    Map<String, String> headers = ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch);
    return send("PATCH", path, token, "application/merge-patch+json", body.toString(), headers);
  }

  public Reply login(String username, String password) {
    return post(
        "/api/auth/login",
        null,
        Json.createObjectBuilder().add("username", username).add("password", password).build());
  }

  /** The administrator's token (the IT server starts with admin.password set). */
  public String admin() {
    return TOKENS.computeIfAbsent(base + "admin", k -> tokenOf(login("admin", ADMIN_PASSWORD)));
  }

  /** A token of a fresh user who has exactly {@code role}, created once per client. */
  public String as(Role role) {
    return tokensByRole.computeIfAbsent(role, r -> tokenOf(newUser(r).login()));
  }

  /** Creates a user with a unique name and the given roles, through the admin API. */
  public User newUser(Role... roles) {
    return newUserIn(null, roles);
  }

  /** Creates a user confined to armoury {@code armouryId} (null: national scope). */
  public User newUserIn(Long armouryId, Role... roles) {
    String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    var rolesJson = Json.createArrayBuilder();
    for (Role r : roles) {
      rolesJson.add(r.name());
    }
    Reply created =
        post(
            "/api/users",
            admin(),
            Json.createObjectBuilder()
                .add("username", username)
                .add("fullName", "Test " + username)
                .add("password", USER_PASSWORD)
                .add("roles", rolesJson)
                .add("armouryId", armouryId == null ? JsonValue.NULL : Json.createValue(armouryId))
                .build());
    if (created.status() != 201) {
      throw new AssertionError("could not create user: " + created);
    }
    return new User(this, username);
  }

  /** A user created by a test. */
  public record User(Api api, String username) {
    public Reply login() {
      return api.login(username, USER_PASSWORD);
    }

    public String token() {
      return tokenOf(login());
    }
  }

  static String tokenOf(Reply login) {
    if (login.status() != 200) {
      throw new AssertionError("login failed: " + login);
    }
    return login.json().getString("token");
  }

  /** Registers {@code firearm} as an armourer-capable admin and returns the created record. */
  public JsonObject register(JsonObject firearm) {
    Reply r = post("/api/firearms", admin(), firearm);
    if (r.status() != 201) {
      throw new AssertionError("registration failed: " + r);
    }
    return r.json();
  }

  /** Audit entries matching a query string such as {@code targetId=12&action=firearm.read}. */
  public List<JsonObject> audit(String query) {
    String token = as(Role.AUDITOR);
    Reply r = get("/api/audit-entries?limit=1000&" + query, token);
    if (r.status() != 200) {
      throw new AssertionError("audit listing failed: " + r);
    }
    List<JsonObject> entries = new ArrayList<>();
    r.json().getJsonArray("items").forEach(v -> entries.add(v.asJsonObject()));
    return entries;
  }

  /** A new location of {@code kind} (under {@code parent} if given), created by the admin. */
  public long location(String kind, Long parent) {
    jakarta.json.JsonObjectBuilder b =
        jakarta.json.Json.createObjectBuilder()
            .add("code", "L" + java.util.UUID.randomUUID().toString().substring(0, 8))
            .add("name", kind.toLowerCase(java.util.Locale.ROOT))
            .add("kind", kind);
    if (parent != null) {
      b.add("parentId", parent);
    }
    Reply r = post("/api/locations", admin(), b.build());
    if (r.status() != 201) {
      throw new AssertionError("location: " + r);
    }
    return r.json().getJsonNumber("id").longValue();
  }

  /**
   * Registers a station serving {@code armouryId}; returns its credential ({@code code:secret}).
   */
  public String station(long armouryId) {
    Reply r =
        post(
            "/api/stations",
            admin(),
            Json.createObjectBuilder()
                .add("code", "ST-" + UUID.randomUUID().toString().substring(0, 8))
                .add("name", "handheld")
                .add("armouryId", armouryId)
                .build());
    if (r.status() != 201) {
      throw new AssertionError("station: " + r);
    }
    return r.json().getString("credential");
  }

  /** POST as {@code token} from the station holding {@code credential}. */
  public Reply postFrom(String credential, String path, String token, JsonValue body) {
    return send(
        "POST",
        path,
        token,
        "application/json",
        body.toString(),
        Map.of("X-Traza-Station", credential));
  }

  /**
   * A custody event on firearm {@code firearmId} as {@code token}, with a fresh idempotency key and
   * {@code locationId} when the action needs one (null otherwise).
   */
  public Reply custody(String token, long firearmId, String action, Long locationId) {
    var b =
        Json.createObjectBuilder()
            .add("firearmId", firearmId)
            .add("action", action)
            .add("idempotencyKey", UUID.randomUUID().toString());
    if (locationId != null) {
      b.add("locationId", locationId);
    }
    return post("/api/custody-events", token, b.build());
  }

  /**
   * The body of a destruction order for {@code firearmIds} (SURPLUS firearms) by {@code method}.
   */
  public static JsonObject destructionOrder(List<Long> firearmIds, String method) {
    var ids = Json.createArrayBuilder();
    firearmIds.forEach(ids::add);
    return Json.createObjectBuilder()
        .add("firearmIds", ids)
        .add("reason", "surplus to requirements, obsolete models")
        .add("legalAuthority", "Ministry of Security")
        .add("legalReference", "Resolution 17/2026")
        .add("plannedMethod", method)
        .add("site", "Central depot")
        .add("plannedDate", "2026-12-01")
        .build();
  }

  /** A new holder of {@code kind}, created by the admin. */
  public long holder(String kind) {
    Reply r =
        post(
            "/api/holders",
            admin(),
            jakarta.json.Json.createObjectBuilder()
                .add("code", "H" + java.util.UUID.randomUUID().toString().substring(0, 8))
                .add("kind", kind)
                .add("name", "Officer Ana Pérez")
                .add("unit", "Patrol 3")
                .build());
    if (r.status() != 201) {
      throw new AssertionError("holder: " + r);
    }
    return r.json().getJsonNumber("id").longValue();
  }
}
