package org.traza.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.traza.platform.entity.Bounds;
import org.traza.platform.entity.ProblemException;

/**
 * Binds request bodies after {@link JsonBodyCheck} has checked their shape, with one change to
 * JSON-B's defaults: instants are cut to the microsecond a {@code DATETIME(6)} column keeps, so
 * that what a feature hashes or compares is what the database stores and returns.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB =
      JsonbBuilder.create(new JsonbConfig().withDeserializers(new MicrosecondInstant()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }

  static final class MicrosecondInstant implements JsonbDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      String text = parser.getString();
      try {
        return Bounds.instant("body", Instant.parse(text).truncatedTo(ChronoUnit.MICROS));
      } catch (DateTimeParseException e) {
        throw ProblemException.invalid("body", "an ISO-8601 instant is expected, not " + text);
      }
    }
  }
}
