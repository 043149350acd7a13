package org.traza.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal TCP relay in the test JVM: accepts on a local port and pipes bytes to a target, so that
 * a test can take the target away ({@link #cutOff()}: open connections dropped, new ones refused)
 * and give it back ({@link #restore()}). The database relay uses it to take MariaDB away from the
 * server; station tests use it to take the server away from a station.
 */
public final class Relay extends Thread implements AutoCloseable {
  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean cut;

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
        pipe(client, upstream);
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
