package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsIT {
  private static final String FAST_FAIL = "--command-timeout=1s";

  @TempDir Path dir;

  @Test
  void generatedFilesArePemCertificatesAndKeys() throws Exception {
    TlsFiles.Bundle tls = TlsFiles.generate(dir);

    for (TlsFiles files :
        new TlsFiles[] {tls.ca(), tls.server(), tls.client(), tls.untrustedClient()}) {
      assertThat(files.certPem()).content().startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(files.keyPem()).content().contains("PRIVATE KEY-----");
    }
  }

  @Test
  void clientCertAuthAcceptsTheClientCertAndRefusesTheUntrustedOne() {
    TlsFiles.Bundle tls = TlsFiles.generate(dir);
    try (EtcdServer server =
        EtcdServer.builder().tls(tls.server()).clientCertAuth(tls.ca().certPem()).build()) {
      server.start();

      assertThat(server.endpoint()).isEqualTo("https://127.0.0.1:" + server.clientPort());
      server.etcdctl(tls.client(), "put", "k", "v");
      // Verifying the server against the CA checks the SAN for 127.0.0.1.
      assertThat(
              server.etcdctl(
                  tls.client(), "--cacert=" + tls.ca().certPem(), "get", "k", "--print-value-only"))
          .isEqualTo("v\n");
      // Short timeouts: a refused handshake shows up only as etcdctl's deadline expiring.
      assertThatThrownBy(() -> server.etcdctl(tls.untrustedClient(), FAST_FAIL, "get", "k"))
          .hasMessageContaining("etcdctl failed");
      assertThatThrownBy(() -> server.etcdctl(FAST_FAIL, "get", "k"))
          .hasMessageContaining("etcdctl failed");
      assertThat(server.logFile())
          .content()
          .contains("certificate signed by unknown authority")
          .contains("client didn't provide a certificate");
    }
  }

  @Test
  void tlsWithoutClientCertAuthServesAnyClient() {
    TlsFiles.Bundle tls = TlsFiles.generate(dir);
    try (EtcdServer server = EtcdServer.builder().tls(tls.server()).build()) {
      server.start();
      server.etcdctl("put", "k", "v");
      assertThat(server.etcdctl("--cacert=" + tls.ca().certPem(), "get", "k", "--print-value-only"))
          .isEqualTo("v\n");
    }
  }
}
