package org.traza.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  @TempDir Path dir;
  private final TokenService tokens = new TokenService();

  @BeforeEach
  void start() {
    tokens.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    tokens.dataDir = dir.toString();
    tokens.keyFile = Optional.empty();
    tokens.issuer = "traza";
    tokens.lifetime = Duration.ofHours(8);
    tokens.clockSkew = Duration.ofSeconds(60);
    tokens.loadKey();
  }

  private String sign(Instant iat, Instant nbf, Instant exp, String jti) throws Exception {
    String base64 =
        Files.readString(dir.resolve("jwt-signing-key.pem"), StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    var key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer("traza")
            .claim("upn", "ana")
            .issueTime(Date.from(iat))
            .expirationTime(Date.from(exp));
    if (nbf != null) {
      claims.notBeforeTime(Date.from(nbf));
    }
    if (jti != null) {
      claims.jwtID(jti);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void issues_tokens_with_an_id_a_generation_and_a_validity_window() {
    TokenService.IssuedToken issued = tokens.issue("ana", Set.of("AUDITOR"), 7);
    TokenService.Verified v = tokens.verify(issued.token()).orElseThrow();
    assertThat(v.username()).isEqualTo("ana");
    assertThat(v.generation()).isEqualTo(7);
    assertThat(v.jti()).isNotBlank();
    assertThat(v.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
  }

  @Test
  void refuses_tokens_not_yet_valid_or_issued_in_the_future_beyond_the_skew() throws Exception {
    Instant exp = NOW.plusSeconds(3600);
    assertThat(tokens.verify(sign(NOW, NOW, exp, "a"))).isPresent();
    assertThat(tokens.verify(sign(NOW, NOW.plusSeconds(59), exp, "b"))).isPresent();
    assertThat(tokens.verify(sign(NOW, NOW.plusSeconds(61), exp, "c"))).isEmpty();
    assertThat(tokens.verify(sign(NOW.plusSeconds(61), null, exp, "d"))).isEmpty();
    assertThat(tokens.verify(sign(NOW, null, exp, null))).as("no jti").isEmpty();
    assertThat(tokens.verify(sign(NOW.minusSeconds(7200), null, NOW, "e")))
        .as("expired exactly now")
        .isEmpty();
  }
}
