package org.traza.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.traza.registry.boundary.FirearmDirectory;
import org.traza.registry.boundary.FirearmDirectory.Traced;
import org.traza.trace.entity.SerialQuery;

/**
 * Finds the registry records a recovered weapon may be, best first. Serial evidence sets the base
 * score (exact 100, found through the skeleton index like the next; equal once confusables are
 * folded 90; fitting the unreadable positions 80 less 5 a position; within edit distance 1 or 2 of
 * the same make's serials 70 less 10 a step); the description moves it (same make +5, other make
 * -10, each agreeing field +2 or +1).
 */
@ApplicationScoped
public class TraceMatcher {

  /** Records read per index look-up; a partial serial narrower than this is needed beyond it. */
  static final int PER_LOOKUP = 500;

  /** Records of one make read for the similarity ranking. */
  static final int SIMILAR_FIELD = 20_000;

  static final Set<String> ALERT_STATUSES = Set.of("LOST", "STOLEN", "DESTROYED");

  @Inject FirearmDirectory firearms;

  /** What the investigator knows of the weapon; null fields are unknown. */
  public record Description(
      String make, String model, String type, String calibre, String country, Integer year) {}

  /** A record that may be the weapon, with why. */
  public record Candidate(Traced firearm, int score, List<String> reasons, List<String> alerts) {}

  /** The candidates and how the serial was searched. */
  public record Result(SerialQuery serial, List<String> strategies, List<Candidate> candidates) {}

  public Result match(SerialQuery q, Description d, int limit) {
    Map<Long, Scored> found = new LinkedHashMap<>();
    List<String> strategies = new ArrayList<>();
    if (!q.hasWildcards()) {
      // one look-up: an exact serial has the same skeleton as what was read
      strategies.add("skeleton (confusables, punctuation and leading zeros set aside)");
      for (Traced t : firearms.tracedBySkeleton(q.pattern(), PER_LOOKUP)) {
        boolean exact = t.serialNormalized().equals(q.exact());
        add(found, t, exact ? 100 : 90, confusableReason(q, t));
      }
    } else {
      String prefix = q.literalPrefix();
      String suffix = q.literalSuffix();
      List<Traced> hits;
      if (prefix.length() >= 2 && prefix.length() >= suffix.length()) {
        strategies.add("index range on the readable prefix " + prefix);
        hits = firearms.tracedBySkeletonLike(q.like(), false, PER_LOOKUP);
      } else if (suffix.length() >= 2) {
        strategies.add("index range on the readable suffix " + suffix + " (reversed skeleton)");
        hits = firearms.tracedBySkeletonLike(q.reversedLike(), true, PER_LOOKUP);
      } else {
        strategies.add("scan (fewer than two readable characters at either end)");
        hits = firearms.tracedBySkeletonLike(q.like(), false, PER_LOOKUP);
      }
      for (Traced t : hits) {
        if (q.matches(t.skeleton())) {
          add(
              found,
              t,
              80 - 5 * q.unknown(),
              "serial fits "
                  + q.asRead()
                  + " with "
                  + q.unknown()
                  + " unreadable position(s)"
                  + (q.folded().isEmpty() ? "" : ", read " + String.join(", ", q.folded())));
        }
      }
    }
    if (d.make() != null && q.pattern().indexOf('*') < 0) {
      strategies.add("edit distance within make " + d.make().toUpperCase(Locale.ROOT));
      int len = q.pattern().length();
      for (Traced t :
          firearms.tracedByDescription(
              d.make().toUpperCase(Locale.ROOT),
              upper(d.type()),
              upper(d.calibre()),
              Math.max(1, len - 2),
              len + 2,
              SIMILAR_FIELD)) {
        int distance = q.distance(t.skeleton());
        if (distance >= 1 && distance <= 2) {
          add(found, t, 70 - 10 * distance, "serial " + distance + " edit(s) from what was read");
        }
      }
    }
    List<Candidate> ranked = new ArrayList<>();
    for (Scored s : found.values()) {
      describe(s, d);
      List<String> alerts =
          ALERT_STATUSES.contains(s.firearm.status())
              ? List.of("recorded as " + s.firearm.status())
              : List.of();
      ranked.add(new Candidate(s.firearm, s.score, List.copyOf(s.reasons), alerts));
    }
    ranked.sort(
        Comparator.comparingInt(Candidate::score)
            .reversed()
            .thenComparingLong(c -> c.firearm().id()));
    return new Result(q, strategies, ranked.size() > limit ? ranked.subList(0, limit) : ranked);
  }

  private static String upper(String s) {
    return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
  }

  private static String confusableReason(SerialQuery q, Traced t) {
    if (t.serialNormalized().equals(q.normalized())) {
      return "serial exactly as read";
    }
    return "serial equal once confusable characters (O/0, I/1/L, S/5, B/8, Z/2, G/6), '.', '/'"
        + " and leading zeros are set aside: read "
        + q.normalized()
        + ", recorded "
        + t.serialNormalized();
  }

  private static final class Scored {
    final Traced firearm;
    int score;
    final List<String> reasons = new ArrayList<>();

    Scored(Traced firearm, int score) {
      this.firearm = firearm;
      this.score = score;
    }
  }

  private static void add(Map<Long, Scored> found, Traced t, int score, String reason) {
    Scored s = found.get(t.id());
    if (s == null) {
      s = new Scored(t, score);
      found.put(t.id(), s);
    } else if (score > s.score) {
      s.score = score;
    } else if (s.reasons.contains(reason)) {
      return;
    }
    if (!s.reasons.contains(reason)) {
      s.reasons.add(reason);
    }
  }

  private static void describe(Scored s, Description d) {
    Traced f = s.firearm;
    if (d.make() != null && !d.make().isBlank()) {
      if (f.makeCode().equalsIgnoreCase(d.make().trim())) {
        s.score += 5;
        s.reasons.add("same make " + f.makeCode());
      } else {
        s.score -= 10;
        s.reasons.add("other make: recorded " + f.makeCode());
      }
    }
    agree(s, d.model(), f.model(), 2, "model");
    agree(s, d.type(), f.type(), 2, "type");
    agree(s, d.calibre(), f.calibre(), 2, "calibre");
    agree(s, d.country(), f.manufactureCountry(), 1, "country of manufacture");
    if (d.year() != null && d.year().equals(f.manufactureYear())) {
      s.score += 1;
      s.reasons.add("same year of manufacture");
    }
  }

  private static void agree(Scored s, String asked, String recorded, int points, String what) {
    if (asked != null
        && !asked.isBlank()
        && recorded != null
        && recorded.trim().equalsIgnoreCase(asked.trim())) {
      s.score += points;
      s.reasons.add("same " + what);
    }
  }
}
