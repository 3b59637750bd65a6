package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcdConfigTest {
  private static final TlsFiles SERVER = new TlsFiles(Path.of("/pki/s.pem"), Path.of("/pki/s.key"));

  @Test
  void optionsBecomeEtcdFlags() {
    EtcdConfig config =
        EtcdServer.builder()
            .authTokenTtl(Duration.ofMillis(1500))
            .autoCompaction("revision", "100")
            .quotaBackendBytes(1024)
            .maxRequestBytes(2048)
            .maxTxnOps(16)
            .config("etcd");

    assertThat(config.optionFlags())
        .containsExactly(
            "--auth-token-ttl=2",
            "--auto-compaction-mode=revision",
            "--auto-compaction-retention=100",
            "--quota-backend-bytes=1024",
            "--max-request-bytes=2048",
            "--max-txn-ops=16");
    assertThat(EtcdServer.builder().config("etcd").optionFlags()).isEmpty();
  }

  @Test
  void commandListensOnLoopbackWithPlainMetricsAndUserFlagsLast() {
    EtcdConfig config =
        EtcdServer.builder()
            .tls(SERVER)
            .clientCertAuth(Path.of("/pki/ca.pem"))
            .maxTxnOps(16)
            .extraFlags("--election-timeout=2000")
            .config("etcd");
    var member = EtcdCommand.Member.single("n1");

    List<String> cmd =
        EtcdCommand.of(
            Path.of("/usr/bin/etcd"),
            config,
            member,
            new int[] {1001, 1002, 1003},
            Path.of("/data"),
            Path.of("/logs/x.log"));

    assertThat(cmd.get(0)).isEqualTo("/usr/bin/etcd");
    assertThat(cmd)
        .contains(
            "--name=n1",
            "--data-dir=/data",
            "--listen-client-urls=https://127.0.0.1:1001",
            "--advertise-client-urls=https://127.0.0.1:1001",
            "--listen-peer-urls=http://127.0.0.1:1002",
            "--initial-cluster=n1=http://127.0.0.1:1002",
            "--initial-cluster-state=new",
            "--initial-cluster-token=" + member.clusterToken(),
            "--listen-metrics-urls=http://127.0.0.1:1003",
            "--logger=zap",
            "--log-outputs=/logs/x.log",
            "--cert-file=/pki/s.pem",
            "--key-file=/pki/s.key",
            "--client-cert-auth",
            "--trusted-ca-file=/pki/ca.pem");
    assertThat(cmd.indexOf("--election-timeout=500"))
        .isLessThan(cmd.indexOf("--max-txn-ops=16"))
        .isLessThan(cmd.indexOf("--election-timeout=2000"));
    assertThat(cmd.get(cmd.size() - 1)).isEqualTo("--election-timeout=2000");
  }

  @Test
  void clusterTokensAreUniquePerServer() {
    assertThat(EtcdCommand.Member.single("a").clusterToken())
        .isNotEqualTo(EtcdCommand.Member.single("a").clusterToken());
  }

  @Test
  void clientCertAuthNeedsTls() {
    assertThatThrownBy(() -> EtcdServer.builder().clientCertAuth(Path.of("/ca.pem")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs tls");
  }

  @Test
  void defaultDataDirBaseIsDevShmWhenWritable() {
    Path base = EtcdServer.builder().config("etcd").dataDirBaseOrDefault();
    if (Files.isWritable(Path.of("/dev/shm"))) {
      assertThat(base).isEqualTo(Path.of("/dev/shm"));
    } else {
      assertThat(base).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    }
    assertThat(EtcdServer.builder().dataDirBase(Path.of("/x")).config("e").dataDirBaseOrDefault())
        .isEqualTo(Path.of("/x"));
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> EtcdCluster.builder().size(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EtcdServer.builder().name(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void logNameIsTheCallingClass() {
    assertThat(EtcdServer.builder().config("etcd").logName()).isEqualTo("EtcdConfigTest");
  }
}
