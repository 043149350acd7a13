package org.traza.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2 password hashes through Jakarta Security's built-in {@link Pbkdf2PasswordHash}. The
 * algorithm and iteration count are stored inside each hash, so raising the cost later keeps old
 * hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
  public static final int DEFAULT_ITERATIONS = 210_000;

  @Inject Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "security.password.iterations", defaultValue = "210000")
  int iterations;

  private String dummyHash;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    dummyHash = pbkdf2.generate("not-a-password".toCharArray());
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean verify(String password, String hash) {
    return pbkdf2.verify(password.toCharArray(), hash);
  }

  /**
   * Spends the time of one verification, so that unknown usernames answer as slowly as known ones.
   */
  public void verifyNothing(String password) {
    pbkdf2.verify(password.toCharArray(), dummyHash);
  }
}
