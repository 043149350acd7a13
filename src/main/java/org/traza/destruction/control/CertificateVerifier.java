package org.traza.destruction.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.traza.custody.boundary.CustodyDirectory;
import org.traza.destruction.entity.DestructionCertificate;
import org.traza.registry.boundary.FirearmDirectory;

/**
 * Checks a certificate: its manifest against its signature and recorded hash, the PDF against the
 * one issued, and each firearm's custody chain (intact, ending in DESTROY, the firearm DESTROYED).
 * Every check is reported; the first that fails is the reason.
 */
@ApplicationScoped
public class CertificateVerifier {

  @Inject Destructions destructions;
  @Inject SigningKey key;
  @Inject CustodyDirectory custody;
  @Inject FirearmDirectory firearms;

  /** One check and its outcome. */
  public record Check(String name, boolean passed, String detail) {}

  /** The verdict: valid only when every check passed. */
  public record Result(
      String certificate, boolean valid, String reason, int firearms, List<Check> checks) {}

  /** Verifies the certificate on record under {@code number}. */
  public Result byNumber(String number) {
    DestructionCertificate c = destructions.certificate(number);
    List<Check> checks = new ArrayList<>();
    checks.add(
        check(
            "manifest-hash",
            org.traza.platform.entity.Sha256.hex(c.manifest()).equals(c.manifestSha256()),
            "the manifest on record hashes to its recorded SHA-256",
            "the manifest on record was changed: its SHA-256 is not the one recorded at issue"));
    signature(checks, c.manifest(), c.signature(), c.keyId());
    int count = custody(checks, c.manifest());
    return result(number, checks, count);
  }

  /** Verifies an uploaded certificate PDF against the certificate on record. */
  public Result pdf(byte[] pdf) {
    List<Check> checks = new ArrayList<>();
    Optional<CertificatePdf.Attached> attached = CertificatePdf.read(pdf);
    if (attached.isEmpty()) {
      checks.add(
          new Check(
              "readable",
              false,
              "not a readable Traza certificate: the PDF is damaged or carries no signed manifest"));
      return result(null, checks, 0);
    }
    String manifest = attached.get().manifest();
    String number = field(manifest, "certificate").orElse(null);
    signature(checks, manifest, attached.get().signature(), null);
    Optional<DestructionCertificate> onRecord = number == null ? Optional.empty() : find(number);
    if (onRecord.isEmpty()) {
      checks.add(
          new Check(
              "on-record",
              false,
              number == null
                  ? "the attached manifest is damaged: it names no certificate"
                  : "no certificate " + number + " was issued here"));
      return result(number, checks, 0);
    }
    DestructionCertificate c = onRecord.get();
    String hash = org.traza.platform.entity.Sha256.hex(pdf);
    checks.add(
        check(
            "pdf-hash",
            hash.equals(c.pdfSha256()),
            "the PDF is byte for byte the one issued",
            "the PDF differs from the one issued: its SHA-256 is "
                + hash
                + ", the issued one's "
                + c.pdfSha256()));
    checks.add(
        check(
            "manifest-on-record",
            manifest.equals(c.manifest()),
            "the attached manifest is the one on record",
            "the attached manifest differs from the one on record"));
    int count = custody(checks, manifest);
    return result(number, checks, count);
  }

  private Optional<DestructionCertificate> find(String number) {
    try {
      return Optional.of(destructions.certificate(number));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private void signature(List<Check> checks, String manifest, String signature, String keyId) {
    if (keyId != null && !keyId.equals(key.keyId())) {
      checks.add(
          new Check(
              "signature",
              false,
              "signed with key " + keyId + ", not this server's key " + key.keyId()));
      return;
    }
    checks.add(
        check(
            "signature",
            key.verify(manifest.getBytes(StandardCharsets.UTF_8), signature),
            "the manifest's Ed25519 signature is valid (key " + key.keyId() + ")",
            "the signature does not match the manifest: the manifest or the signature was"
                + " changed"));
  }

  /** Checks each firearm's chain; returns how many firearms the manifest names. */
  private int custody(List<Check> checks, String manifest) {
    JsonObject m;
    try {
      m = Json.createReader(new StringReader(manifest)).readObject();
    } catch (RuntimeException e) {
      checks.add(new Check("manifest", false, "the manifest is not valid JSON"));
      return 0;
    }
    List<String> broken = new ArrayList<>();
    int count = 0;
    for (JsonValue v : m.getJsonArray("firearms")) {
      long id = v.asJsonObject().getJsonNumber("id").longValue();
      count++;
      CustodyDirectory.Chain chain = custody.chain(id);
      String status =
          firearms.holdingAnywhere(id).map(FirearmDirectory.Holding::status).orElse("none");
      if (!chain.intact()) {
        broken.add("firearm " + id + ": custody chain broken (" + chain.problem() + ")");
      } else if (!"DESTROY".equals(chain.lastAction()) || !"DESTROYED".equals(status)) {
        broken.add(
            "firearm "
                + id
                + ": its custody chain ends in "
                + chain.lastAction()
                + " and the record says "
                + status
                + ", not DESTROYED");
      }
    }
    checks.add(
        check(
            "custody",
            broken.isEmpty(),
            "all " + count + " firearms' custody chains are intact and end in DESTROY",
            String.join("; ", broken.size() > 5 ? broken.subList(0, 5) : broken)));
    return count;
  }

  private static Optional<String> field(String manifest, String name) {
    try {
      JsonObject m = Json.createReader(new StringReader(manifest)).readObject();
      return Optional.ofNullable(m.getString(name, null));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Check check(String name, boolean ok, String pass, String fail) {
    return new Check(name, ok, ok ? pass : fail);
  }

  private static Result result(String number, List<Check> checks, int firearms) {
    String reason =
        checks.stream().filter(c -> !c.passed()).map(Check::detail).findFirst().orElse(null);
    return new Result(number, reason == null, reason, firearms, checks);
  }
}
