package org.traza.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The audit catalogue: one style, no entry outside it, and its documentation drawn from it. */
class AuditActionTest {

  private static final Path DOC = Path.of("..", "docs", "audit-actions.md");

  @Test
  void every_action_is_written_record_dot_what_happened_in_lower_case() {
    Pattern style = Pattern.compile("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*");
    assertThat(AuditAction.values())
        .allSatisfy(a -> assertThat(a.code()).matches(style))
        .allSatisfy(a -> assertThat(a.description()).isNotBlank());
  }

  @Test
  void nothing_outside_the_catalogue_reaches_the_log() {
    assertThatThrownBy(
            () ->
                new ActionPerformed(
                    "FIREARM_REGISTERED", "firearm", "1", ActionPerformed.Outcome.SUCCESS, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ActionPerformed.of(AuditAction.FIREARMS_SEARCHED, null, "x").targetId())
        .as("never the string 'null'")
        .isNull();
  }

  /** docs/audit-actions.md is the catalogue as a table; regenerate it when this fails. */
  @Test
  void the_documented_catalogue_is_the_catalogue() throws IOException {
    String expected = table();
    String actual = Files.readString(DOC, StandardCharsets.UTF_8);
    if (!actual.contains(expected)) {
      Files.writeString(
          Path.of("..", "target", "audit-actions.expected.md"), expected, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(
            "docs/audit-actions.md lists every action (expected table: target/audit-actions.expected.md)")
        .contains(expected);
  }

  static String table() {
    StringBuilder b = new StringBuilder("| action | target | meaning |\n|---|---|---|\n");
    Arrays.stream(AuditAction.values())
        .forEach(
            a ->
                b.append("| `")
                    .append(a.code())
                    .append("` | ")
                    .append(a.targetType())
                    .append(" | ")
                    .append(a.description())
                    .append(" |\n"));
    return b.toString();
  }
}
