package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectFailuresTest {
  @Test
  void untrustedServerPointsAtTrustedCa() {
    assertThat(
            ConnectFailures.hint("io exception: pkix path validation failed: path does not chain"))
        .contains("server certificate")
        .contains("trustedCa(...)");
  }

  @Test
  void refusedClientCertificatePointsAtClientCertificate() {
    assertThat(ConnectFailures.hint("ssl exception: error:10000412:sslv3_alert_bad_certificate"))
        .contains("client's certificate")
        .contains("clientCertificate(...)");
    assertThat(ConnectFailures.hint("received fatal alert: certificate_required"))
        .contains("clientCertificate(...)");
  }

  @Test
  void otherFailuresGetNoTlsHint() {
    assertThat(ConnectFailures.hint("io exception: connection refused: /127.0.0.1:2379")).isNull();
  }
}
