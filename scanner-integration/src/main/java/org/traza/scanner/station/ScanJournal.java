package org.traza.scanner.station;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The station's durable queue: every scan is appended to {@code scans.log} and forced to disk
 * before the operator is told it is queued; every answer is appended to {@code settled.log} the
 * same way. What is in the first and not in the second is pending, in scan order. A line cut short
 * by a crash (the station killed while writing) was never acknowledged to anyone and is dropped on
 * opening. When nothing is pending and the files have grown, they are started afresh.
 */
public final class ScanJournal implements AutoCloseable {

  static final String SCANS = "scans.log";
  static final String SETTLED = "settled.log";
  static final long COMPACT_BYTES = 8L << 20;

  private final Path dir;
  private final FileChannel scans;
  private final FileChannel settled;
  private final Map<Long, Scan> pending = new LinkedHashMap<>();
  private long lastSeq;

  private ScanJournal(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir);
    Map<Long, Scan> all = new LinkedHashMap<>();
    for (String line : lines(dir.resolve(SCANS))) {
      if (line.startsWith("#")) {
        if (line.startsWith("#next\t")) {
          lastSeq = Math.max(lastSeq, Long.parseLong(line.substring(6)) - 1);
        }
        continue;
      }
      Scan s = parseScan(line);
      all.put(s.seq(), s);
      lastSeq = Math.max(lastSeq, s.seq());
    }
    for (String line : lines(dir.resolve(SETTLED))) {
      if (line.startsWith("#")) {
        continue;
      }
      all.remove(Long.parseLong(line.substring(0, line.indexOf('\t'))));
    }
    pending.putAll(all);
    if (pending.isEmpty()
        && Files.exists(dir.resolve(SCANS))
        && Files.size(dir.resolve(SCANS)) > COMPACT_BYTES) {
      Files.writeString(dir.resolve(SCANS), "#next\t" + (lastSeq + 1) + "\n");
      Files.writeString(dir.resolve(SETTLED), "");
    }
    scans = channel(dir.resolve(SCANS));
    settled = channel(dir.resolve(SETTLED));
  }

  /** Opens (or creates) the journal in {@code dir}, recovering from a crash. */
  public static ScanJournal open(Path dir) {
    try {
      return new ScanJournal(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the scan journal in " + dir, e);
    }
  }

  /** Appends a scan and forces it to disk; only then is it queued. */
  public synchronized Scan append(String key, Mode mode, long targetId, String text, Instant at) {
    Scan s = new Scan(lastSeq + 1, key, mode, targetId, text, at);
    write(
        scans,
        s.seq()
            + "\t"
            + s.key()
            + "\t"
            + s.mode()
            + "\t"
            + s.targetId()
            + "\t"
            + s.deviceTime()
            + "\t"
            + escape(s.text())
            + "\n");
    lastSeq = s.seq();
    pending.put(s.seq(), s);
    return s;
  }

  /** Records the final answer for scan {@code seq}: it will not be sent again. */
  public synchronized void settle(long seq, Outcome.Kind kind, String detail) {
    write(settled, seq + "\t" + kind + "\t" + escape(detail == null ? "" : detail) + "\n");
    pending.remove(seq);
  }

  /** Up to {@code max} pending scans, oldest first. */
  public synchronized List<Scan> pending(int max) {
    List<Scan> out = new ArrayList<>(Math.min(max, pending.size()));
    for (Scan s : pending.values()) {
      if (out.size() == max) {
        break;
      }
      out.add(s);
    }
    return out;
  }

  public synchronized int pendingCount() {
    return pending.size();
  }

  public synchronized long lastSeq() {
    return lastSeq;
  }

  public Path dir() {
    return dir;
  }

  @Override
  public synchronized void close() {
    try {
      scans.close();
      settled.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileChannel channel(Path file) throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private static void write(FileChannel channel, String line) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the scan journal", e);
    }
  }

  /** The complete lines of {@code file}; a last line without its newline is cut off the file. */
  private static List<String> lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    if (end < bytes.length) {
      try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
        c.truncate(end);
        c.force(true);
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        out.add(line);
      }
    }
    return out;
  }

  private static Scan parseScan(String line) {
    String[] f = line.split("\t", 6);
    return new Scan(
        Long.parseLong(f[0]),
        f[1],
        Mode.valueOf(f[2]),
        Long.parseLong(f[3]),
        unescape(f[5]),
        Instant.parse(f[4]));
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(
            switch (n) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> n;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
