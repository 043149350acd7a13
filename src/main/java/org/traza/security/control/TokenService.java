package org.traza.security.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and verifies bearer tokens: RS256-signed JWTs with the MicroProfile JWT claims (iss, sub,
 * upn, groups, iat, nbf, exp, jti) and {@code gen}, the user's token generation when it was issued.
 * A token is valid from its {@code nbf} (and not issued in the future) with {@code jwt.clock-skew}
 * (default PT60S) of tolerance for the clocks of other issuers; it expires at {@code exp} exactly.
 * Whether a valid token was revoked since (logout, new generation) is decided by the caller, on
 * every request. The RSA key is read from {@code jwt.key-file} (PKCS#8 PEM) or generated there on
 * first start; several servers behind a balancer share the file.
 */
@ApplicationScoped
public class TokenService {

  private static final System.Logger LOG = System.getLogger(TokenService.class.getName());

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "traza.data-dir", defaultValue = "./traza-data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "jwt.key-file")
  Optional<String> keyFile;

  @Inject
  @ConfigProperty(name = "jwt.issuer", defaultValue = "traza")
  String issuer;

  @Inject
  @ConfigProperty(name = "jwt.lifetime", defaultValue = "PT8H")
  Duration lifetime;

  @Inject
  @ConfigProperty(name = "jwt.clock-skew", defaultValue = "PT60S")
  Duration clockSkew;

  private RSASSASigner signer;
  private RSASSAVerifier verifier;
  private RSAKey publicJwk;

  @PostConstruct
  void loadKey() {
    Path path = Path.of(keyFile.orElse(dataDir + "/jwt-signing-key.pem"));
    try {
      RSAPrivateCrtKey privateKey = Files.exists(path) ? read(path) : generate(path);
      RSAPublicKey publicKey =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(
                      new RSAPublicKeySpec(
                          privateKey.getModulus(), privateKey.getPublicExponent()));
      RSAKey jwk = new RSAKey.Builder(publicKey).keyIDFromThumbprint().build();
      publicJwk = jwk;
      signer = new RSASSASigner(privateKey);
      verifier = new RSASSAVerifier(publicKey);
    } catch (IOException | GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("Cannot load or create the token signing key at " + path, e);
    }
  }

  private static RSAPrivateCrtKey read(Path path) throws IOException, GeneralSecurityException {
    String pem = Files.readString(path, StandardCharsets.US_ASCII);
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return (RSAPrivateCrtKey)
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static RSAPrivateCrtKey generate(Path path) throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    Files.writeString(path, pem, StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the operator protects the folder instead
    }
    LOG.log(System.Logger.Level.INFO, "Generated a new token signing key at " + path);
    return key;
  }

  /**
   * A signed token for {@code username} with {@code roles} as its MicroProfile JWT groups, of the
   * user's token {@code generation}.
   */
  public IssuedToken issue(String username, Set<String> roles, long generation) {
    Instant now = clock.instant();
    Instant expires = now.plus(lifetime);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(username)
            .claim("upn", username)
            .claim("groups", List.copyOf(roles))
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .claim(GENERATION, generation)
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(publicJwk.getKeyID())
                .build(),
            claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
    return new IssuedToken(jwt.serialize(), expires);
  }

  /** The claim holding the user's token generation. */
  public static final String GENERATION = "gen";

  /**
   * The token's claims when its signature, issuer, validity window and id hold; empty otherwise.
   * Says nothing about revocation: the caller checks {@link Verified#jti()} and {@link
   * Verified#generation()} on every request, cached or not.
   */
  public Optional<Verified> verify(String token) {
    Instant now = clock.instant();
    Verified known = verified.get(token);
    if (known != null) {
      if (now.isBefore(known.expiresAt())) {
        return Optional.of(known);
      }
      verified.remove(token);
      return Optional.empty();
    }
    Optional<Verified> checked = check(token, now);
    checked.ifPresent(
        v -> {
          if (verified.size() >= REMEMBERED_TOKENS) {
            verified.clear();
          }
          verified.put(token, v);
        });
    return checked;
  }

  /**
   * Tokens whose signature and validity window were checked, until they expire: a station sends the
   * same token with every scan, and an RS256 check costs more than the rest of the authentication.
   * Only what the token says is kept, never whether it is still honoured: the revocation checks run
   * on every request. Bounded: when full, it starts again empty.
   */
  private final Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

  static final int REMEMBERED_TOKENS = 10_000;

  /** What a valid token says: whose it is, its id, its generation and its expiry. */
  public record Verified(String username, String jti, long generation, Instant expiresAt) {}

  private Optional<Verified> check(String token, Instant now) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date exp = claims.getExpirationTime();
      Date nbf = claims.getNotBeforeTime();
      Date iat = claims.getIssueTime();
      Instant latest = now.plus(clockSkew);
      if (!issuer.equals(claims.getIssuer())
          || exp == null
          || !now.isBefore(exp.toInstant())
          || (nbf != null && nbf.toInstant().isAfter(latest))
          || (iat != null && iat.toInstant().isAfter(latest))
          || claims.getJWTID() == null
          || claims.getJWTID().length() > 64) {
        return Optional.empty();
      }
      Long generation = claims.getLongClaim(GENERATION);
      return Optional.ofNullable(claims.getStringClaim("upn"))
          .or(() -> Optional.ofNullable(claims.getSubject()))
          .map(
              user ->
                  new Verified(
                      user,
                      claims.getJWTID(),
                      generation == null ? 0 : generation,
                      exp.toInstant()));
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The public key as a JSON Web Key Set, for services that verify tokens themselves. */
  public Map<String, Object> publicKeySet() {
    return Map.of("keys", List.of(publicJwk.toPublicJWK().toJSONObject()));
  }

  /** A token and the moment it stops being accepted. */
  public record IssuedToken(String token, Instant expiresAt) {}
}
