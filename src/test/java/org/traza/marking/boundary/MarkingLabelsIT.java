package org.traza.marking.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Reply;
import org.traza.testing.Api.Role;

class MarkingLabelsIT extends AgainstServer {

  /** The "done when": print ten labels, photograph the sheet, land on each firearm. */
  @Test
  void a_printed_sheet_of_ten_labels_scans_back_to_the_ten_firearms() throws Exception {
    String prefix = "LB" + System.nanoTime() % 1_000_000_000;
    List<Integer> ids = new ArrayList<>();
    JsonArrayBuilder idArray = Json.createArrayBuilder();
    for (int i = 0; i < 10; i++) {
      int id = api.register(aFirearm().withSerial(prefix + "-" + i).build()).getInt("id");
      ids.add(id);
      idArray.add(id);
    }

    HttpResponse<byte[]> pdf =
        pdf(Json.createObjectBuilder().add("firearmIds", idArray).build(), api.as(Role.ARMOURER));

    assertThat(pdf.statusCode()).as(new String(pdf.body())).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("X-Label-Count")).hasValue("10");
    BufferedImage page;
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(text).contains("S/N " + prefix + "-0").contains("Reg. " + ids.get(9));
      // a 150 dpi grey "photo" of the printed page
      page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.GRAY);
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(page, "jpeg", jpeg);

    Reply scan =
        api.postBytes("/api/scans/decode", api.as(Role.ARMOURER), "image/jpeg", jpeg.toByteArray());

    assertThat(scan.status()).as(scan.toString()).isEqualTo(200);
    List<Integer> landed =
        scan.json().getJsonArray("symbols").stream()
            .map(s -> s.asJsonObject().getJsonObject("resolution"))
            .filter(r -> r.getString("outcome").equals("MATCHED"))
            .map(r -> r.getJsonObject("firearm").getInt("id"))
            .toList();
    assertThat(landed).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void a_filter_selects_the_labels_and_layout_and_symbology_are_configurable() throws Exception {
    String prefix = "LF" + System.nanoTime() % 1_000_000_000;
    for (int i = 0; i < 5; i++) {
      api.register(aFirearm().withSerial(prefix + i).build());
    }
    JsonObject request =
        Json.createObjectBuilder()
            .add("filter", Json.createObjectBuilder().add("serial", prefix + "*"))
            .add("symbology", "QR")
            .add("page", "LETTER")
            .add("columns", 2)
            .add("rows", 2)
            .add("labelWidthMm", 90)
            .add("labelHeightMm", 50)
            .build();

    HttpResponse<byte[]> pdf = pdf(request, api.as(Role.SUPERVISOR));

    assertThat(pdf.statusCode()).as(new String(pdf.body())).isEqualTo(200);
    assertThat(pdf.headers().firstValue("X-Label-Count")).hasValue("5");
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
    }
  }

  @Test
  void bad_requests_are_problems() {
    int id = api.register(aFirearm().build()).getInt("id");
    String token = api.as(Role.ARMOURER);
    JsonObject both =
        Json.createObjectBuilder()
            .add("firearmIds", Json.createArrayBuilder().add(id))
            .add("filter", Json.createObjectBuilder().add("make", "GLOCK"))
            .build();
    JsonObject unknown =
        Json.createObjectBuilder()
            .add("firearmIds", Json.createArrayBuilder().add(987654321))
            .build();
    JsonObject tooBig =
        Json.createObjectBuilder()
            .add("firearmIds", Json.createArrayBuilder().add(id))
            .add("columns", 5)
            .add("labelWidthMm", 60)
            .build();
    JsonObject badSymbology =
        Json.createObjectBuilder()
            .add("firearmIds", Json.createArrayBuilder().add(id))
            .add("symbology", "PDF417")
            .build();
    for (JsonObject body : List.of(both, unknown, tooBig, badSymbology)) {
      Reply r = api.post("/api/marking-labels", token, body);
      assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
    }
    assertThat(
            api.post(
                    "/api/marking-labels",
                    api.as(Role.INVESTIGATOR),
                    Json.createObjectBuilder()
                        .add("firearmIds", Json.createArrayBuilder().add(id))
                        .build())
                .status())
        .isEqualTo(403);
  }

  private HttpResponse<byte[]> pdf(JsonObject body, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(api.base().resolve("api/marking-labels"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
