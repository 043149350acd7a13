package org.traza.trace.control;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace exchange's JSON Schema (version 1, {@code trace-exchange-1.schema.json}, JSON Schema
 * 2020-12 with formats asserted) and validation of a document against it.
 */
public final class ExchangeSchema {

  public static final String FORMAT = "traza-trace-exchange/1";
  static final String RESOURCE = "/org/traza/trace/trace-exchange-1.schema.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TEXT = load();
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_2020_12,
              b ->
                  b.schemaRegistryConfig(
                      SchemaRegistryConfig.builder()
                          .formatAssertionsEnabled(true)
                          .locale(Locale.ENGLISH)
                          .build()))
          .getSchema(TEXT, InputFormat.JSON);

  private ExchangeSchema() {}

  /** The schema's text, as published. */
  public static String text() {
    return TEXT;
  }

  /** One way a document breaks the schema: where (a JSON Pointer) and what. */
  public record Violation(String at, String message) {}

  /** Parses {@code json}; 400 when it is not JSON. */
  public static JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      throw ProblemException.invalid("body", "a trace exchange document (JSON) is required");
    }
    try {
      return JSON.readTree(json);
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new ProblemException(
          ProblemType.VALIDATION_FAILED, "The document is not valid JSON" + where + ".");
    }
  }

  /** Every violation of the schema by {@code document}, in document order. */
  public static List<Violation> violations(JsonNode document) {
    List<Error> errors = SCHEMA.validate(document);
    return errors.stream()
        .map(
            e ->
                new Violation(
                    pointer(e.getInstanceLocation().toString()),
                    e.getMessage().replaceFirst("^\\$[^:]*: ", "")))
        .sorted(Comparator.comparing(Violation::at))
        .distinct()
        .toList();
  }

  /** Validates {@code document}: 400 naming every violation when it breaks the schema. */
  public static void require(JsonNode document) {
    List<Violation> found = violations(document);
    if (!found.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION_FAILED,
          "The document does not follow the trace exchange schema ("
              + FORMAT
              + "): "
              + found.size()
              + " violation(s).",
          found.stream().map(v -> new ProblemException.Violation(v.at(), v.message())).toList());
    }
  }

  /** networknt names locations as {@code $.request.photos[0]}; receivers read JSON Pointers. */
  static String pointer(String location) {
    String p = location.startsWith("$") ? location.substring(1) : location;
    p = p.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    return p.isEmpty() ? "/" : p;
  }

  private static String load() {
    try (InputStream in = ExchangeSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
