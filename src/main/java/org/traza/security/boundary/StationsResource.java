package org.traza.security.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.custody.boundary.CustodyDirectory;
import org.traza.platform.control.RequestContext;
import org.traza.security.control.Stations;
import org.traza.security.entity.Role;
import org.traza.security.entity.Station;

/**
 * Registered stations (handhelds, PCs): ADMIN registers them and hands each its credential, which
 * it sends as {@code X-Traza-Station: code:secret} beside its operator's bearer token.
 */
@Tag(name = "Stations", description = "Registered handheld devices and PCs (ADMIN)")
@Path("stations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class StationsResource {

  @Inject Stations stations;
  @Inject CustodyDirectory places;
  @Inject RequestContext request;

  /** A device to register: its code (as events will name it), a name and the armoury it serves. */
  public static class NewStation {
    @NotBlank
    @Pattern(regexp = Station.CODE_PATTERN, message = "use 1-40 of A-Z a-z 0-9 . _ -")
    @Size(max = Station.CODE_MAX)
    public String code;

    @NotBlank
    @Size(max = Station.NAME_MAX)
    public String name;

    @NotNull public Long armouryId;
  }

  /** A station; {@code credential} only in the answer that creates or rotates it. */
  public record StationView(
      String code,
      String name,
      long armouryId,
      String armouryCode,
      boolean enabled,
      Instant createdAt,
      String createdBy,
      String credential,
      String header) {}

  @GET
  public List<StationView> list() {
    return stations.all().stream().map(s -> view(s, null)).toList();
  }

  @GET
  @Path("{code}")
  public StationView get(@PathParam("code") String code) {
    return view(stations.existing(code), null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@NotNull @Valid NewStation body) {
    long armoury = places.armoury(body.armouryId, "armouryId").id();
    Stations.Registered r =
        stations.register(body.code, body.name.trim(), armoury, request.actor());
    return Response.created(URI.create("/api/stations/" + r.station().code()))
        .entity(view(r.station(), r.credential()))
        .build();
  }

  /** A new credential; the old one stops working. */
  @POST
  @Path("{code}/rotate-credential")
  public StationView rotate(@PathParam("code") String code) {
    Stations.Registered r = stations.rotate(code);
    return view(r.station(), r.credential());
  }

  @POST
  @Path("{code}/disable")
  public StationView disable(@PathParam("code") String code) {
    return view(stations.disable(code), null);
  }

  @POST
  @Path("{code}/enable")
  public StationView enable(@PathParam("code") String code) {
    return view(stations.enable(code), null);
  }

  private StationView view(Station s, String credential) {
    return new StationView(
        s.code(),
        s.name(),
        s.armouryId(),
        places.place(s.armouryId()).map(CustodyDirectory.Place::code).orElse(null),
        s.enabled(),
        s.createdAt(),
        s.createdBy(),
        credential,
        credential == null ? null : AuthenticationFilter.STATION_HEADER);
  }
}
