package org.traza.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Browser;

/**
 * The API explorer (Swagger UI) works under the pages' Content-Security-Policy: it loads the
 * OpenAPI document, lists the operations, opens one, tries it out and opens the Authorize dialog.
 * {@link Browser#close()} fails the test on any violation the browser reports.
 */
class ApiExplorerIT extends AgainstServer {

  @Test
  void the_api_explorer_lists_and_opens_operations_under_its_policy() {
    try (Browser browser = Browser.open(1280, 900, "en-US")) {
      browser.get(api.base().resolve("swagger-ui/").toString());
      browser.await(() -> browser.all(".opblock").size() > 10);
      browser.click(".opblock .opblock-summary");
      browser.shown(".opblock.is-open .opblock-body");
      browser.click(".opblock.is-open .try-out__btn");
      browser.click(".opblock.is-open .execute");
      // no token: the answer is the API's 401 problem, shown with its highlighted body
      browser.await(() -> browser.text(".opblock.is-open .live-responses-table").contains("401"));
      browser.click(".auth-wrapper .authorize");
      browser.shown(".modal-ux .auth-container input");
      assertThat(browser.text(".info .title")).contains("Traza API");
      browser.keep("api-explorer.png");
    }
  }
}
