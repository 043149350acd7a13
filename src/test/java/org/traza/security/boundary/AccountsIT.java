package org.traza.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

/**
 * Accounts and sessions (issue 17, OWASP ASVS 4.0 level 2 chapters 2 and 3): throttled guessing
 * that strangers cannot turn into a lockout, canonical usernames, the password policy, changing and
 * resetting passwords, logout and token revocation, and the token's validity window.
 *
 * <p>The IT server trusts the loopback as a proxy ({@code security.trusted-proxies}), so each test
 * plays clients at other addresses with X-Forwarded-For: documentation addresses (RFC 3849), fresh
 * for each test so that tests do not share throttling state. It throttles a pair (address, account)
 * after 3 failures and an address after 25.
 */
class AccountsIT extends AgainstServer {

  private static final String NEW_PASSWORD = "a new and rather long passphrase";

  /** A fresh client address: an IPv6 documentation address nobody else uses in this run. */
  private static String anAddress() {
    return "2001:db8::" + UUID.randomUUID().toString().substring(0, 4);
  }

  private Reply loginFrom(String address, String username, String password) {
    return api.send(
        "POST",
        "/api/auth/login",
        null,
        "application/json",
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString(),
        Map.of("X-Forwarded-For", address));
  }

  private static JsonObject claims(String token) {
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    return Json.createReader(new java.io.StringReader(payload)).readObject();
  }

  // --- 1. throttling instead of a lockout ------------------------------------------------------

  @Test
  void a_strangers_wrong_passwords_slow_the_stranger_and_never_lock_the_owner_out() {
    Api.User owner = api.newUser(Role.ARMOURER);
    String stranger = anAddress();
    List<Integer> statuses = new ArrayList<>();
    Reply refused = null;
    for (int i = 0; i < 6; i++) {
      Reply r = loginFrom(stranger, owner.username(), "guess number " + i);
      statuses.add(r.status());
      if (r.status() == 429) {
        refused = r;
      } else {
        assertThat(r.json().getString("type")).isEqualTo("/problems/invalid-credentials");
      }
    }
    assertThat(statuses)
        .as("3 free guesses, then refused")
        .containsExactly(401, 401, 401, 429, 429, 429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().getString("type")).isEqualTo("/problems/too-many-attempts");
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
    // even the right password from the stranger's address waits out the delay
    assertThat(loginFrom(stranger, owner.username(), Api.USER_PASSWORD).status()).isEqualTo(429);

    Reply ownerLogin = loginFrom(anAddress(), owner.username(), Api.USER_PASSWORD);
    assertThat(ownerLogin.status())
        .as("the owner, elsewhere, logs in: " + ownerLogin)
        .isEqualTo(200);
    JsonObject state = api.get("/api/users/" + owner.username(), api.admin()).json();
    assertThat(state.getBoolean("enabled")).isTrue();
    assertThat(state.containsKey("locked")).as("no account-wide lock exists any more").isFalse();
    assertThat(api.audit("action=user.logged-in&targetId=" + owner.username() + "&outcome=DENIED"))
        .as("every refused attempt is on record, the throttled ones too")
        .hasSize(7);
  }

  @Test
  void one_address_guessing_many_accounts_is_refused_while_other_addresses_are_not() {
    String guesser = anAddress();
    int refused = 0;
    for (int i = 0; i < 30; i++) {
      Reply r =
          loginFrom(guesser, "nobody" + i + UUID.randomUUID().toString().substring(0, 6), "x");
      if (r.status() == 429) {
        refused++;
      } else {
        assertThat(r.status()).isEqualTo(401);
      }
    }
    assertThat(refused).as("past 25 failures the address waits").isGreaterThanOrEqualTo(1);
    Api.User someone = api.newUser(Role.AUDITOR);
    assertThat(loginFrom(guesser, someone.username(), Api.USER_PASSWORD).status()).isEqualTo(429);
    assertThat(loginFrom(anAddress(), someone.username(), Api.USER_PASSWORD).status())
        .isEqualTo(200);
  }

