package org.traza.registry.boundary;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.traza.platform.control.RequestContext;
import org.traza.platform.entity.ProblemException;
import org.traza.registry.control.ReferenceData;
import org.traza.registry.entity.ReferenceEntry;

/**
 * What makes, calibres and firearm types share over HTTP. Each subclass declares the endpoints (so
 * that OpenAPI documents each path): every role reads, ADMIN writes. Codes never change once
 * created (records and marks refer to them); names may.
 */
public abstract class ReferenceResource<T extends ReferenceEntry> {

  @Inject ReferenceData reference;
  @Inject RequestContext request;

  /** A new entry, or new name (and country, for makes) of an existing one. */
  public static class EntryRequest {
    @Size(max = ReferenceEntry.CODE_MAX)
    public String code;

    @NotBlank
    @Size(max = ReferenceEntry.NAME_MAX)
    public String name;

    @Size(max = 2)
    public String country;
  }

  protected abstract Class<T> type();

  protected abstract String path();

  protected abstract T newEntry(EntryRequest body);

  protected List<FirearmViews.Ref> list(String query) {
    return reference.list(type(), query).stream().map(FirearmViews.Ref::of).toList();
  }

  protected FirearmViews.Ref get(String code) {
    return FirearmViews.Ref.of(
        reference.byCode(type(), code).orElseThrow(() -> ProblemException.notFound(path(), code)));
  }

  protected Response add(EntryRequest body) {
    if (body.code == null || body.code.isBlank()) {
      throw ProblemException.invalid("code", "required");
    }
    T entry = reference.add(newEntry(body));
    return Response.created(URI.create("/api/" + path() + "/" + entry.code()))
        .entity(FirearmViews.Ref.of(entry))
        .build();
  }

  protected FirearmViews.Ref update(String code, EntryRequest body) {
    if (body.code != null && !body.code.equalsIgnoreCase(code)) {
      throw ProblemException.invalid("code", "a code cannot change; create a new entry instead");
    }
    return FirearmViews.Ref.of(reference.update(type(), code, body.name, body.country));
  }
}
