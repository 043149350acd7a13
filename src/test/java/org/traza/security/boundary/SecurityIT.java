package org.traza.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

/**
 * Login, tokens and user administration. Throttling, canonical names, the password policy, password
 * changes, logout and revocation are in {@link AccountsIT}.
 */
class SecurityIT extends AgainstServer {

  @Test
  void login_returns_a_signed_bearer_token_in_the_microprofile_jwt_format() {
    Api.User user = api.newUser(Role.INVESTIGATOR, Role.AUDITOR);
    Reply login = user.login();

    assertThat(login.status()).isEqualTo(200);
    JsonObject body = login.json();
    assertThat(body.getString("tokenType")).isEqualTo("Bearer");
    assertThat(Instant.parse(body.getString("expiresAt"))).isAfter(Instant.now());
    assertThat(body.getJsonArray("roles"))
        .extracting(v -> v.toString().replace("\"", ""))
        .containsExactly("AUDITOR", "INVESTIGATOR");

    String[] parts = body.getString("token").split("\\.");
    assertThat(parts).hasSize(3);
    JsonObject claims =
        Json.createReader(
                new java.io.StringReader(
                    new String(java.util.Base64.getUrlDecoder().decode(parts[1]))))
            .readObject();
    assertThat(claims.getString("upn")).isEqualTo(user.username());
    assertThat(claims.getString("iss")).isEqualTo("traza");
    assertThat(claims.getJsonArray("groups")).hasSize(2);
    assertThat(claims.containsKey("exp") && claims.containsKey("jti")).isTrue();

    assertThat(api.audit("action=user.logged-in&outcome=SUCCESS&actor=" + user.username()))
        .as("a login is on record under the name that logged in")
        .hasSize(1);

    Reply me = api.get("/api/auth/me", body.getString("token"));
    assertThat(me.json().getString("username")).isEqualTo(user.username());
    assertThat(
            api.get("/api/auth/jwks", null)
                .json()
                .getJsonArray("keys")
                .getJsonObject(0)
                .getString("kty"))
        .isEqualTo("RSA");
  }