  @Test
  void unknown_disabled_and_wrong_password_logins_answer_alike_and_as_slowly() {
    Api.User known = api.newUser(Role.ARMOURER);
    Api.User disabled = api.newUser(Role.ARMOURER);
    assertThat(
            api.post("/api/users/" + disabled.username() + "/disable", api.admin(), null).status())
        .isEqualTo(200);
    String unknown = "nobody-" + known.username();

    Map<String, List<Long>> times = new HashMap<>();
    Map<String, String> bodies = new HashMap<>();
    for (int round = 0; round < 7; round++) {
      for (String[] attempt :
          new String[][] {
            {"wrong", known.username(), "not the password at all"},
            {"unknown", unknown, "not the password at all"},
            {"disabled", disabled.username(), Api.USER_PASSWORD},
            {"malformed", "vıctım" + round, "not the password at all"}
          }) {
        long t0 = System.nanoTime();
        Reply r = loginFrom(anAddress(), attempt[1], attempt[2]);
        times.computeIfAbsent(attempt[0], k -> new ArrayList<>()).add(System.nanoTime() - t0);
        assertThat(r.status()).as(attempt[0]).isEqualTo(401);
        JsonObject p = r.json();
        bodies.put(
            attempt[0],
            p.getString("type") + " | " + p.getString("title") + " | " + p.getString("detail"));
      }
    }
    assertThat(bodies.values())
        .as("one answer for every kind of failure")
        .hasSize(4)
        .containsOnly(bodies.get("wrong"));
    assertThat(bodies.get("wrong")).startsWith("/problems/invalid-credentials");
    long wrong = median(times.get("wrong"));
    for (String kind : List.of("unknown", "disabled", "malformed")) {
      assertThat(median(times.get(kind)))
          .as(kind + " takes as long as a wrong password (" + wrong / 1000 + " µs): the hash runs")
          .isGreaterThan(wrong / 2);
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  // --- 2. canonical usernames ------------------------------------------------------------------

  @Test
  void usernames_are_canonical_at_login_and_at_creation() {
    String name = "vic" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "tim";
    Reply created = createUser(name, Api.USER_PASSWORD);
    assertThat(created.status()).isEqualTo(201);

    // case and surrounding blanks fold to the one account, and it is named canonically
    Reply shouted =
        loginFrom(anAddress(), "  " + name.toUpperCase(Locale.ROOT) + " ", Api.USER_PASSWORD);
    assertThat(shouted.status()).isEqualTo(200);
    assertThat(shouted.json().getString("username")).isEqualTo(name);
    assertThat(claims(shouted.json().getString("token")).getString("upn")).isEqualTo(name);
    assertThat(api.audit("action=user.logged-in&outcome=SUCCESS&targetId=" + name)).hasSize(1);
    assertThat(api.audit("action=user.logged-in&outcome=SUCCESS&actor=" + name)).hasSize(1);

    // a look-alike that is only equal after folding (dotless i) is no name of this account
    Reply dotless = loginFrom(anAddress(), name.replace('i', 'ı'), Api.USER_PASSWORD);
    assertThat(dotless.status()).isEqualTo(401);
    assertThat(dotless.json().getString("type")).isEqualTo("/problems/invalid-credentials");
    Reply dotted = loginFrom(anAddress(), name.replace('i', 'İ'), Api.USER_PASSWORD);
    assertThat(dotted.status()).isEqualTo(401);

    // creation: folded forms are the same name, look-alikes are refused
    assertThat(createUser(" " + name.toUpperCase(Locale.ROOT), Api.USER_PASSWORD).status())
        .isEqualTo(409);
    Reply lookAlike = createUser(name.replace('i', 'ı') + "2", Api.USER_PASSWORD);
    assertThat(lookAlike.status()).isEqualTo(400);
    assertThat(lookAlike.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("username");
    String wide = "ｗｉｄｅ" + UUID.randomUUID().toString().substring(0, 6);
    Reply fullWidth = createUser(wide, Api.USER_PASSWORD);
    assertThat(fullWidth.status()).isEqualTo(201);
    assertThat(fullWidth.json().getString("username")).startsWith("wide");
    assertThat(createUser("ab", Api.USER_PASSWORD).status()).isEqualTo(400);
  }

  private Reply createUser(String username, String password) {
    return api.post(
        "/api/users",
        api.admin(),
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .add("roles", Json.createArrayBuilder().add("ARMOURER"))
            .build());
  }

  // --- 3. password policy ----------------------------------------------------------------------

  @Test
  void common_short_repetitive_and_name_derived_passwords_are_refused_with_the_reason() {
    String name = "pw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("short", "too short");
    refused.put("qwertyuiop123456", "common");
    refused.put("Password123456!", "common");
    refused.put("1q2w3e4r5t6y", "common");
    refused.put("zzzzzzzzzzzzzzzz", "one character");
    refused.put("                ", "one character");
    refused.put(name + "-2026!", "username");
    refused.put("x".repeat(20) + "y".repeat(120), "at most 128");
    for (var e : refused.entrySet()) {
      Reply r = createUser(name, e.getKey());
      assertThat(r.status()).as(e.getKey()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().getString("type")).isEqualTo("/problems/weak-password");
      JsonObject v = r.json().getJsonArray("violations").getJsonObject(0);
      assertThat(v.getString("field")).isEqualTo("password");
      assertThat(v.getString("message")).as(e.getKey()).contains(e.getValue());
    }
    assertThat(createUser(name, "ünïcödé pässwörd 🔐 ok").status()).isEqualTo(201);
  }

  // --- 4. change, reset, logout, revocation ----------------------------------------------------

  @Test
  void a_user_changes_their_password_and_every_older_token_is_refused_at_once() {
    Api.User user = api.newUser(Role.AUDITOR);
    String first = user.token();
    String second = user.token();

    Reply wrongCurrent = changePassword(first, "not my password at all", NEW_PASSWORD);
    assertThat(wrongCurrent.status()).isEqualTo(400);
    assertThat(wrongCurrent.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("currentPassword");
    Reply same = changePassword(first, Api.USER_PASSWORD, Api.USER_PASSWORD);
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("newPassword");
    Reply weak = changePassword(first, Api.USER_PASSWORD, "password1234");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.json().getString("type")).isEqualTo("/problems/weak-password");

    Reply changed = changePassword(first, Api.USER_PASSWORD, NEW_PASSWORD);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    String fresh = changed.json().getString("token");

    assertThat(api.get("/api/auth/me", first).status()).isEqualTo(401);
    assertThat(api.get("/api/auth/me", second).status()).isEqualTo(401);
    assertThat(api.get("/api/auth/me", fresh).status()).isEqualTo(200);
    assertThat(user.login().status()).isEqualTo(401);
    assertThat(api.login(user.username(), NEW_PASSWORD).status()).isEqualTo(200);
    assertThat(api.audit("action=user.password-changed&targetId=" + user.username())).hasSize(1);
  }

  private Reply changePassword(String token, String current, String next) {
    return api.post(
        "/api/auth/password",
        token,
        Json.createObjectBuilder()
            .add("currentPassword", current)
            .add("newPassword", next)
            .build());
  }

  @Test
  void logout_revokes_the_presented_token_at_once_and_only_it() {
    Api.User user = api.newUser(Role.AUDITOR);
    String leaving = user.token();
    String other = user.token();
    assertThat(api.get("/api/audit-entries?limit=1", leaving).status()).isEqualTo(200);

    Reply out = api.post("/api/auth/logout", leaving, null);
    assertThat(out.status()).isEqualTo(204);

    Reply after = api.get("/api/audit-entries?limit=1", leaving);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().getString("type")).isEqualTo("/problems/unauthenticated");
    assertThat(api.post("/api/auth/logout", leaving, null).status()).isEqualTo(401);
    assertThat(api.get("/api/auth/me", other).status()).isEqualTo(200);
    assertThat(api.audit("action=user.logged-out&targetId=" + user.username())).hasSize(1);
  }

  @Test
  void an_administrators_reset_forces_a_new_password_before_anything_else() {
    Api.User user = api.newUser(Role.AUDITOR);
    String before = user.token();

    Reply reset = api.post("/api/users/" + user.username() + "/password-reset", api.admin(), null);
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.header("Cache-Control")).contains("no-store");
    String temporary = reset.json().getString("temporaryPassword");
    assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
    assertThat(api.get("/api/auth/me", before).status()).as("old sessions end").isEqualTo(401);
    assertThat(user.login().status()).as("the old password is gone").isEqualTo(401);

    Reply login = api.login(user.username(), temporary);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().getBoolean("passwordChangeRequired")).isTrue();
    String limited = login.json().getString("token");
    Reply me = api.get("/api/auth/me", limited);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getBoolean("passwordChangeRequired")).isTrue();
    Reply blocked = api.get("/api/audit-entries?limit=1", limited);
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.json().getString("type")).isEqualTo("/problems/password-change-required");

    Reply changed = changePassword(limited, temporary, NEW_PASSWORD);
    assertThat(changed.status()).isEqualTo(200);
    String full = changed.json().getString("token");
    assertThat(api.get("/api/audit-entries?limit=1", full).status()).isEqualTo(200);
    assertThat(api.get("/api/auth/me", full).json().getBoolean("passwordChangeRequired")).isFalse();
    List<JsonObject> audited = api.audit("action=user.password-reset&targetId=" + user.username());
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).toString()).doesNotContain(temporary);
  }

  @Test
  void changes_of_roles_armoury_or_enabled_state_end_the_users_sessions_at_once() {
    Api.User user = api.newUser(Role.ARMOURER);
    String token = user.token();
    Reply granted =
        api.put(
            "/api/users/" + user.username() + "/roles",
            api.admin(),
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("AUDITOR"))
                .build());
    assertThat(granted.status()).isEqualTo(200);
    assertThat(api.get("/api/auth/me", token).status()).isEqualTo(401);

    token = user.token();
    long armoury = api.location("ARMOURY", null);
    assertThat(
            api.put(
                    "/api/users/" + user.username() + "/armoury",
                    api.admin(),
                    Json.createObjectBuilder().add("armouryId", armoury).build())
                .status())
        .isEqualTo(200);
    assertThat(api.get("/api/auth/me", token).status()).isEqualTo(401);

    token = user.token();
    api.post("/api/users/" + user.username() + "/disable", api.admin(), null);
    api.post("/api/users/" + user.username() + "/enable", api.admin(), null);
    assertThat(api.get("/api/auth/me", token).status())
        .as("a token from before a disable stays dead after the enable")
        .isEqualTo(401);
    assertThat(api.get("/api/auth/me", user.token()).status()).isEqualTo(200);
  }

  // --- 5. the token's validity window ----------------------------------------------------------

  @Test
  void a_token_that_is_not_yet_valid_is_refused() throws Exception {
    Api.User user = api.newUser(Role.AUDITOR);
    PrivateKey key = serverKey();
    Instant now = Instant.now();
    assertThat(api.get("/api/auth/me", sign(key, user.username(), now, now)).status())
        .as("a token signed here with the server's key is accepted")
        .isEqualTo(200);
    Reply early = api.get("/api/auth/me", sign(key, user.username(), now, now.plusSeconds(600)));
    assertThat(early.status()).as("nbf ten minutes ahead").isEqualTo(401);
    assertThat(
            api.get("/api/auth/me", sign(key, user.username(), now.plusSeconds(600), now)).status())
        .as("iat ten minutes ahead")
        .isEqualTo(401);
    assertThat(
            api.get("/api/auth/me", sign(key, user.username(), now, now.plusSeconds(20))).status())
        .as("within the allowed clock skew")
        .isEqualTo(200);
  }

  /** The IT server's signing key, generated in its data folder on first start. */
  private static PrivateKey serverKey() throws Exception {
    Path pem = Path.of(System.getProperty("it.workdir"), "data", "jwt-signing-key.pem");
    String base64 =
        Files.readString(pem, StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static String sign(PrivateKey key, String user, Instant iat, Instant nbf)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
            new JWTClaimsSet.Builder()
                .issuer("traza")
                .subject(user)
                .claim("upn", user)
                .claim("groups", List.of("AUDITOR"))
                .issueTime(Date.from(iat))
                .notBeforeTime(Date.from(nbf))
                .expirationTime(Date.from(iat.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
