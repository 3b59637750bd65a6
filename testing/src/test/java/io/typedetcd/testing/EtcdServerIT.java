package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EtcdServerIT {
  private EtcdServer server;

  @AfterEach
  void closeServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void startsAndAnswersEtcdctl() {
    server = EtcdServer.builder().name("n1").build();
    server.start();

    assertThat(server.isRunning()).isTrue();
    assertThat(server.isHealthy()).isTrue();
    assertThat(server.isLeader()).isTrue();
    assertThat(server.endpoint()).isEqualTo("http://127.0.0.1:" + server.clientPort());
    assertThat(server.name()).isEqualTo("n1");
    server.etcdctl("put", "greeting", "hello");
    assertThat(server.etcdctl("get", "greeting", "--print-value-only")).isEqualTo("hello\n");
    assertThat(server.logFile())
        .exists()
        .hasFileName("EtcdServerIT-n1-" + server.clientPort() + ".log");
    assertThat(server.dataDir()).isDirectory();
  }

  @Test
  void stopKeepsDataSoStartAndRestartComeBackOnTheSamePorts() {
    server = EtcdServer.builder().build();
    server.start();
    server.etcdctl("put", "k", "v1");
    int clientPort = server.clientPort();

    server.stop();
    assertThat(server.isRunning()).isFalse();
    assertThat(server.dataDir()).isDirectory();

    server.start();
    assertThat(server.clientPort()).isEqualTo(clientPort);
    assertThat(server.etcdctl("get", "k", "--print-value-only")).isEqualTo("v1\n");

    server.restart();
    assertThat(server.isHealthy()).isTrue();
    assertThat(server.etcdctl("get", "k", "--print-value-only")).isEqualTo("v1\n");
  }

  @Test
  void killIsACrashThatKeepsData() {
    server = EtcdServer.builder().build();
    server.start();
    server.etcdctl("put", "k", "v");

    server.kill();
    assertThat(server.isRunning()).isFalse();

    server.restart();
    assertThat(server.etcdctl("get", "k", "--print-value-only")).isEqualTo("v\n");
  }

  @Test
  void closeDeletesTheDataDirAndIsIdempotent() {
    server = EtcdServer.builder().build();
    server.start();
    var dataDir = server.dataDir();
    assertThat(dataDir).isDirectory();

    server.close();
    assertThat(server.isRunning()).isFalse();
    assertThat(dataDir).doesNotExist();
    server.close();
    assertThatThrownBy(server::start).hasMessageContaining("closed");
  }

  @Test
  void pausedServerDoesNotAnswerHealthUntilResumed() {
    server = EtcdServer.builder().build();
    server.start();

    server.pause();
    assertThat(server.isPaused()).isTrue();
    assertThat(server.isRunning()).isTrue();
    assertThat(server.isHealthy()).isFalse();

    server.resume();
    assertThat(server.isPaused()).isFalse();
    Await.until(Duration.ofSeconds(10), server::isHealthy, () -> "healthy after resume");
    server.etcdctl("put", "k", "v");
  }

  @Test
  void optionsReachEtcd() {
    server =
        EtcdServer.builder()
            .authTokenTtl(Duration.ofSeconds(2))
            .autoCompaction("revision", "1000")
            .quotaBackendBytes(64L * 1024 * 1024)
            .maxRequestBytes(1024)
            .maxTxnOps(2)
            .extraFlags("--snapshot-count=5000")
            .build();
    server.start();

    assertThatThrownBy(() -> server.etcdctl("put", "big", "x".repeat(4096)))
        .hasMessageContaining("request is too large");
    server.etcdctl("put", "small", "x");
  }

  @Test
  void stoppingAPausedServerStillWorks() {
    server = EtcdServer.builder().build();
    server.start();
    server.pause();

    server.stop();
    assertThat(server.isRunning()).isFalse();
    server.start();
    assertThat(server.isHealthy()).isTrue();
  }

  @Test
  void startRetriesWithNewPortsWhenAPortWasTakenBeforeEtcdBoundIt() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Ports.PRESET.add(squatter.getLocalPort()); // becomes the client port of the first attempt
      server = EtcdServer.builder().build();

      server.start();

      assertThat(server.clientPort()).isNotEqualTo(squatter.getLocalPort());
      assertThat(server.isHealthy()).isTrue();
      Path firstAttemptLog =
          server.logFile().resolveSibling("EtcdServerIT-etcd-" + squatter.getLocalPort() + ".log");
      assertThat(firstAttemptLog).content().contains("address already in use");
    } finally {
      Ports.PRESET.clear();
    }
  }

  @Test
  void aFailedStartSaysWhyWithTheLogTailAndLeavesNothingBehind() {
    server = EtcdServer.builder().extraFlags("--no-such-flag").build();

    assertThatThrownBy(server::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining("no-such-flag");
    assertThat(server.isRunning()).isFalse();
    assertThat(server.dataDir()).isNull();
  }
}
