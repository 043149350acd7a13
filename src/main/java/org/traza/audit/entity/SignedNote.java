package org.traza.audit.entity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A signed note as C2SP specifies it (https://c2sp.org/signed-note): a UTF-8 text ending in a
 * newline, a blank line, and signature lines {@code "— <key name> <base64(key id || signature)>"}.
 * With Ed25519 (signature type 0x01) the key id is the first four bytes of SHA-256 over the key
 * name, a newline, the byte 0x01 and the 32-byte public key, and the signature is over the text
 * alone. So Go's {@code golang.org/x/mod/sumdb/note} and every other note verifier check it, given
 * the {@link #verifierKey verifier key} {@code <name>+<hex key id>+<base64(0x01 || public key)>}.
 */
public final class SignedNote {

  /** The em dash that begins a signature line. */
  public static final String DASH = "\u2014";

  private static final byte ED25519 = 0x01;

  private SignedNote() {}

  /** One signature line. */
  public record Line(String keyName, byte[] keyId, byte[] signature) {}

  /** A note split into its text and its signature lines. */
  public record Opened(String text, List<Line> signatures) {}

  /** The 32 raw bytes of an Ed25519 public key (the end of its X.509 encoding). */
  public static byte[] raw(PublicKey key) {
    byte[] der = key.getEncoded();
    return Arrays.copyOfRange(der, der.length - 32, der.length);
  }

  /** The four-byte key id of Ed25519 key {@code publicKey} named {@code name}. */
  public static byte[] keyId(String name, byte[] publicKey) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(name.getBytes(StandardCharsets.UTF_8));
      d.update((byte) '\n');
      d.update(ED25519);
      d.update(publicKey);
      return Arrays.copyOf(d.digest(), 4);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verifier key string note verifiers take: {@code name+hex(key id)+base64(0x01||key)}. */
  public static String verifierKey(String name, byte[] publicKey) {
    byte[] typed = new byte[33];
    typed[0] = ED25519;
    System.arraycopy(publicKey, 0, typed, 1, 32);
    return name
        + "+"
        + HexFormat.of().formatHex(keyId(name, publicKey))
        + "+"
        + Base64.getEncoder().encodeToString(typed);
  }

  /** Whether {@code name} may name a key: not empty, no white space, no '+'. */
  public static boolean validName(String name) {
    return name != null && !name.isEmpty() && name.chars().noneMatch(c -> c <= ' ' || c == '+');
  }

  /** {@code text} (which must end in a newline) signed by {@code key}, named {@code name}. */
  public static String sign(String text, String name, PrivateKey key, byte[] publicKey) {
    checkText(text);
    if (!validName(name)) {
      throw new IllegalArgumentException("a key name has no white space and no '+'");
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(text.getBytes(StandardCharsets.UTF_8));
      byte[] signature = s.sign();
      byte[] line = new byte[4 + signature.length];
      System.arraycopy(keyId(name, publicKey), 0, line, 0, 4);
      System.arraycopy(signature, 0, line, 4, signature.length);
      return text
          + "\n"
          + DASH
          + " "
          + name
          + " "
          + Base64.getEncoder().encodeToString(line)
          + "\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Splits a signed note into text and signature lines; a malformed note is refused. */
  public static Opened open(String note) {
    if (note == null || !note.endsWith("\n")) {
      throw new IllegalArgumentException("a signed note ends with a newline");
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new IllegalArgumentException("a signed note has a blank line before its signatures");
    }
    String text = note.substring(0, split + 1);
    checkText(text);
    List<Line> lines = new ArrayList<>();
    for (String line : note.substring(split + 2).split("\n")) {
      String[] parts = line.split(" ", -1);
      if (parts.length != 3 || !parts[0].equals(DASH) || !validName(parts[1])) {
        throw new IllegalArgumentException("not a signature line: " + abbreviate(line));
      }
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(parts[2]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("a signature is not base64: " + abbreviate(line));
      }
      if (bytes.length < 5) {
        throw new IllegalArgumentException("a signature is too short: " + abbreviate(line));
      }
      lines.add(
          new Line(
              parts[1],
              Arrays.copyOfRange(bytes, 0, 4),
              Arrays.copyOfRange(bytes, 4, bytes.length)));
    }
    return new Opened(text, lines);
  }

  /**
   * Whether one of the note's signatures is a valid Ed25519 signature of its text by {@code key}
   * named {@code name} (the key id must match too).
   */
  public static boolean verify(Opened note, String name, PublicKey key) {
    byte[] id = keyId(name, raw(key));
    for (Line line : note.signatures()) {
      if (line.keyName().equals(name) && Arrays.equals(line.keyId(), id)) {
        try {
          Signature s = Signature.getInstance("Ed25519");
          s.initVerify(key);
          s.update(note.text().getBytes(StandardCharsets.UTF_8));
          if (s.verify(line.signature())) {
            return true;
          }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
          // a malformed signature is not a valid one
        }
      }
    }
    return false;
  }

  private static void checkText(String text) {
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new IllegalArgumentException("a note's text ends with a newline");
    }
    if (text.chars().anyMatch(c -> c < ' ' && c != '\n')) {
      throw new IllegalArgumentException("a note's text has no control characters but newlines");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
