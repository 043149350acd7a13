package org.traza.scanner.decode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Development aid: which rows each decoder pass reads alone, and a greedy order of passes. */
public final class PassRanking {

  public static void main(String[] args) throws Exception {
    BarcodeSet set = BarcodeSet.load(BarcodeSet.defaultRoot());
    List<String> names = SymbolDecoder.passNames();
    Map<String, BitSet> hits = new LinkedHashMap<>();
    Map<String, Long> nanos = new LinkedHashMap<>();
    int misreads = 0;
    for (String name : names) {
      BitSet bits = new BitSet();
      long t = 0;
      for (int i = 0; i < set.rows().size(); i++) {
        var row = set.rows().get(i);
        var decoder = new SymbolDecoder(EnumSet.of(row.symbology()), Long.MAX_VALUE);
        long t0 = System.nanoTime();
        var found = decoder.decodeWith(name, row.image());
        t += System.nanoTime() - t0;
        for (var s : found) {
          if (s.text().equals(row.expected())) {
            bits.set(i);
          } else {
            misreads++;
            System.out.println("MISREAD " + name + " " + row.path() + " " + s.text());
          }
        }
      }
      hits.put(name, bits);
      nanos.put(name, t);
      System.out.printf(
          "%-16s %4d rows  %7.2f ms/image%n",
          name, bits.cardinality(), t / 1e6 / set.rows().size());
    }
    BitSet covered = new BitSet();
    List<String> order = new ArrayList<>();
    while (true) {
      String best = null;
      int gain = 0;
      for (var e : hits.entrySet()) {
        if (order.contains(e.getKey())) continue;
        BitSet b = (BitSet) e.getValue().clone();
        b.andNot(covered);
        if (b.cardinality() > gain) {
          gain = b.cardinality();
          best = e.getKey();
        }
      }
      if (best == null) break;
      covered.or(hits.get(best));
      order.add(best);
      System.out.printf("+ %-16s +%3d -> %4d%n", best, gain, covered.cardinality());
    }
    System.out.println(
        "union " + covered.cardinality() + "/" + set.rows().size() + " misreads " + misreads);
    for (int i = 0; i < set.rows().size(); i++) {
      if (!covered.get(i) && set.rows().get(i).rotation() == 0) {
        System.out.println("MISS " + set.rows().get(i).path());
      }
    }
  }
}
