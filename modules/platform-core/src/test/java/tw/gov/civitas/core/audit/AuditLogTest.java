package tw.gov.civitas.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AuditLogTest {

  @Test
  void jsonIsKeptAndPlainTextBecomesAJsonString() {
    assertEquals("{\"title\":\"道路\"}", AuditLog.asJson("{\"title\":\"道路\"}"));
    assertEquals("\"封面.png\"", AuditLog.asJson("封面.png"));
    assertEquals(
        "\"https://example.org/hook?a=\\\"b\\\"\"",
        AuditLog.asJson("https://example.org/hook?a=\"b\""));
    assertNull(AuditLog.asJson(null));
  }
}
