package org.traza.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The offline checkpoint verifier (docs/tamper-evidence.md): checks a kept checkpoint's signature
 * with nothing but the published verifier key, using the JDK alone, no Traza code. Run it as a
 * single source file:
 *
 * <pre>
 * java src/test/java/org/traza/audit/VerifyCheckpoint.java "$(cat checkpoint.vkey)" checkpoint-7.note
 * </pre>
 *
 * It prints the checkpoint's text and exits 0 when a signature line by that key verifies, 1 when
 * none does, 2 when the arguments or the note are malformed.
 */
public final class VerifyCheckpoint {

  private VerifyCheckpoint() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: VerifyCheckpoint <verifier key name+id+base64> <note file>");
      System.exit(2);
    }
    String note = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
    String text;
    try {
      text = verify(args[0], note);
    } catch (IllegalArgumentException e) {
      System.err.println("malformed: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (text == null) {
      System.err.println("NOT VERIFIED: no valid signature by " + args[0].split("\\+")[0]);
      System.exit(1);
    }
    System.out.print(text);
    System.out.println("VERIFIED by " + args[0].split("\\+")[0]);
  }

  /**
   * The note's text when one of its signatures is valid for {@code verifierKey} ({@code <name>+<hex
   * key id>+<base64(0x01 || 32-byte Ed25519 key)>}), null otherwise.
   */
  public static String verify(String verifierKey, String note) throws Exception {
    String[] k = verifierKey.split("\\+", 3);
    if (k.length != 3) {
      throw new IllegalArgumentException("a verifier key is name+keyid+key");
    }
    String name = k[0];
    byte[] id = HexFormat.of().parseHex(k[1]);
    byte[] typed = Base64.getDecoder().decode(k[2]);
    if (id.length != 4 || typed.length != 33 || typed[0] != 1) {
      throw new IllegalArgumentException("not an Ed25519 verifier key");
    }
    byte[] raw = Arrays.copyOfRange(typed, 1, 33);
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update((name + "\n").getBytes(StandardCharsets.UTF_8));
    d.update((byte) 1);
    d.update(raw);
    if (!Arrays.equals(Arrays.copyOf(d.digest(), 4), id)) {
      throw new IllegalArgumentException("the key id does not match the key");
    }
    // X.509 SubjectPublicKeyInfo for Ed25519: a fixed 12-byte prefix and the raw key
    byte[] spki = new byte[44];
    System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
    System.arraycopy(raw, 0, spki, 12, 32);
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));

    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) {
      throw new IllegalArgumentException("a signed note is text, a blank line, signatures");
    }
    String text = note.substring(0, split + 1);
    for (String line : note.substring(split + 2).split("\n")) {
      String[] p = line.split(" ");
      if (p.length != 3 || !p[0].equals("\u2014") || !p[1].equals(name)) {
        continue;
      }
      byte[] sig = Base64.getDecoder().decode(p[2]);
      if (sig.length != 68 || !Arrays.equals(Arrays.copyOf(sig, 4), id)) {
        continue;
      }
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(text.getBytes(StandardCharsets.UTF_8));
      if (s.verify(Arrays.copyOfRange(sig, 4, 68))) {
        return text;
      }
    }
    return null;
  }
}
