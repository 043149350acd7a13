package org.traza.destruction.control;

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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that signs destruction certificates: Ed25519, read from {@code
 * destruction.signing-key-file} (PKCS#8 PEM) or generated there on first start, next to its public
 * part ({@code .pub.pem}) for third parties. Anyone with the public key verifies a certificate's
 * manifest offline (docs/destruction-certificates.md shows how with OpenSSL).
 */
@ApplicationScoped
public class SigningKey {

  private static final System.Logger LOG = System.getLogger(SigningKey.class.getName());
  static final String ALGORITHM = "Ed25519";

  @Inject
  @ConfigProperty(name = "traza.data-dir", defaultValue = "./traza-data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "destruction.signing-key-file")
  Optional<String> keyFile;

  private PrivateKey privateKey;
  private PublicKey publicKey;
  private String keyId;

  @PostConstruct
  void load() {
    Path path = Path.of(keyFile.orElse(dataDir + "/destruction-signing-key.pem"));
    try {
      if (Files.exists(path)) {
        privateKey =
            KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(path))));
        Path pub = publicPath(path);
        publicKey =
            KeyFactory.getInstance(ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(pem(Files.readString(pub))));
      } else {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        privateKey = pair.getPrivate();
        publicKey = pair.getPublic();
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.writeString(path, pem("PRIVATE KEY", privateKey.getEncoded()));
        try {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the folder's permissions protect it
        }
        Files.writeString(publicPath(path), publicKeyPem());
        LOG.log(System.Logger.Level.INFO, "Generated the destruction certificate key at " + path);
      }
      keyId =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()))
              .substring(0, 16);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot load or create the destruction signing key at " + path, e);
    }
  }

  private static Path publicPath(Path key) {
    String name = key.getFileName().toString().replaceFirst("\\.pem$", "");
    return key.resolveSibling(name + ".pub.pem");
  }

  /** The Ed25519 signature of {@code data}, base64. */
  public String sign(byte[] data) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(privateKey);
      s.update(data);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code signature} (base64) is this key's signature of {@code data}. */
  public boolean verify(byte[] data, String signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(publicKey);
      s.update(data);
      return s.verify(Base64.getDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public String keyId() {
    return keyId;
  }

  /** The public key as an X.509 SubjectPublicKeyInfo PEM, for OpenSSL and other verifiers. */
  public String publicKeyPem() {
    return pem("PUBLIC KEY", publicKey.getEncoded());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] pem(String text) {
    return Base64.getDecoder()
        .decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }
}
