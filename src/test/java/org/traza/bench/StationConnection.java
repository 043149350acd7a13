package org.traza.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One simulated station's keep-alive HTTP/1.1 connection: a request written in one piece, the
 * status and body read back, nothing else. The benchmark's simulated stations use it instead of
 * {@code java.net.http.HttpClient}, whose hand-offs between the calling thread and its selector
 * thread cost the client JVM about a quarter of a core at a few hundred requests a second, on the
 * two cores the server and MariaDB share with it: a real station is a machine of its own.
 */
final class StationConnection implements AutoCloseable {

  /** A response: its status and its body as text. */
  record Reply(int status, String body) {}

  private final String host;
  private final int port;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  StationConnection(URI base) {
    this.host = base.getHost();
    this.port = base.getPort();
  }

  /** Sends one request and reads its response; reconnects once if the server closed the link. */
  Reply send(String method, String path, Map<String, String> headers, String body) {
    byte[] request = request(method, path, headers, body);
    try {
      try {
        return exchange(request);
      } catch (IOException closed) {
        close();
        return exchange(request);
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(method + " " + path + " failed", e);
    }
  }

  private byte[] request(String method, String path, Map<String, String> headers, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (body != null) {
      head.append("Content-Type: application/json\r\n");
    }
    head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + content.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(content, 0, all, h.length, content.length);
    return all;
  }

  private Reply exchange(byte[] request) throws IOException {
    if (socket == null) {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }
    out.write(request);
    out.flush();
    String status = line();
    if (status == null) {
      throw new IOException("connection closed");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String h = line(); h != null && !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
        case "connection" -> closeAfter = value.equalsIgnoreCase("close");
        default -> {
          // not needed
        }
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
        body.write(in.readNBytes(size));
        line();
      }
      line();
    } else if (length >= 0) {
      body.write(in.readNBytes((int) length));
    }
    if (closeAfter) {
      close();
    }
    return new Reply(code, body.toString(StandardCharsets.UTF_8));
  }

  /** A header line without its CRLF, or null at the end of the stream. */
  private String line() throws IOException {
    StringBuilder s = new StringBuilder(64);
    for (int c; (c = in.read()) != -1; ) {
      if (c == '\n') {
        int end = s.length();
        return end > 0 && s.charAt(end - 1) == '\r' ? s.substring(0, end - 1) : s.toString();
      }
      s.append((char) c);
    }
    return s.length() == 0 ? null : s.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
