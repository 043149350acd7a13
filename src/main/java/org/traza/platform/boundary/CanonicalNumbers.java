package org.traza.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.traza.platform.entity.ProblemException;

/**
 * Accepts every whole number in a path or query parameter in its one canonical spelling only: ASCII
 * digits, no sign, no leading zero, within range. JAX-RS on its own reads {@code +2}, {@code 002}
 * and {@code 0000000000000000002} as 2, so one object had many addresses, and any check that
 * compared the text of an address could be walked around. A path id spelled otherwise names nothing
 * (404); a query number spelled otherwise is a 400 that names the parameter. Checked against the
 * parameters of the resource method that will run, so every endpoint, present and future, is
 * covered.
 */
@Provider
@Priority(Priorities.USER - 100)
public class CanonicalNumbers implements ContainerRequestFilter {

  private static final Pattern CANONICAL = Pattern.compile("0|[1-9][0-9]{0,18}");

  @Context ResourceInfo resource;

  /** A numeric parameter of a resource method: where it comes from and its largest value. */
  private record Numeric(String name, boolean path, long max) {}

  /** The numeric parameters of each resource method, read once. */
  private static final Map<Method, List<Numeric>> NUMERIC = new ConcurrentHashMap<>();

  @Override
  public void filter(ContainerRequestContext ctx) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    for (Numeric n : NUMERIC.computeIfAbsent(method, CanonicalNumbers::numeric)) {
      MultivaluedMap<String, String> values =
          n.path() ? ctx.getUriInfo().getPathParameters() : ctx.getUriInfo().getQueryParameters();
      for (String v : values(values.get(n.name()))) {
        if (parse(v, n.max()).isEmpty()) {
          if (n.path()) {
            throw new NotFoundException();
          }
          throw ProblemException.invalid(
              n.name(), "a whole number from 0 to " + n.max() + ", written with digits only");
        }
      }
    }
  }

  private static List<Numeric> numeric(Method method) {
    List<Numeric> found = new ArrayList<>();
    for (Parameter p : method.getParameters()) {
      long max = max(p.getType());
      if (max == 0) {
        continue;
      }
      PathParam path = p.getAnnotation(PathParam.class);
      if (path != null) {
        found.add(new Numeric(path.value(), true, max));
      }
      QueryParam query = p.getAnnotation(QueryParam.class);
      if (query != null) {
        found.add(new Numeric(query.value(), false, max));
      }
    }
    return List.copyOf(found);
  }

  private static List<String> values(List<String> list) {
    return list == null ? List.of() : list;
  }

  private static long max(Class<?> type) {
    if (type == long.class || type == Long.class) {
      return Long.MAX_VALUE;
    }
    if (type == int.class || type == Integer.class) {
      return Integer.MAX_VALUE;
    }
    return 0;
  }

  /** The value of {@code text} when it is spelled canonically and at most {@code max}. */
  public static OptionalLong parse(String text, long max) {
    if (text == null || !CANONICAL.matcher(text).matches()) {
      return OptionalLong.empty();
    }
    try {
      long v = Long.parseLong(text);
      return v <= max ? OptionalLong.of(v) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
