package org.traza.scanner.station;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The station's folder: {@code station.properties} (the server's address and the station's
 * credential, readable by its owner only) and the scan journal.
 */
public record StationHome(Path dir) {

  public static final String FILE = "station.properties";

  /** The station's registration: where the server is and the credential it gave. */
  public record Registration(URI server, String credential) {
    /** The station's code, the part of the credential before the colon. */
    public String code() {
      return credential.substring(0, credential.indexOf(':'));
    }
  }

  public Registration registration() {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          "no station is registered in " + dir + ": run 'traza-station register' first");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Registration(URI.create(p.getProperty("server")), p.getProperty("credential"));
  }

  public void save(Registration r) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(FILE);
      Path tmp = dir.resolve(FILE + ".tmp");
      Files.deleteIfExists(tmp);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Properties p = new Properties();
      p.setProperty("server", r.server().toString());
      p.setProperty("credential", r.credential());
      try (Writer w = Files.newBufferedWriter(tmp)) {
        p.store(w, "Traza station: keep this file private (it holds the station's credential)");
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ScanJournal journal() {
    return ScanJournal.open(dir.resolve("journal"));
  }
}
