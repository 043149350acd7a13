package org.traza.scanner.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serial scanner simulated by a pseudo-terminal pair (socat, installed by .ci/run): what the
 * "scanner" end sends arrives at the station through jSerialComm, split at the configured suffix.
 */
class SerialInputTest {

  @TempDir Path dir;

  @Test
  void scansSentOverASerialLineArriveOneByOne() throws Exception {
    Path scanner = dir.resolve("scanner");
    Path station = dir.resolve("station");
    Process socat =
        new ProcessBuilder(
                "socat", "pty,raw,echo=0,link=" + scanner, "pty,raw,echo=0,link=" + station)
            .redirectErrorStream(true)
            .start();
    try {
      for (int i = 0; i < 100 && !(Files.exists(scanner) && Files.exists(station)); i++) {
        Thread.sleep(50);
      }
      assertThat(station).as("socat made the pseudo-terminal pair").exists();
      List<String> received = new CopyOnWriteArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                try {
                  Inputs.serial(station.toString(), 9600, Inputs.Suffix.CR, received::add);
                } catch (RuntimeException e) {
                  // the pair closes at the end of the test
                }
              });
      reader.setDaemon(true);
      reader.start();
      Thread.sleep(300);
      try (OutputStream out = Files.newOutputStream(scanner)) {
        out.write("TZ1 AR 000123 GLOCK 88012-74 K\rSN-2".getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(200);
        out.write("\r\u001d8004061414112345\r".getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      for (int i = 0; i < 100 && received.size() < 3; i++) {
        Thread.sleep(50);
      }
      assertThat(received)
          .containsExactly("TZ1 AR 000123 GLOCK 88012-74 K", "SN-2", "\u001d8004061414112345");
    } finally {
      socat.destroy();
    }
  }
}
