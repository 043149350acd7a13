package org.traza.marking.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traza.testing.FirearmBuilder.aFirearm;

import com.google.zxing.BarcodeFormat;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.traza.scanner.payload.Payloads;
import org.traza.scanner.payload.TrazaMarking;
import org.traza.testing.AgainstServer;
import org.traza.testing.Api.Role;
import org.traza.testing.Symbols;

class FirearmMarkingIT extends AgainstServer {

  @Test
  void the_data_matrix_of_a_registered_firearm_reads_back_as_its_record() throws Exception {
    JsonObject f =
        api.register(aFirearm().withSerial("zx-9 001").imported("Armas SA", "AR", 2021).build());

    HttpResponse<byte[]> png =
        image("/api/firearms/" + f.getInt("id") + "/marking?moduleSize=6", api.as(Role.ARMOURER));

    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    TrazaMarking marking =
        (TrazaMarking)
            Payloads.detect(Symbols.decodePng(png.body(), BarcodeFormat.DATA_MATRIX)).orElseThrow();
    assertThat(marking.registryId()).isEqualTo(f.getInt("id"));
    assertThat(marking.serial()).isEqualTo("ZX9001");
    assertThat(marking.makeCode()).isEqualTo("GLOCK");
    assertThat(marking.countryOfManufacture()).isEqualTo("AT");
    assertThat(marking.importCountry()).isEqualTo("AR");
  }

  @Test
  void qr_code128_and_svg_on_request() throws Exception {
    JsonObject f = api.register(aFirearm().build());
    String base = "/api/firearms/" + f.getInt("id") + "/marking";
    String token = api.as(Role.INVESTIGATOR);

    String qr =
        Symbols.decodePng(image(base + "?symbology=qr&ecc=H", token).body(), BarcodeFormat.QR_CODE);
    String code128 =
        Symbols.decodePng(
            image(base + "?symbology=code128&moduleSize=2", token).body(), BarcodeFormat.CODE_128);
    assertThat(qr).isEqualTo(code128).startsWith("TZ1 ");

    HttpResponse<byte[]> svg = image(base + "?format=svg&shape=rectangle", token);
    assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    assertThat(new String(svg.body())).startsWith("<svg");
  }

  @Test
  void gs1_giai_and_uii_symbols_scan_back_to_their_firearm() throws Exception {
    JsonObject f = api.register(aFirearm().withSerial("GI-" + System.nanoTime()).build());
    int id = f.getInt("id");
    String token = api.as(Role.ARMOURER);
    for (String query :
        new String[] {
          "?payload=giai&symbology=datamatrix", "?payload=giai&symbology=qr",
          "?payload=uii&symbology=datamatrix", "?payload=serial&symbology=code128"
        }) {
      HttpResponse<byte[]> png = image("/api/firearms/" + id + "/marking" + query, token);
      assertThat(png.statusCode()).as(query).isEqualTo(200);
      var scan = api.postBytes("/api/scans/decode", token, "image/png", png.body());
      JsonObject resolution =
          scan.json().getJsonArray("symbols").getJsonObject(0).getJsonObject("resolution");
      assertThat(resolution.getString("outcome")).as(query + " " + scan).isEqualTo("MATCHED");
      assertThat(resolution.getJsonObject("firearm").getInt("id")).isEqualTo(id);
    }
    assertThat(
            image("/api/firearms/" + id + "/marking?payload=giai", token)
                .headers()
                .firstValue("X-Marking-Payload"))
        .hasValue("\\u001d80040614141" + id);
    assertThat(api.get("/api/firearms/" + id + "/marking?payload=ean", token).status())
        .isEqualTo(400);
    assertThat(api.get("/api/firearms/" + id + "/marking?payload=giai&format=zpl", token).status())
        .isEqualTo(400);
  }

  @Test
  void bad_options_and_unknown_firearms_are_problems() {
    JsonObject f = api.register(aFirearm().build());
    String base = "/api/firearms/" + f.getInt("id") + "/marking";
    assertThat(api.get(base + "?symbology=pdf417", api.admin()).status()).isEqualTo(400);
    assertThat(api.get(base + "?format=gif", api.admin()).status()).isEqualTo(400);
    assertThat(api.get(base + "?moduleSize=0", api.admin()).status()).isEqualTo(400);
    assertThat(api.get("/api/firearms/987654321/marking", api.admin()).status()).isEqualTo(404);
    assertThat(api.get(base, null).status()).isEqualTo(401);
  }

  private HttpResponse<byte[]> image(String path, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(api.base().resolve(path.substring(1)))
            .header("Authorization", "Bearer " + token)
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
