package io.typedetcd.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.TlsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** etcd serving https and requiring client certificates signed by the test CA. */
class TlsIT {
  static final Path DIR = tempDir();
  static final TlsFiles.Bundle TLS = TlsFiles.generate(DIR.resolve("pki"));
  static final TlsFiles.Bundle OTHER = TlsFiles.generate(DIR.resolve("other-pki"));

  @RegisterExtension
  static final EtcdExtension etcd =
      EtcdExtension.builder().tls(TLS.server()).clientCertAuth(TLS.ca().certPem()).build();

  @AfterAll
  static void deleteFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DIR)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void aClientWithTheCaAndACertificateWorks() {
    assertThat(etcd.endpoint()).startsWith("https://");
    try (EtcdClient client =
        EtcdClient.builder()
            .endpoints(etcd.endpoint())
            .trustedCa(TLS.ca().certPem())
            .clientCertificate(TLS.client().certPem(), TLS.client().keyPem())
            .build()) {
      Blocking.get(client.kv().put("/tls/a", "secure"));
      assertThat(Blocking.get(client.kv().get("/tls/a")).kvs().get(0).value()).isEqualTo("secure");
      // The per-member channel uses the same TLS material.
      assertThat(Blocking.get(client.maintenance().status(etcd.endpoint())).version())
          .startsWith("3.");
    }
    assertThat(
            etcd.server()
                .etcdctl(
                    TLS.client(),
                    "--cacert=" + TLS.ca().certPem(),
                    "get",
                    "--print-value-only",
                    "/tls/a"))
        .isEqualTo("secure\n");
  }

  @Test
  void aClientWithoutCertificateIsRefusedAtBuild() {
    EtcdClientBuilder builder =
        EtcdClient.builder()
            .endpoints(etcd.endpoint())
            .trustedCa(TLS.ca().certPem())
            .dialTimeout(Duration.ofSeconds(2));
    assertThatThrownBy(() -> builder.build().close())
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining(etcd.endpoint())
        .hasMessageContaining("TLS")
        .hasMessageContaining("client certificate");
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedAtBuild() {
    EtcdClientBuilder builder =
        EtcdClient.builder()
            .endpoints(etcd.endpoint())
            .trustedCa(TLS.ca().certPem())
            .clientCertificate(TLS.untrustedClient().certPem(), TLS.untrustedClient().keyPem())
            .dialTimeout(Duration.ofSeconds(2));
    assertThatThrownBy(() -> builder.build().close())
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining(etcd.endpoint())
        .hasMessageContaining("client certificate");
  }

  @Test
  void aServerSignedByAnUntrustedCaIsRefusedAtBuild() {
    EtcdClientBuilder builder =
        EtcdClient.builder()
            .endpoints(etcd.endpoint())
            .trustedCa(OTHER.ca().certPem())
            .clientCertificate(TLS.client().certPem(), TLS.client().keyPem())
            .dialTimeout(Duration.ofSeconds(2));
    assertThatThrownBy(() -> builder.build().close())
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining(etcd.endpoint())
        .hasMessageContaining("server certificate");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("typed-etcd-tls-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
