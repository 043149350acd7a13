package org.traza.trace.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.traza.platform.entity.ProblemException;

class ExchangeSchemaTest {

  static final String VALID =
      """
      {"format": "traza-trace-exchange/1", "exportedAt": "2026-11-29T10:00:00Z",
       "sender": {"country": "AR", "authority": "RENAR", "system": "Traza 0.1.0"},
       "request": {"reference": "TR-2026-000007", "status": "ANSWERED", "urgency": "ROUTINE",
         "requestingAuthority": "Policia Federal", "requestingCountry": "AR", "contact": "a@b.ar",
         "caseReference": "CASE-1", "legalBasis": "CIFTA Art. XIII", "illicitReason": "seized",
         "recoveredOn": "2026-11-01", "weaponType": "PISTOL", "serialAsRead": "B8O12?4",
         "obliterated": true,
         "photos": [{"mediaType": "image/png", "sha256": "%s", "data": "iVBORw0KGgo="}]},
       "response": {"format": "traza-trace-response/1", "reference": "TR-2026-000007",
         "outcome": "IDENTIFIED", "answeredAt": "2026-11-29T09:00:00Z",
         "weapon": {"registryId": 4, "serial": "88012-74", "markings": [{"kind": "SERIAL", "text": "88012-74"}]},
         "custody": {"chainIntact": true, "events": []}, "alerts": [],
         "confidentiality": {"originator": "RENAR", "confidentiality": "UNRESTRICTED", "withheld": [], "statement": "s"}}}
      """
          .formatted("a".repeat(64));

  @Test
  void aCompleteDocumentFollowsTheSchema() {
    assertThat(ExchangeSchema.violations(ExchangeSchema.parse(VALID))).isEmpty();
  }

  @Test
  void everyViolationIsNamedByItsJsonPointer() {
    String broken =
        VALID
            .replace("\"requestingCountry\": \"AR\"", "\"requestingCountry\": \"Argentina\"")
            .replace("\"recoveredOn\": \"2026-11-01\"", "\"recoveredOn\": \"1 Nov 2026\"")
            .replace("\"caseReference\": \"CASE-1\", ", "")
            .replace("\"obliterated\": true", "\"obliterated\": true, \"colour\": \"black\"")
            .replace("\"mediaType\": \"image/png\"", "\"mediaType\": \"image/gif\"");
    List<ExchangeSchema.Violation> found = ExchangeSchema.violations(ExchangeSchema.parse(broken));
    assertThat(found)
        .extracting(ExchangeSchema.Violation::at)
        .contains(
            "/request/requestingCountry",
            "/request/recoveredOn",
            "/request",
            "/request/photos/0/mediaType");
    assertThat(found)
        .extracting(ExchangeSchema.Violation::message)
        .anyMatch(m -> m.contains("caseReference"))
        .anyMatch(m -> m.contains("colour"));
  }

  @Test
  void anUnknownVersionAndAnUrgentRequestWithoutJustificationAreRefused() {
    String v2 = VALID.replace("traza-trace-exchange/1", "traza-trace-exchange/2");
    assertThat(ExchangeSchema.violations(ExchangeSchema.parse(v2)))
        .extracting(ExchangeSchema.Violation::at)
        .containsExactly("/format");
    String urgent = VALID.replace("\"urgency\": \"ROUTINE\"", "\"urgency\": \"URGENT\"");
    assertThat(ExchangeSchema.violations(ExchangeSchema.parse(urgent)))
        .extracting(ExchangeSchema.Violation::at)
        .contains("/request");
  }

  @Test
  void aSerialIsRequiredUnlessItIsObliterated() {
    String legible =
        VALID
            .replace("\"serialAsRead\": \"B8O12?4\",", "")
            .replace("\"obliterated\": true", "\"obliterated\": false");
    assertThat(ExchangeSchema.violations(ExchangeSchema.parse(legible)))
        .extracting(ExchangeSchema.Violation::message)
        .anyMatch(m -> m.contains("serialAsRead"));
    String obliterated = VALID.replace("\"serialAsRead\": \"B8O12?4\",", "");
    assertThat(ExchangeSchema.violations(ExchangeSchema.parse(obliterated))).isEmpty();
  }

  @Test
  void notJsonIsAClearProblemWithItsPosition() {
    assertThatThrownBy(
            () -> ExchangeSchema.parse("{\"format\": \"traza-trace-exchange/1\",\n  oops}"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("not valid JSON at line 2");
  }

  @Test
  void locationsBecomeJsonPointers() {
    assertThat(ExchangeSchema.pointer("$.request.photos[0].sha256"))
        .isEqualTo("/request/photos/0/sha256");
    assertThat(ExchangeSchema.pointer("$")).isEqualTo("/");
  }
}
