package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM that exits without closing its servers still leaves no etcd and no data behind. */
class ShutdownHookIT {

  /** The child JVM: starts a server and a cluster, reports them, exits without closing. */
  public static void main(String[] args) {
    EtcdServer server = EtcdServer.builder().build();
    server.start();
    EtcdCluster cluster = EtcdCluster.builder().size(3).build();
    cluster.start();
    ProcessHandle.current().children().forEach(p -> System.out.println("pid " + p.pid()));
    System.out.println("dir " + server.dataDir());
    cluster.members().forEach(m -> System.out.println("dir " + m.dataDir()));
    System.out.println("done");
    System.exit(0);
  }

  @Test
  void exitingJvmStopsItsServersAndDeletesTheirData() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-D" + Logs.DIR_PROPERTY + "=" + Logs.dir(),
                ShutdownHookIT.class.getName())
            .redirectErrorStream(true)
            .start();
    List<Long> pids = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith("pid ")) {
          pids.add(Long.parseLong(line.substring(4)));
        } else if (line.startsWith("dir ")) {
          dirs.add(Path.of(line.substring(4)));
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(output.toString()).contains("done");
    assertThat(pids).as(output.toString()).hasSize(4);
    assertThat(dirs).hasSize(4);

    // The hook has finished once the JVM is gone, so no waiting should be needed; poll anyway
    // because ProcessHandle may briefly still see a reaped child.
    Await.until(
        Duration.ofSeconds(5),
        () ->
            pids.stream()
                .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)),
        () -> "etcd processes of the exited JVM are gone");
    assertThat(dirs).allSatisfy(dir -> assertThat(dir).doesNotExist());
  }
}
