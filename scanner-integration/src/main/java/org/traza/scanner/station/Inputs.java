package org.traza.scanner.station;

import com.fazecast.jSerialComm.SerialPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.traza.scanner.decode.DecodedSymbol;
import org.traza.scanner.decode.Images;
import org.traza.scanner.decode.SymbolDecoder;
import org.traza.scanner.decode.UnreadableImageException;

/** Where scans come from: a keyboard-wedge scanner, a serial scanner, a folder of photos. */
public final class Inputs {

  private Inputs() {}

  /** The byte sequence a scanner sends after each symbol. */
  public enum Suffix {
    CR("\r"),
    LF("\n"),
    CRLF("\r\n"),
    TAB("\t");

    final byte[] bytes;

    Suffix(String s) {
      this.bytes = s.getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * Reads {@code in} until its end, handing each text that ends with {@code suffix} to {@code
   * scans} (a keyboard-wedge scanner types lines; a serial scanner sends its configured suffix). A
   * CR or LF left over from a CRLF scanner set to CR or LF is dropped.
   */
  public static void lines(InputStream in, Suffix suffix, Consumer<String> scans) {
    ByteArrayOutputStream current = new ByteArrayOutputStream();
    int matched = 0;
    try {
      for (int b; (b = in.read()) >= 0; ) {
        current.write(b);
        matched = b == suffix.bytes[matched] ? matched + 1 : (b == suffix.bytes[0] ? 1 : 0);
        if (matched == suffix.bytes.length) {
          byte[] all = current.toByteArray();
          String text =
              new String(all, 0, all.length - suffix.bytes.length, StandardCharsets.UTF_8)
                  .replace("\r", "")
                  .replace("\n", "");
          current.reset();
          matched = 0;
          if (!text.isBlank()) {
            scans.accept(text);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A serial or USB-CDC scanner on {@code port} (a device such as /dev/ttyACM0, a pseudo-terminal
   * or a symbolic link to one; COM3 on Windows) at {@code baud}, 8N1.
   */
  public static void serial(String port, int baud, Suffix suffix, Consumer<String> scans) {
    String device = port;
    try {
      Path p = Path.of(port);
      if (Files.exists(p)) {
        device = p.toRealPath().toString();
      }
    } catch (IOException | RuntimeException e) {
      // a name such as COM3: used as it is
    }
    SerialPort serial = SerialPort.getCommPort(device);
    serial.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    serial.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, 0, 0);
    if (!serial.openPort()) {
      throw new IllegalStateException("cannot open serial port " + port);
    }
    try {
      lines(serial.getInputStream(), suffix, scans);
    } finally {
      serial.closePort();
    }
  }

  /** A file not written to for a second: a camera or a copy has finished with it. */
  private static boolean settled(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - 1000;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Watches {@code folder} for photos (JPEG, PNG, WebP) until {@code stop} says so: each is decoded
   * locally with the server's decoder, every symbol found is a scan, and the photo moves to {@code
   * done/} (or {@code unreadable/} when no symbol was found).
   */
  public static void folder(Path folder, BooleanSupplier stop, Consumer<String> scans) {
    SymbolDecoder decoder = new SymbolDecoder();
    try {
      Files.createDirectories(folder.resolve("done"));
      Files.createDirectories(folder.resolve("unreadable"));
      while (!stop.getAsBoolean()) {
        List<Path> photos;
        try (Stream<Path> files = Files.list(folder)) {
          photos =
              files
                  .filter(Files::isRegularFile)
                  .filter(Inputs::settled)
                  .filter(
                      f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".jpg")
                            || n.endsWith(".jpeg")
                            || n.endsWith(".png")
                            || n.endsWith(".webp");
                      })
                  .sorted()
                  .toList();
        }
        for (Path photo : photos) {
          List<DecodedSymbol> found;
          try {
            found = decoder.decodeAll(Images.read(Files.readAllBytes(photo), 40_000_000L));
          } catch (UnreadableImageException e) {
            found = List.of();
          }
          found.forEach(s -> scans.accept(s.payloadText()));
          Files.move(
              photo,
              folder.resolve(found.isEmpty() ? "unreadable" : "done").resolve(photo.getFileName()),
              StandardCopyOption.REPLACE_EXISTING);
        }
        Thread.sleep(300);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
