package org.traza.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api;
import org.traza.testing.Api.Role;
import org.traza.testing.Browser;

/**
 * The web interface's account pages (issue 17): an administrator resets a password on the users
 * page, logging out revokes the token on the server, and the user's next login shows only the form
 * that replaces the temporary password.
 */
class AccountPagesIT extends AgainstServer {

  private Browser browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  private void logIn(String username, String password) {
    browser.shown("#login [name=username]");
    browser.type("#login", "username", username);
    browser.type("#login", "password", password);
    browser.submit("#login");
  }

  @Test
  void an_administrators_reset_leads_to_a_forced_change_and_logout_revokes_the_token() {
    Api.User user = api.newUser(Role.AUDITOR);
    browser = Browser.open(1280, 900, "en-US");
    browser.get(api.base().resolve("/").toString());
    logIn("admin", Api.ADMIN_PASSWORD);
    browser.shown("#nav a");
    browser.get(api.base().resolve("/#/admin/users").toString());
    String reset = "#reset-" + user.username();
    browser.await(() -> !browser.all(reset).isEmpty());
    browser.script("document.querySelector(arguments[0]).closest('details').open = true", reset);
    browser.script("window.confirm = () => true");
    browser.click(reset);
    browser.shown(".temporary-password");
    String temporary = browser.text(".temporary-password");
    assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);

    String adminToken = (String) browser.script("return sessionStorage.getItem('traza.token')");
    assertThat(api.get("/api/auth/me", adminToken).status()).isEqualTo(200);
    browser.click("#logout");
    browser.shown("#login [name=username]");
    browser.await(() -> api.get("/api/auth/me", adminToken).status() == 401);

    logIn(user.username(), temporary);
    browser.shown("#password-must-change");
    assertThat(browser.all("#nav a")).as("nothing else is offered").isEmpty();
    browser.type("#change-password", "currentPassword", temporary);
    browser.type("#change-password", "newPassword", "password1234");
    browser.type("#change-password", "repeatPassword", "password1234");
    browser.submit("#change-password");
    browser.await(() -> browser.text("#change-password").contains("common password"));
    String chosen = "a sentence only this auditor knows";
    browser.type("#change-password", "newPassword", chosen);
    browser.type("#change-password", "repeatPassword", chosen);
    browser.submit("#change-password");
    browser.shown("#nav a");
    assertThat(browser.text("#nav")).contains("Audit");
    assertThat(api.login(user.username(), chosen).status()).isEqualTo(200);
  }
}
