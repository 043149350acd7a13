package org.traza.audit.control;

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
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.traza.audit.entity.SignedNote;

/**
 * The key that signs checkpoints: Ed25519, a key of its own beside the destruction certificate key
 * (a checkpoint and a certificate are different statements, and either key can then be replaced
 * alone). Read from {@code checkpoint.signing-key-file} (PKCS#8 PEM, default {@code
 * ${traza.data-dir}/checkpoint-signing-key.pem}) or generated there on first start, with its public
 * part beside it ({@code .pub.pem}). Its name in signature lines is {@code checkpoint.key-name}
 * (default: the origin).
 */
@ApplicationScoped
public class CheckpointKey {

  private static final System.Logger LOG = System.getLogger(CheckpointKey.class.getName());
  private static final String ALGORITHM = "Ed25519";

  @Inject
  @ConfigProperty(name = "traza.data-dir", defaultValue = "./traza-data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "checkpoint.signing-key-file")
  Optional<String> keyFile;

  @Inject
  @ConfigProperty(name = "checkpoint.origin", defaultValue = "traza/audit-log")
  String origin;

  @Inject
  @ConfigProperty(name = "checkpoint.key-name")
  Optional<String> configuredName;

  private PrivateKey privateKey;
  private PublicKey publicKey;
  private String name;

  @PostConstruct
  void load() {
    name = configuredName.orElse(origin);
    if (!SignedNote.validName(name) || origin.isBlank() || origin.contains("\n")) {
      throw new IllegalStateException(
          "checkpoint.origin and checkpoint.key-name must be non-empty, without spaces or '+'");
    }
    Path path = Path.of(keyFile.orElse(dataDir + "/checkpoint-signing-key.pem"));
    try {
      if (Files.exists(path)) {
        privateKey =
            KeyFactory.getInstance(ALGORITHM)
                .generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(path))));
        publicKey =
            KeyFactory.getInstance(ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(pem(Files.readString(publicPath(path)))));
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
        LOG.log(System.Logger.Level.INFO, "Generated the checkpoint signing key at " + path);
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Cannot load or create the checkpoint signing key at " + path, e);
    }
  }

  private static Path publicPath(Path key) {
    String file = key.getFileName().toString().replaceFirst("\\.pem$", "");
    return key.resolveSibling(file + ".pub.pem");
  }

  /** The origin line of every checkpoint. */
  public String origin() {
    return origin;
  }

  /** The key's name in signature lines. */
  public String name() {
    return name;
  }

  /** {@code text} as a signed note. */
  public String sign(String text) {
    return SignedNote.sign(text, name, privateKey, SignedNote.raw(publicKey));
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** The four-byte key id of signature lines, hex. */
  public String keyId() {
    return HexFormat.of().formatHex(SignedNote.keyId(name, SignedNote.raw(publicKey)));
  }

  /** The note verifier key: {@code <name>+<key id>+<base64(0x01 || public key)>}. */
  public String verifierKey() {
    return SignedNote.verifierKey(name, SignedNote.raw(publicKey));
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
