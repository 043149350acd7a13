package org.traza.web.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The web interface's labels for a language, from the resource bundles {@code
 * org/traza/web/messages*.properties}: a key the language lacks falls back to English, never to the
 * server's own locale. Public, since the login page needs them before anyone logs in.
 */
@Path("ui/messages")
@ApplicationScoped
@Tag(name = "Web interface")
public class MessagesResource {

  /** The OAS's languages, English first (the bundle every other falls back to). */
  public static final List<String> LANGUAGES = List.of("en", "es", "fr", "pt");

  static final String BUNDLE = "org.traza.web.messages";

  private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

  public record Messages(String language, List<String> languages, Map<String, String> messages) {}

  @GET
  @Path("{language}")
  @Produces(MediaType.APPLICATION_JSON)
  @PermitAll
  @Operation(
      summary =
          "The web interface's labels in a language (en, es, fr, pt; any other, or a region such"
              + " as es-AR, answers its base language or English)")
  public Response get(@PathParam("language") String requested) {
    String language = supported(requested);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(new Messages(language, LANGUAGES, messages(language)))
        .cacheControl(cache)
        .build();
  }

  /** The supported language a tag such as {@code pt-BR} or {@code FR} designates, else English. */
  static String supported(String tag) {
    String base = tag == null ? "" : Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
    return LANGUAGES.contains(base) ? base : LANGUAGES.get(0);
  }

  /** Every key of the language, with English for the keys it lacks. */
  public Map<String, String> messages(String language) {
    return cache.computeIfAbsent(
        language,
        l -> {
          ResourceBundle bundle =
              ResourceBundle.getBundle(
                  BUNDLE,
                  Locale.forLanguageTag(l),
                  ResourceBundle.Control.getNoFallbackControl(
                      ResourceBundle.Control.FORMAT_PROPERTIES));
          Map<String, String> out = new TreeMap<>();
          for (String key : bundle.keySet()) {
            out.put(key, bundle.getString(key));
          }
          return Map.copyOf(out);
        });
  }
}
