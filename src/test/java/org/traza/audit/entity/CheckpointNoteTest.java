package org.traza.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointNoteTest {

  private static final String H1 = "a".repeat(64);
  private static final String H2 = "b".repeat(64);

  private static CheckpointNote sample() {
    return CheckpointNote.of(
        "registry.example/traza",
        7,
        Instant.parse("2026-03-01T10:15:30.123456Z"),
        CheckpointNote.NONE,
        List.of(
            new CheckpointNote.ChainHead(1, 120, H1),
            new CheckpointNote.ChainHead(2, 3, H2),
            new CheckpointNote.ChainHead(3, 0, CheckpointNote.NONE)),
        new CheckpointNote.Custody(42, 9, "c".repeat(64)));
  }

  private static KeyPair ed25519() throws Exception {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  @Test
  void the_text_is_a_tlog_checkpoint_origin_size_root_then_extension_lines() {
    String text = sample().text();
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).isEqualTo("registry.example/traza");
    assertThat(lines.get(1)).isEqualTo("123");
    assertThat(Base64.getDecoder().decode(lines.get(2))).hasSize(32);
    assertThat(lines.subList(3, lines.size()))
        .containsExactly(
            "checkpoint 7",
            "time 2026-03-01T10:15:30.123456Z",
            "previous " + CheckpointNote.NONE,
            "chain 1 120 " + H1,
            "chain 2 3 " + H2,
            "chain 3 0 " + CheckpointNote.NONE,
            "custody 42 9 " + "c".repeat(64));
    assertThat(text).endsWith("\n").doesNotContain("\n\n");
  }

  @Test
  void the_root_is_sha256_over_the_chain_and_custody_lines() throws Exception {
    String text = sample().text();
    String state = text.substring(text.indexOf("chain 1 "));
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
    assertThat(sample().rootHash()).isEqualTo(Base64.getEncoder().encodeToString(digest));
    assertThat(sample().consistent()).isTrue();
  }

  @Test
  void parsing_gives_back_the_same_checkpoint() {
    CheckpointNote note = sample();
    assertThat(CheckpointNote.parse(note.text())).isEqualTo(note);
    assertThat(CheckpointNote.parse(note.text()).positions()).containsEntry(1, 120L);
  }

  @Test
  void malformed_texts_are_refused() {
    String text = sample().text();
    for (String bad :
        List.of(
            "",
            text.replace("checkpoint 7", "checkpoint seven"),
            text.replace("custody 42", "custard 42"),
            text.substring(0, text.length() - 1),
            text.replace("time 2026", "time yesterday 2026"),
            text.replace("chain 2 3 " + H2, "chain 2 3 xyz"))) {
      assertThatThrownBy(() -> CheckpointNote.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void a_changed_line_no_longer_matches_the_root() {
    String text = sample().text().replace("chain 2 3 ", "chain 2 2 ");
    assertThat(CheckpointNote.parse(text).consistent()).isFalse();
  }

  @Test
  void sign_and_verify_round_trip_in_the_signed_note_format() throws Exception {
    KeyPair k = ed25519();
    byte[] raw = SignedNote.raw(k.getPublic());
    String signed = SignedNote.sign(sample().text(), "registry.example/traza", k.getPrivate(), raw);

    assertThat(signed).startsWith(sample().text() + "\n\u2014 registry.example/traza ");
    SignedNote.Opened opened = SignedNote.open(signed);
    assertThat(opened.text()).isEqualTo(sample().text());
    assertThat(opened.signatures()).hasSize(1);
    assertThat(opened.signatures().get(0).keyId())
        .isEqualTo(SignedNote.keyId("registry.example/traza", raw));
    assertThat(opened.signatures().get(0).signature()).hasSize(64);
    assertThat(SignedNote.verify(opened, "registry.example/traza", k.getPublic())).isTrue();
  }

  @Test
  void a_flipped_byte_anywhere_in_the_text_or_signature_fails() throws Exception {
    KeyPair k = ed25519();
    String signed =
        SignedNote.sign(sample().text(), "traza", k.getPrivate(), SignedNote.raw(k.getPublic()));
    // a digit of the tree size, a hex digit of a chain hash, the custody count
    for (String changed :
        List.of(
            signed.replaceFirst("\n123\n", "\n124\n"),
            signed.replace("chain 2 3 " + H2, "chain 2 3 " + H1),
            signed.replace("custody 42 ", "custody 41 "))) {
      assertThat(SignedNote.verify(SignedNote.open(changed), "traza", k.getPublic())).isFalse();
    }
    // one bit of the signature itself
    String line = signed.substring(signed.lastIndexOf(' ') + 1).trim();
    byte[] bytes = Base64.getDecoder().decode(line);
    bytes[10] ^= 1;
    String flipped =
        signed.substring(0, signed.lastIndexOf(' ') + 1)
            + Base64.getEncoder().encodeToString(bytes)
            + "\n";
    assertThat(SignedNote.verify(SignedNote.open(flipped), "traza", k.getPublic())).isFalse();
    // another key, or the right key under another name
    assertThat(SignedNote.verify(SignedNote.open(signed), "traza", ed25519().getPublic()))
        .isFalse();
    assertThat(SignedNote.verify(SignedNote.open(signed), "other", k.getPublic())).isFalse();
  }

  @Test
  void the_key_id_and_verifier_key_follow_the_signed_note_spec() throws Exception {
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) 7);
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update("example.com/log\n".getBytes(StandardCharsets.UTF_8));
    d.update((byte) 1);
    d.update(raw);
    byte[] id = Arrays.copyOf(d.digest(), 4);
    assertThat(SignedNote.keyId("example.com/log", raw)).isEqualTo(id);
    byte[] typed = new byte[33];
    typed[0] = 1;
    System.arraycopy(raw, 0, typed, 1, 32);
    assertThat(SignedNote.verifierKey("example.com/log", raw))
        .isEqualTo(
            "example.com/log+"
                + HexFormat.of().formatHex(id)
                + "+"
                + Base64.getEncoder().encodeToString(typed));
  }

  @Test
  void malformed_notes_are_refused() {
    for (String bad :
        List.of(
            "no newline",
            "text\nwithout signatures\n",
            "text\n\n- traza abc\n",
            "text\n\n\u2014 traza not*base64\n",
            "te\u0001xt\n\n\u2014 traza AAAAAAAA\n")) {
      assertThatThrownBy(() -> SignedNote.open(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
