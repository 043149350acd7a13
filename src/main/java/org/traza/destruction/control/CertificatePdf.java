package org.traza.destruction.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.traza.platform.control.PdfPages;

/**
 * The certificate as a PDF: what a person reads (order, authority, method, site, witnesses, every
 * firearm, totals by type, a QR code with the verification URL and the manifest's hash) and what a
 * machine checks (the canonical manifest and its signature, attached as {@code manifest.json} and
 * {@code manifest.sig}).
 */
public final class CertificatePdf {

  public static final String MANIFEST_FILE = "manifest.json";
  public static final String SIGNATURE_FILE = "manifest.sig";

  private static final PDType1Font BODY = PdfPages.BODY;
  private static final PDType1Font BOLD = PdfPages.BOLD;

  private CertificatePdf() {}

  /** A line of the firearms table. */
  public record Row(
      long id, String type, String make, String model, String calibre, String serial) {}

  /** Everything the certificate prints. */
  public record Content(
      String number,
      List<String[]> fields,
      List<String[]> witnesses,
      List<Row> firearms,
      Map<String, Long> totalsByType,
      byte[] qrPng,
      String verifyUrl,
      String manifestSha256,
      String keyId,
      String manifest,
      String signature) {}

  public static byte[] render(Content c) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("Certificate of destruction " + c.number());
      info.setCreator("Traza");
      PdfPages w = new PdfPages(doc);
      w.text(BOLD, 16, "Certificate of destruction of firearms");
      w.text(BOLD, 12, "No. " + c.number());
      w.gap(6);
      for (String[] f : c.fields()) {
        w.pair(f[0], f[1]);
      }
      w.gap(8);
      w.text(BOLD, 11, "Witnesses");
      for (String[] wi : c.witnesses()) {
        w.text(BODY, 9, String.join(" - ", wi));
      }
      w.gap(8);
      w.text(BOLD, 11, "Firearms destroyed (" + c.firearms().size() + ")");
      float[] cols = {0, 60, 130, 230, 330, 400};
      w.row(BOLD, cols, "Registry", "Type", "Make", "Model", "Calibre", "Serial");
      for (Row r : c.firearms()) {
        w.row(
            BODY,
            cols,
            String.valueOf(r.id()),
            r.type(),
            r.make(),
            r.model(),
            r.calibre(),
            r.serial());
      }
      w.gap(8);
      w.text(BOLD, 11, "Totals by type");
      for (Map.Entry<String, Long> total : c.totalsByType().entrySet()) {
        w.pair(total.getKey(), String.valueOf(total.getValue()));
      }
      w.gap(10);
      w.image(c.qrPng(), "verification", 110, verifyLines(c));
      w.close();
      attach(doc, c.manifest(), c.signature());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static List<String> verifyLines(Content c) {
    String url = c.verifyUrl();
    String hash = c.manifestSha256();
    List<String> lines = new ArrayList<>();
    lines.add("Verify this certificate:");
    lines.add(url.length() > 80 ? url.substring(0, 80) : url);
    if (url.length() > 80) {
      lines.add(url.substring(80));
    }
    lines.add("Manifest SHA-256:");
    lines.add(hash.substring(0, 32));
    lines.add(hash.substring(32));
    lines.add("Signed with Ed25519, key " + c.keyId() + "; manifest.json and");
    lines.add("manifest.sig are attached to this PDF.");
    return lines;
  }

  private static void attach(PDDocument doc, String manifest, String signature) throws IOException {
    Map<String, PDComplexFileSpecification> files = new java.util.LinkedHashMap<>();
    files.put(MANIFEST_FILE, spec(doc, MANIFEST_FILE, manifest, "application/json"));
    files.put(SIGNATURE_FILE, spec(doc, SIGNATURE_FILE, signature, "text/plain"));
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(files);
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
    names.setEmbeddedFiles(tree);
    doc.getDocumentCatalog().setNames(names);
  }

  private static PDComplexFileSpecification spec(
      PDDocument doc, String name, String text, String type) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(bytes));
    file.setSubtype(type);
    file.setSize(bytes.length);
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(name);
    spec.setFileUnicode(name);
    spec.setEmbeddedFile(file);
    spec.setEmbeddedFileUnicode(file);
    return spec;
  }

  /** The manifest and signature attached to a certificate PDF, if it has them. */
  public record Attached(String manifest, String signature) {}

  /** Reads the attachments of {@code pdf}; empty when it is not a readable certificate PDF. */
  public static Optional<Attached> read(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
      if (names == null || names.getEmbeddedFiles() == null) {
        return Optional.empty();
      }
      Map<String, PDComplexFileSpecification> files = names.getEmbeddedFiles().getNames();
      if (files == null
          || !files.containsKey(MANIFEST_FILE)
          || !files.containsKey(SIGNATURE_FILE)) {
        return Optional.empty();
      }
      return Optional.of(
          new Attached(text(files.get(MANIFEST_FILE)), text(files.get(SIGNATURE_FILE)).trim()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String text(PDComplexFileSpecification spec) throws IOException {
    return new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
  }
}
