package io.typedetcd.benchmarks;

import io.typedetcd.testing.EtcdServer;
import java.nio.file.Files;
import java.nio.file.Path;

/** The throwaway etcd a load main starts: data on tmpfs when there is one, as in Go's reference. */
final class BenchEtcd {
  private BenchEtcd() {}

  static EtcdServer.Builder builder(String name) {
    EtcdServer.Builder builder = EtcdServer.builder().name(name);
    if (Files.isWritable(Path.of("/dev/shm"))) {
      builder.dataDirBase(Path.of("/dev/shm"));
    }
    return builder;
  }
}
