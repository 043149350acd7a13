package org.traza.audit.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text of a checkpoint, in the C2SP transparency-log checkpoint format
 * (https://c2sp.org/tlog-checkpoint): the origin, the tree size (the number of audit entries the
 * checkpoint covers: the sum of every chain's head position), the base64 root hash, then extension
 * lines:
 *
 * <pre>
 * checkpoint &lt;number&gt;
 * time &lt;ISO-8601 instant, UTC&gt;
 * previous &lt;hex SHA-256 of the previous checkpoint's signed note; 64 zeros for the first&gt;
 * chain &lt;n&gt; &lt;head position&gt; &lt;hex hash of the entry there; 64 zeros at position 0&gt;   (one per chain)
 * custody &lt;events&gt; &lt;firearms with events&gt; &lt;hex custody ledger root&gt;
 * </pre>
 *
 * <p>The root hash is SHA-256 over the {@code chain} and {@code custody} lines exactly as written
 * (each with its newline): the state of the log, so that two checkpoints of an unchanged log have
 * the same root and anyone holding the note recomputes it. The audit log is a set of hash chains,
 * not a Merkle tree: the root is not an RFC 6962 tree head and there are no inclusion proofs.
 */
public record CheckpointNote(
    String origin,
    long treeSize,
    String rootHash,
    long number,
    Instant time,
    String previous,
    List<ChainHead> chains,
    Custody custody) {

  public static final String NONE = "0".repeat(64);

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

  /** Where one audit chain stood: its head position and the hash of the entry there. */
  public record ChainHead(int chain, long position, String hash) {}

  /** The custody ledger: events, firearms that have any, and the root over their chain heads. */
  public record Custody(long events, long firearms, String root) {}

  public CheckpointNote {
    chains = List.copyOf(chains);
  }

  /** A checkpoint of {@code chains} and {@code custody}, its tree size and root computed. */
  public static CheckpointNote of(
      String origin,
      long number,
      Instant time,
      String previous,
      List<ChainHead> chains,
      Custody custody) {
    long size = chains.stream().mapToLong(ChainHead::position).sum();
    return new CheckpointNote(
        origin, size, root(chains, custody), number, time, previous, chains, custody);
  }

  /** The root hash (base64) of a state: SHA-256 over its state lines. */
  public static String root(List<ChainHead> chains, Custody custody) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(stateLines(chains, custody).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String stateLines(List<ChainHead> chains, Custody custody) {
    StringBuilder s = new StringBuilder();
    for (ChainHead c : chains) {
      s.append("chain ")
          .append(c.chain())
          .append(' ')
          .append(c.position())
          .append(' ')
          .append(c.hash())
          .append('\n');
    }
    s.append("custody ")
        .append(custody.events())
        .append(' ')
        .append(custody.firearms())
        .append(' ')
        .append(custody.root())
        .append('\n');
    return s.toString();
  }

  /** The note text that is signed. */
  public String text() {
    return origin
        + "\n"
        + treeSize
        + "\n"
        + rootHash
        + "\n"
        + "checkpoint "
        + number
        + "\n"
        + "time "
        + time
        + "\n"
        + "previous "
        + previous
        + "\n"
        + stateLines(chains, custody);
  }

  /** Whether the tree size and root hash are those of the chain and custody lines. */
  public boolean consistent() {
    return treeSize == chains.stream().mapToLong(ChainHead::position).sum()
        && rootHash.equals(root(chains, custody));
  }

  /** Chain number to the head position the checkpoint recorded. */
  public Map<Integer, Long> positions() {
    Map<Integer, Long> m = new LinkedHashMap<>();
    chains.forEach(c -> m.put(c.chain(), c.position()));
    return m;
  }

  /** Reads a checkpoint's text (a signed note's text, without its signatures). */
  public static CheckpointNote parse(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 8 || !lines[lines.length - 1].isEmpty()) {
      throw new IllegalArgumentException("a checkpoint has at least seven lines, each ending");
    }
    String origin = lines[0];
    if (origin.isEmpty()) {
      throw new IllegalArgumentException("a checkpoint begins with its origin");
    }
    long size = decimal(lines[1], "tree size");
    String root = lines[2];
    try {
      if (Base64.getDecoder().decode(root).length != 32) {
        throw new IllegalArgumentException("the root hash is not 32 bytes");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the root hash is not base64 SHA-256");
    }
    long number = decimal(field(lines[3], "checkpoint"), "checkpoint number");
    Instant time;
    try {
      time = Instant.parse(field(lines[4], "time"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the time is not an ISO-8601 instant");
    }
    String previous = hex(field(lines[5], "previous"), "previous");
    List<ChainHead> chains = new ArrayList<>();
    int i = 6;
    for (; i < lines.length - 1 && lines[i].startsWith("chain "); i++) {
      String[] p = lines[i].split(" ", -1);
      if (p.length != 4) {
        throw new IllegalArgumentException("not a chain line: " + lines[i]);
      }
      chains.add(
          new ChainHead(
              (int) decimal(p[1], "chain number"), decimal(p[2], "position"), hex(p[3], "hash")));
    }
    if (i != lines.length - 2 || !lines[i].startsWith("custody ")) {
      throw new IllegalArgumentException("a checkpoint ends with its custody line");
    }
    String[] p = lines[i].split(" ", -1);
    if (p.length != 4) {
      throw new IllegalArgumentException("not a custody line: " + lines[i]);
    }
    Custody custody =
        new Custody(
            decimal(p[1], "custody events"),
            decimal(p[2], "custody firearms"),
            hex(p[3], "custody root"));
    return new CheckpointNote(origin, size, root, number, time, previous, chains, custody);
  }

  private static String field(String line, String name) {
    if (!line.startsWith(name + " ")) {
      throw new IllegalArgumentException("expected the line '" + name + " …'");
    }
    return line.substring(name.length() + 1);
  }

  private static long decimal(String s, String what) {
    if (!DECIMAL.matcher(s).matches()) {
      throw new IllegalArgumentException("the " + what + " is not a decimal number");
    }
    return Long.parseLong(s);
  }

  private static String hex(String s, String what) {
    if (!HEX.matcher(s).matches()) {
      throw new IllegalArgumentException("the " + what + " is not a hex SHA-256");
    }
    return s;
  }
}
