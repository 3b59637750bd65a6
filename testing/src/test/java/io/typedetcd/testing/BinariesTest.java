package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinariesTest {
  @TempDir Path dir;

  @Test
  void propertyPointingNowhereFailsWithInstallAdvice() {
    assertThatThrownBy(() -> Binaries.etcd(of("etcd.binary", "/nonexistent/etcd"), of()))
        .isInstanceOf(EtcdNotFoundException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("system property etcd.binary points to /nonexistent/etcd")
        .hasMessageContaining("apt-get install etcd-server")
        .hasMessageContaining("brew install etcd")
        .hasMessageContaining("-Detcd.mode=container");
  }

  @Test
  void environmentVariablePointingNowhereFails() {
    assertThatThrownBy(() -> Binaries.etcd(of(), of("ETCD_BINARY", "/nonexistent/etcd")))
        .isInstanceOf(EtcdNotFoundException.class)
        .hasMessageContaining("environment variable ETCD_BINARY points to /nonexistent/etcd")
        .hasMessageContaining("apt-get install etcd-server");
  }

  @Test
  void propertyWinsOverEnvironmentAndPath() throws IOException {
    Path byProperty = executable(dir.resolve("a/etcd"));
    Path byEnv = executable(dir.resolve("b/etcd"));
    Path onPath = executable(dir.resolve("c/etcd"));

    assertThat(
            Binaries.etcd(
                of("etcd.binary", byProperty.toString()),
                of("ETCD_BINARY", byEnv.toString(), "PATH", onPath.getParent().toString())))
        .isEqualTo(byProperty);
    assertThat(
            Binaries.etcd(
                of(), of("ETCD_BINARY", byEnv.toString(), "PATH", onPath.getParent().toString())))
        .isEqualTo(byEnv);
    assertThat(Binaries.etcd(of(), of("PATH", "/nonexistent:" + onPath.getParent())))
        .isEqualTo(onPath);
  }

  @Test
  void notOnThePathFailsWithInstallAdvice() {
    assertThatThrownBy(() -> Binaries.etcd(of(), of("PATH", dir.toString())))
        .isInstanceOf(EtcdNotFoundException.class)
        .hasMessageContaining("etcd not found")
        .hasMessageContaining("apt-get install etcd-server");
  }

  @Test
  void etcdctlIsLookedUpNextToEtcdAndOtherwiseAdvisesEtcdClient() throws IOException {
    Path etcd = executable(dir.resolve("bin/etcd"));
    UnaryOperator<String> props = of("etcd.binary", etcd.toString());

    assertThatThrownBy(() -> Binaries.etcdctl(props, of("PATH", dir.toString())))
        .isInstanceOf(EtcdNotFoundException.class)
        .hasMessageContaining("etcdctl not found")
        .hasMessageContaining("apt-get install etcd-client");

    Path etcdctl = executable(dir.resolve("bin/etcdctl"));
    assertThat(Binaries.etcdctl(props, of("PATH", ""))).isEqualTo(etcdctl);
  }

  @Test
  void aNonExecutableFileIsNotAccepted() throws IOException {
    Path plain = Files.createDirectories(dir.resolve("x")).resolve("etcd");
    Files.writeString(plain, "");

    assertThatThrownBy(() -> Binaries.etcd(of("etcd.binary", plain.toString()), of()))
        .hasMessageContaining("not an executable file");
  }

  private static Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private static UnaryOperator<String> of(String... keyValues) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return map::get;
  }
}
