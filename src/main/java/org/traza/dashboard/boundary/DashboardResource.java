package org.traza.dashboard.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.traza.dashboard.control.Figures;
import org.traza.destruction.control.Destructions;
import org.traza.platform.control.RequestContext;
import org.traza.security.entity.Role;
import org.traza.stockpile.control.StockCounts;

/**
 * Everything the dashboard draws, in one answer. Holdings, custody activity, overdue returns and
 * counts are confined to the caller's armoury; trace and destruction figures are national and
 * answered only to the roles that may read those records (null otherwise).
 */
@Path("dashboard")
@RequestScoped
@Tag(name = "Dashboard")
public class DashboardResource {

  static final int ACTIVITY_DAYS = 30;
  static final int ANSWER_MONTHS = 12;
  static final int TOP_LOCATIONS = 12;

  @Inject Figures figures;
  @Inject StockCounts counts;
  @Inject Destructions destructions;
  @Inject RequestContext request;
  @Inject Clock clock;

  public record Traces(
      List<Figures.Count> byStatus,
      List<Figures.Count> byOutcome,
      List<Figures.AnswerTime> timeToAnswer) {}

  public record Overdue(long counts, long returns, Long traces) {}

  public record Dashboard(
      Instant at,
      boolean confined,
      Figures.Holdings holdings,
      List<Figures.DayCount> custodyActivity,
      Traces traces,
      Map<Integer, Map<String, Long>> destroyedByYearAndMethod,
      Overdue overdue) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.ANY_ROLE)
  @Operation(
      summary =
          "The dashboard's figures: holdings by status, type and location, custody events per day"
              + " (30 days), trace requests by status and outcome with time to answer (12 months),"
              + " firearms destroyed per year and method, and overdue counts, returns and traces")
  public Dashboard get() {
    Instant now = clock.instant();
    Set<Long> scope = request.scope().orElse(null);
    Figures.Holdings holdings = figures.holdings(scope, TOP_LOCATIONS);
    List<Figures.DayCount> activity =
        figures.custodyActivity(
            now.atZone(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.DAYS)
                .minusDays(ACTIVITY_DAYS - 1L)
                .toInstant(),
            scope);
    boolean tracing =
        request.hasRole(Role.Names.INVESTIGATOR)
            || request.hasRole(Role.Names.SUPERVISOR)
            || request.hasRole(Role.Names.ADMIN)
            || request.hasRole(Role.Names.AUDITOR);
    Traces traces =
        tracing
            ? new Traces(
                figures.tracesByStatus(),
                figures.tracesByOutcome(),
                figures.timeToAnswer(
                    now.atZone(ZoneOffset.UTC).minusMonths(ANSWER_MONTHS).toInstant()))
            : null;
    // destruction figures are national: a request confined to an armoury does not get them
    boolean destruction =
        scope == null
            && (request.hasRole(Role.Names.SUPERVISOR)
                || request.hasRole(Role.Names.ADMIN)
                || request.hasRole(Role.Names.AUDITOR));
    long overdueCounts = counts.overdue().stream().filter(p -> request.inScope(p.id())).count();
    return new Dashboard(
        now,
        scope != null,
        holdings,
        activity,
        traces,
        destruction ? destroyed() : null,
        new Overdue(
            overdueCounts,
            figures.overdueReturns(now, scope),
            tracing ? figures.overdueTraces(now) : null));
  }

  /** The destruction summary folded over firearm types: year, then method, then firearms. */
  private Map<Integer, Map<String, Long>> destroyed() {
    Map<Integer, Map<String, Long>> out = new TreeMap<>();
    destructions
        .summary(null, null)
        .forEach(
            (year, byType) ->
                byType
                    .values()
                    .forEach(
                        byMethod ->
                            byMethod.forEach(
                                (method, n) ->
                                    out.computeIfAbsent(year, y -> new TreeMap<>())
                                        .merge(method, n, Long::sum))));
    return out;
  }
}
