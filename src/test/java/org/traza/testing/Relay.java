package org.traza.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A minimal TCP relay in the test JVM: accepts on a local port and pipes bytes to a target, so that
 * a test can take the target away ({@link #cutOff()}: open connections dropped, new ones refused)
 * and give it back ({@link #restore()}). The database relay uses it to take MariaDB away from the
 * server; station tests use it to take the server away from a station.
 *
 * <p>For the database it can also cut one connection in the commit window ({@link
 * #cutAtCommit(String, boolean)}): it watches what the server sends, and on the connection that
 * sent a given statement it drops the next {@code COMMIT}, or lets it through and then drops the
 * connection before the answer arrives (the change is committed, the server does not know it).
 */
public final class Relay extends Thread implements AutoCloseable {
  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean cut;
  private volatile CommitTrap trap;

  /** A one-shot cut at the commit of the transaction that sent {@code marker}. */
  private record CommitTrap(
      String marker, boolean letCommitThrough, AtomicBoolean sprung, CountDownLatch done) {}

  /** Listens on {@code listenPort} (0: any free port) and starts relaying. */
  public Relay(int listenPort, String targetHost, int targetPort) {
    super("it-relay-" + targetPort);
    setDaemon(true);
    try {
      this.server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + listenPort, e);
    }
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    start();
  }

  /** The port it listens on. */
  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void run() {
    try {
      while (!server.isClosed()) {
        Socket client = server.accept();
        if (cut) {
          client.close();
          continue;
        }
        Socket upstream;
        try {
          upstream = new Socket(targetHost, targetPort);
        } catch (IOException e) {
          client.close();
          continue;
        }
        open.add(client);
        open.add(upstream);
        watch(client, upstream);
        pipe(upstream, client);
      }
    } catch (IOException e) {
      if (!server.isClosed()) {
        throw new IllegalStateException("relay stopped", e);
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // connection closed
              } finally {
                close(from);
                close(to);
              }
            },
            "it-relay-pipe");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Client to target, as {@link #pipe} does, looking for the armed {@link CommitTrap}: MariaDB's
   * text protocol carries each statement in a COM_QUERY packet (0x03 then the SQL), so the marker
   * and {@code COMMIT} are found in the bytes as sent.
   */
  private void watch(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              CommitTrap marked = null;
              String tail = "";
              byte[] buffer = new byte[65536];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  CommitTrap armed = trap;
                  if (armed != null && !armed.sprung().get()) {
                    String seen = tail + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    if (marked != armed && seen.toUpperCase(Locale.ROOT).contains(armed.marker())) {
                      marked = armed;
                    } else if (marked == armed
                        && seen.contains("\u0003COMMIT")
                        && armed.sprung().compareAndSet(false, true)) {
                      trap = null;
                      spring(armed, buffer, n, out);
                      return;
                    }
                    tail = seen.substring(Math.max(0, seen.length() - 64));
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // connection closed
              } finally {
                close(from);
                close(to);
              }
            },
            "it-relay-watch");
    t.setDaemon(true);
    t.start();
  }

  private static void spring(CommitTrap armed, byte[] buffer, int n, OutputStream out)
      throws IOException {
    try {
      if (armed.letCommitThrough()) {
        out.write(buffer, 0, n);
        out.flush();
        // time for the database to commit before the connection goes
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      armed.done().countDown();
    }
  }

  /**
   * Arms a one-shot cut: on the first connection that sends a statement containing {@code marker}
   * (compared in upper case), the next {@code COMMIT} is dropped with the connection ({@code
   * letCommitThrough} false: nothing is committed), or sent on before the connection is dropped
   * (true: committed, and the server never hears so). The latch opens when the cut is made.
   */
  public CountDownLatch cutAtCommit(String marker, boolean letCommitThrough) {
    CommitTrap armed =
        new CommitTrap(
            marker.toUpperCase(Locale.ROOT),
            letCommitThrough,
            new AtomicBoolean(),
            new CountDownLatch(1));
    trap = armed;
    return armed.done();
  }

  /** Disarms a cut that has not been made. */
  public void disarm() {
    trap = null;
  }

  /** Drops every open connection and refuses new ones until {@link #restore()}. */
  public void cutOff() {
    cut = true;
    open.forEach(Relay::close);
    open.clear();
  }

  public void restore() {
    cut = false;
  }

  @Override
  public void close() {
    cutOff();
    try {
      server.close();
    } catch (IOException e) {
      // closed
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
