package org.traza.web.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The web interface's bundles: complete where the issue asks, and every label the pages use. */
class WebMessagesTest {

  /** What French and Portuguese must cover: the station and trace pages and what they show. */
  static final List<String> STATION_AND_TRACE =
      List.of(
          "common.",
          "nav.",
          "login.",
          "role.",
          "problem.",
          "chart.",
          "stationPage.",
          "mode.",
          "trace.",
          "traceStatus.",
          "outcome.",
          "urgency.",
          "status.",
          "action.",
          "type.",
          "markKind.",
          "scanOutcome.");

  static final Set<String> STATION_AND_TRACE_KEYS =
      Set.of(
          "firearm.serial",
          "firearm.make",
          "firearm.model",
          "firearm.calibre",
          "firearm.type",
          "firearm.status",
          "firearm.markings",
          "firearm.registryId",
          "marking.kind",
          "marking.text",
          "custody.timeline",
          "custody.when",
          "custody.action",
          "custody.change",
          "custody.chain",
          "custody.chainOk",
          "custody.lastLocation",
          "custody.lastHolder");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final Pattern USED = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'");

  private final MessagesResource messages = new MessagesResource();

  private Map<String, String> own(String language) {
    // what the language's own file defines, without the English fallback
    java.util.Properties p = new java.util.Properties();
    String file = "/org/traza/web/messages" + ("en".equals(language) ? "" : "_" + language);
    try (var in = getClass().getResourceAsStream(file + ".properties")) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p.stringPropertyNames().stream().collect(Collectors.toMap(k -> k, p::getProperty));
  }

  @Test
  void spanishHasEveryEnglishLabel() {
    assertThat(own("es").keySet()).isEqualTo(own("en").keySet());
  }

  @Test
  void frenchAndPortugueseCoverTheStationAndTracePages() {
    Set<String> required = new TreeSet<>(STATION_AND_TRACE_KEYS);
    own("en").keySet().stream()
        .filter(k -> STATION_AND_TRACE.stream().anyMatch(k::startsWith))
        .forEach(required::add);
    assertThat(required).hasSizeGreaterThan(200);
    for (String language : List.of("fr", "pt")) {
      assertThat(own(language).keySet()).as(language).containsAll(required);
      assertThat(own("en").keySet())
          .as(language + " keys unknown to English")
          .containsAll(own(language).keySet());
    }
  }

  @Test
  void translationsKeepThePlaceholders() {
    Map<String, String> english = own("en");
    for (String language : MessagesResource.LANGUAGES) {
      own(language)
          .forEach(
              (key, text) ->
                  assertThat(placeholders(text))
                      .as(language + " " + key)
                      .isEqualTo(placeholders(english.get(key))));
    }
  }

  @Test
  void everyLabelThePagesAskForExists() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(webapp())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        Matcher m = USED.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    try (Stream<Path> files = Files.walk(webapp())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m =
            Pattern.compile("data-i18n(?:-label)?=\"([^\"]+)\"").matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(300);
    assertThat(own("en").keySet()).containsAll(used);
  }

  @Test
  void aLanguageFallsBackToEnglishKeyByKey() {
    Map<String, String> french = messages.messages("fr");
    assertThat(french.get("trace.new")).isEqualTo("Nouvelle demande de traçage");
    assertThat(french.get("order.approve")).isEqualTo("Approve");
    assertThat(french.keySet()).isEqualTo(messages.messages("en").keySet());
  }

  @Test
  void aTagNamesItsLanguageOrEnglish() {
    assertThat(MessagesResource.supported("pt-BR")).isEqualTo("pt");
    assertThat(MessagesResource.supported("es_AR")).isEqualTo("es");
    assertThat(MessagesResource.supported("FR")).isEqualTo("fr");
    assertThat(MessagesResource.supported("de")).isEqualTo("en");
    assertThat(MessagesResource.supported(null)).isEqualTo("en");
  }

  /** The pages' folder, whether the tests run from the project root or from the module. */
  private static Path webapp() {
    return Stream.of("main/webapp", "src/main/webapp")
        .map(Path::of)
        .filter(Files::isDirectory)
        .findFirst()
        .orElseThrow();
  }

  private static Set<String> placeholders(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
