package org.traza.destruction.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

  @Test
  void canonical_json_sorts_keys_at_every_level_and_escapes_strings() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("zeta", 1);
    m.put("alpha", List.of(Map.of("b", true, "a", "x\"y\n")));
    m.put("mid", null);
    assertThat(Manifest.canonical(m))
        .isEqualTo("{\"alpha\":[{\"a\":\"x\\\"y\\n\",\"b\":true}],\"mid\":null,\"zeta\":1}");
  }

  @Test
  void a_signature_verifies_its_manifest_only_and_the_key_survives_a_restart(@TempDir Path dir)
      throws Exception {
    SigningKey key = new SigningKey();
    key.dataDir = dir.toString();
    key.keyFile = Optional.empty();
    key.load();
    byte[] manifest = "{\"serial\":\"ABC123\"}".getBytes(StandardCharsets.UTF_8);
    String signature = key.sign(manifest);
    assertThat(key.verify(manifest, signature)).isTrue();
    assertThat(key.verify("{\"serial\":\"ABC124\"}".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(key.verify(manifest, "not base64!")).isFalse();
    assertThat(Files.readString(dir.resolve("destruction-signing-key.pub.pem")))
        .isEqualTo(key.publicKeyPem());

    SigningKey again = new SigningKey();
    again.dataDir = dir.toString();
    again.keyFile = Optional.empty();
    again.load();
    assertThat(again.keyId()).isEqualTo(key.keyId());
    assertThat(again.verify(manifest, signature)).isTrue();
  }
}
