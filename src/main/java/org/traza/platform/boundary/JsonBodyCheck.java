package org.traza.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.traza.platform.entity.Bounds;
import org.traza.platform.entity.ProblemException;
import org.traza.platform.entity.ProblemType;

/**
 * Checks every JSON request body before anything binds it, and reports every violation at once with
 * a JSON Pointer to it ({@code /markings/0/location}):
 *
 * <ul>
 *   <li>nesting deeper than {@value #MAX_DEPTH} levels is refused before a tree is built;
 *   <li>against the Java type the body becomes, field by field: a whole number must be written as
 *       one (no fraction, exponent or quotes) and fit its type; an instant or date must parse and
 *       lie within {@link Bounds}; a string must be a string and no longer than the {@code @Size}
 *       on its field (the same constant as its column's length); a list must be an array.
 * </ul>
 *
 * <p>Bodies taken as text or as a JSON tree (merge patches, exchange documents) get the depth check
 * and are read by their own code. The domain's own rules stay in the domain.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyCheck implements ReaderInterceptor {

  public static final int MAX_DEPTH = 32;

  /**
   * Found once: {@code Json.createParser} looks the provider up through the ServiceLoader on every
   * call, which cost a fifth of the server's CPU under load.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext ctx) throws IOException {
    if (!isJson(ctx.getMediaType())) {
      return ctx.proceed();
    }
    byte[] body = ctx.getInputStream().readAllBytes();
    ctx.setInputStream(new ByteArrayInputStream(body));
    if (body.length == 0) {
      return ctx.proceed();
    }
    String charset = ctx.getMediaType().getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null
        && !charset.equalsIgnoreCase("utf-8")
        && !charset.equalsIgnoreCase("utf8")) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE, "JSON is sent as UTF-8, not as " + charset + ".");
    }
    String text = utf8(body);
    Scan scan = scan(text);
    List<ProblemException.Violation> violations = new ArrayList<>(scan.duplicates());
    if (!isRaw(ctx.getType())) {
      JsonValue tree;
      try (JsonReader reader = JSON.createReader(new StringReader(text))) {
        tree = reader.readValue();
      } catch (RuntimeException e) {
        throw malformed();
      }
      Class<?> expected = ctx.getType();
      if ((Collection.class.isAssignableFrom(expected)
              && tree.getValueType() != JsonValue.ValueType.ARRAY)
          || (isBean(expected) && tree.getValueType() != JsonValue.ValueType.OBJECT)) {
        // not the shape of this resource at all: nothing in it can be named
        throw malformed();
      }
      check(tree, ctx.getGenericType(), null, "", scan.numbers(), violations);
    }
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    return ctx.proceed();
  }

  /** Every violation of one body, as one problem. */
  public static ProblemException invalid(List<ProblemException.Violation> violations) {
    List<String> fields =
        violations.stream().map(ProblemException.Violation::field).distinct().toList();
    return new ProblemException(
        ProblemType.VALIDATION_FAILED,
        "The request has invalid fields: " + String.join(", ", fields) + ".",
        violations);
  }

  static boolean isJson(MediaType type) {
    return type != null
        && ("json".equalsIgnoreCase(type.getSubtype())
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  private static boolean isRaw(Class<?> type) {
    return type == String.class
        || JsonValue.class.isAssignableFrom(type)
        || type == byte[].class
        || type == Object.class
        || Map.class.isAssignableFrom(type);
  }

  /**
   * The body as text: UTF-8, strictly (a byte sequence that is not UTF-8 is refused, not replaced).
   */
  static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ProblemException(
          ProblemType.MALFORMED_BODY, "The request body is not valid JSON: it is not UTF-8.");
    }
  }

  /**
   * What a streaming pass learns before any tree is built: nesting beyond {@link #MAX_DEPTH} is
   * refused at once; a key given twice in one object is a violation (JSON-B would silently keep the
   * last); every number keeps the text it was written with, by JSON Pointer, so that {@code 4e0} is
   * not taken for the whole number 4.
   */
  record Scan(Map<String, String> numbers, List<ProblemException.Violation> duplicates) {}

  private static final class Frame {
    final String pointer;
    final boolean array;
    final java.util.Set<String> keys = new java.util.HashSet<>();
    int index;
    String key;

    Frame(String pointer, boolean array) {
      this.pointer = pointer;
      this.array = array;
    }

    String child() {
      return pointer + "/" + (array ? Integer.toString(index) : escape(key));
    }
  }

  static Scan scan(String text) {
    Map<String, String> numbers = new java.util.HashMap<>();
    List<ProblemException.Violation> duplicates = new ArrayList<>();
    java.util.Deque<Frame> frames = new java.util.ArrayDeque<>();
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        Frame parent = frames.peek();
        switch (event) {
          case START_OBJECT, START_ARRAY -> {
            if (frames.size() >= MAX_DEPTH) {
              throw ProblemException.invalid(
                  "body", "nested deeper than " + MAX_DEPTH + " levels of objects and arrays");
            }
            String at = parent == null ? "" : parent.child();
            frames.push(new Frame(at, event == JsonParser.Event.START_ARRAY));
          }
          case END_OBJECT, END_ARRAY -> {
            frames.pop();
            advance(frames.peek());
          }
          case KEY_NAME -> {
            parent.key = parser.getString();
            if (!parent.keys.add(parent.key)) {
              duplicates.add(
                  new ProblemException.Violation(
                      parent.child(), "this key is given twice; give each key once"));
            }
          }
          case VALUE_NUMBER -> {
            numbers.put(parent == null ? "" : parent.child(), parser.getString());
            advance(parent);
          }
          default -> advance(parent);
        }
      }
    } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException e) {
      throw malformed();
    } catch (jakarta.json.JsonException e) {
      throw malformed();
    }
    return new Scan(numbers, duplicates);
  }

  private static void advance(Frame frame) {
    if (frame != null && frame.array) {
      frame.index++;
    }
  }

  private static ProblemException malformed() {
    return new ProblemException(
        ProblemType.MALFORMED_BODY, "The request body is not valid JSON: it is not well-formed.");
  }

  /**
   * Checks {@code value} at {@code pointer} against {@code type}; {@code field} is the Java field
   * it binds to (for its {@code @Size}), or null for list elements and the body itself.
   */
  static void check(
      JsonValue value,
      Type type,
      Field field,
      String pointer,
      Map<String, String> numbers,
      List<ProblemException.Violation> out) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    String at = pointer.isEmpty() ? "/" : pointer;
    Class<?> raw = rawClass(type);
    if (raw == Long.class || raw == long.class) {
      whole(value, numbers.get(pointer), Long.MIN_VALUE, Long.MAX_VALUE, at, out);
    } else if (raw == Integer.class || raw == int.class) {
      whole(value, numbers.get(pointer), Integer.MIN_VALUE, Integer.MAX_VALUE, at, out);
    } else if (raw == Double.class || raw == double.class) {
      if (value.getValueType() != JsonValue.ValueType.NUMBER) {
        out.add(new ProblemException.Violation(at, "a number is expected"));
      }
    } else if (raw == Boolean.class || raw == boolean.class) {
      if (value.getValueType() != JsonValue.ValueType.TRUE
          && value.getValueType() != JsonValue.ValueType.FALSE) {
        out.add(new ProblemException.Violation(at, "true or false is expected"));
      }
    } else if (raw == String.class) {
      string(value, field, at, out);
    } else if (raw == Instant.class) {
      instant(value, at, out);
    } else if (raw == LocalDate.class) {
      date(value, at, out);
    } else if (raw.isEnum()) {
      if (value.getValueType() != JsonValue.ValueType.STRING) {
        out.add(new ProblemException.Violation(at, "a code (text) is expected"));
      }
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (value.getValueType() != JsonValue.ValueType.ARRAY) {
        out.add(new ProblemException.Violation(at, "a list is expected"));
        return;
      }
      Type element = elementType(type);
      JsonArray array = value.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).getValueType() == JsonValue.ValueType.NULL) {
          out.add(new ProblemException.Violation(pointer + "/" + i, "a list holds no null"));
          continue;
        }
        check(array.get(i), element, field, pointer + "/" + i, numbers, out);
      }
    } else if (isBean(raw)) {
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        out.add(new ProblemException.Violation(at, "an object is expected"));
        return;
      }
      JsonObject object = value.asJsonObject();
      for (Map.Entry<String, JsonValue> member : object.entrySet()) {
        Member m = member(raw, member.getKey());
        if (m != null) {
          check(
              member.getValue(),
              m.type,
              m.field,
              pointer + "/" + escape(member.getKey()),
              numbers,
              out);
        }
      }
    }
  }

  private static void whole(
      JsonValue value,
      String written,
      long min,
      long max,
      String at,
      List<ProblemException.Violation> out) {
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      out.add(new ProblemException.Violation(at, "a whole number is expected"));
      return;
    }
    // as written: 4e0 and 4.0 are not the whole number 4 (the tree would say "4")
    String text = written != null ? written : value.toString();
    boolean fits = false;
    if (INTEGER.matcher(text).matches()) {
      BigDecimal n = ((JsonNumber) value).bigDecimalValue();
      fits = n.compareTo(BigDecimal.valueOf(min)) >= 0 && n.compareTo(BigDecimal.valueOf(max)) <= 0;
    }
    if (!fits) {
      out.add(
          new ProblemException.Violation(
              at,
              "a whole number from "
                  + min
                  + " to "
                  + max
                  + ", without fraction or exponent, is expected"));
    }
  }

  private static void string(
      JsonValue value, Field field, String at, List<ProblemException.Violation> out) {
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      out.add(new ProblemException.Violation(at, "text is expected"));
      return;
    }
    Size size = field == null ? null : field.getAnnotation(Size.class);
    if (size == null && field != null) {
      size = sizeOfElements(field);
    }
    String text = ((JsonString) value).getString();
    if (!wellFormed(text)) {
      out.add(
          new ProblemException.Violation(
              at, "text must be valid Unicode (a lone surrogate cannot be stored)"));
      return;
    }
    int length = text.length();
    if (size != null && length > size.max()) {
      out.add(
          new ProblemException.Violation(at, "at most " + size.max() + " characters are allowed"));
    }
  }

  /** Whether every surrogate in {@code text} is half of a pair: what a database can store. */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  // List<@Size(max = N) String>: the element's constraint is on the type argument.
  private static Size sizeOfElements(Field field) {
    if (field.getAnnotatedType() instanceof java.lang.reflect.AnnotatedParameterizedType p
        && p.getAnnotatedActualTypeArguments().length == 1) {
      return p.getAnnotatedActualTypeArguments()[0].getAnnotation(Size.class);
    }
    return null;
  }

  private static void instant(JsonValue value, String at, List<ProblemException.Violation> out) {
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      out.add(new ProblemException.Violation(at, "an ISO-8601 instant is expected"));
      return;
    }
    try {
      Bounds.instant(at, Instant.parse(((JsonString) value).getString()));
    } catch (DateTimeParseException e) {
      out.add(
          new ProblemException.Violation(
              at, "an ISO-8601 instant such as 2026-01-31T10:15:30Z is expected"));
    } catch (ProblemException e) {
      out.addAll(e.violations());
    }
  }

  private static void date(JsonValue value, String at, List<ProblemException.Violation> out) {
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      out.add(new ProblemException.Violation(at, "a date as YYYY-MM-DD is expected"));
      return;
    }
    try {
      Bounds.date(at, LocalDate.parse(((JsonString) value).getString()));
    } catch (DateTimeParseException e) {
      out.add(new ProblemException.Violation(at, "a date as YYYY-MM-DD is expected"));
    } catch (ProblemException e) {
      out.addAll(e.violations());
    }
  }

  private record Member(Type type, Field field) {}

  /** The members of each body type by JSON name, read once by reflection. */
  private static final Map<Class<?>, Map<String, Member>> MEMBERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static Member member(Class<?> owner, String name) {
    return MEMBERS.computeIfAbsent(owner, JsonBodyCheck::members).get(name);
  }

  private static Map<String, Member> members(Class<?> owner) {
    Map<String, Member> found = new java.util.HashMap<>();
    if (owner.isRecord()) {
      for (RecordComponent c : owner.getRecordComponents()) {
        Field f = null;
        try {
          f = owner.getDeclaredField(c.getName());
        } catch (NoSuchFieldException e) {
          // a record component always has its field
        }
        found.put(c.getName(), new Member(c.getGenericType(), f));
      }
      return Map.copyOf(found);
    }
    for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())
            && !Modifier.isTransient(f.getModifiers())
            && !found.containsKey(f.getName())) {
          found.put(f.getName(), new Member(f.getGenericType(), f));
        }
      }
    }
    return Map.copyOf(found);
  }

  private static boolean isBean(Class<?> raw) {
    return !raw.isPrimitive()
        && !raw.isArray()
        && raw.getName().startsWith("org.traza.")
        && !raw.isInterface();
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  private static Type elementType(Type type) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      return p.getActualTypeArguments()[0];
    }
    return Object.class;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