  @Test
  void a_wrong_password_or_unknown_user_is_refused_alike() {
    Api.User user = api.newUser(Role.ARMOURER);
    Reply wrong = api.login(user.username(), "not the password");
    Reply unknown = api.login("nobody-" + user.username(), "whatever it is");

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json().getString("type")).isEqualTo("/problems/invalid-credentials");
    assertThat(unknown.json().getString("detail")).isEqualTo(wrong.json().getString("detail"));
  }

  @Test
  void repeated_failures_never_lock_the_account_and_are_all_on_record() {
    // Replaces the former lockout (issue 17): a stranger's failures must not lock the owner out.
    // The IT server throttles this client (loopback, this account) after 3 failures for 5 s.
    Api.User user = api.newUser(Role.ARMOURER);
    for (int i = 0; i < 3; i++) {
      assertThat(api.login(user.username(), "wrong " + i).status()).isEqualTo(401);
    }
    Reply throttled = user.login();
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.json().getString("type")).isEqualTo("/problems/too-many-attempts");
    assertThat(api.get("/api/users/" + user.username(), api.admin()).json().getBoolean("enabled"))
        .isTrue();
    assertThat(api.audit("action=user.logged-in&targetId=" + user.username() + "&outcome=DENIED"))
        .hasSize(4);
  }

  @Test
  void a_disabled_account_loses_its_token_at_once() {
    Api.User user = api.newUser(Role.AUDITOR);
    String token = user.token();
    assertThat(api.get("/api/auth/me", token).status()).isEqualTo(200);

    assertThat(api.post("/api/users/" + user.username() + "/disable", api.admin(), null).status())
        .isEqualTo(200);

    Reply after = api.get("/api/auth/me", token);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.contentType()).startsWith("application/problem+json");
    assertThat(user.login().status()).isEqualTo(401);
  }

  @Test
  void roles_granted_later_end_the_existing_token_and_the_next_one_carries_them() {
    // Changed by issue 17: a change of roles now ends the user's sessions (the token stood for
    // the old roles) instead of taking effect on the old token.
    Api.User user = api.newUser(Role.ARMOURER);
    String token = user.token();
    assertThat(api.get("/api/audit-entries", token).status()).isEqualTo(403);

    Reply granted =
        api.put(
            "/api/users/" + user.username() + "/roles",
            api.admin(),
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("AUDITOR"))
                .build());
    assertThat(granted.status()).isEqualTo(200);

    assertThat(api.get("/api/audit-entries", token).status()).isEqualTo(401);
    token = user.token();
    assertThat(api.get("/api/audit-entries", token).status()).isEqualTo(200);
    assertThat(api.get("/api/firearms/1/history", token).status()).isNotEqualTo(403);
  }

  @Test
  void tampered_expired_or_foreign_tokens_are_refused() {
    String token = api.newUser(Role.ADMIN).token();
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    "{\"iss\":\"traza\",\"upn\":\"admin\",\"sub\":\"admin\",\"exp\":4102444800}"
                        .getBytes())
            + "."
            + parts[2];

    for (String bad : new String[] {forged, token + "x", "not-a-jwt", parts[0] + ".."}) {
      Reply r = api.get("/api/auth/me", bad);
      assertThat(r.status()).as(bad).isEqualTo(401);
      assertThat(r.json().getString("type")).isEqualTo("/problems/unauthenticated");
    }
    Reply basic =
        api.send(
            "GET",
            "/api/auth/me",
            null,
            null,
            null,
            java.util.Map.of("Authorization", "Basic YWRtaW46YWRtaW4="));
    assertThat(basic.status()).isEqualTo(401);
  }

  @Test
  void administrators_create_users_with_valid_roles_and_strong_passwords() {
    String admin = api.admin();
    Reply shortPassword =
        api.post(
            "/api/users",
            admin,
            Json.createObjectBuilder()
                .add("username", "shorty")
                .add("password", "short")
                .add("roles", Json.createArrayBuilder().add("ARMOURER"))
                .build());
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("password");

    Reply unknownRole =
        api.post(
            "/api/users",
            admin,
            Json.createObjectBuilder()
                .add("username", "rolly")
                .add("password", Api.USER_PASSWORD)
                .add("roles", Json.createArrayBuilder().add("GENERAL"))
                .build());
    assertThat(unknownRole.status()).isEqualTo(400);
    assertThat(unknownRole.json().getJsonArray("violations").getJsonObject(0).getString("message"))
        .contains("GENERAL", "ARMOURER");

    Api.User existing = api.newUser(Role.ARMOURER);
    Reply duplicate =
        api.post(
            "/api/users",
            admin,
            Json.createObjectBuilder()
                .add("username", existing.username())
                .add("password", Api.USER_PASSWORD)
                .add("roles", Json.createArrayBuilder().add("ARMOURER"))
                .build());
    assertThat(duplicate.status()).isEqualTo(409);

    Reply listed = api.get("/api/users", admin);
    assertThat(listed.body())
        .contains(existing.username())
        .doesNotContain("PBKDF2")
        .doesNotContain("passwordHash");
  }

  @Test
  void the_last_enabled_administrator_cannot_be_disabled_or_demoted() {
    Reply users = api.get("/api/users", api.admin());
    for (var u : users.array()) {
      JsonObject o = u.asJsonObject();
      if (!o.getString("username").equals("admin")
          && o.getBoolean("enabled")
          && o.getJsonArray("roles").toString().contains("ADMIN")) {
        api.post("/api/users/" + o.getString("username") + "/disable", api.admin(), null);
      }
    }
    Reply disable = api.post("/api/users/admin/disable", api.admin(), null);
    assertThat(disable.status()).isEqualTo(409);
    assertThat(disable.json().getString("detail")).contains("last enabled administrator");
    Reply demote =
        api.put(
            "/api/users/admin/roles",
            api.admin(),
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("AUDITOR"))
                .build());
    assertThat(demote.status()).isEqualTo(409);
  }
}
