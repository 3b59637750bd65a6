package io.typedetcd.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Immutable snapshot of the options of an {@link EtcdBuilder}. */
record EtcdConfig(
    String name,
    Duration authTokenTtl,
    String compactionMode,
    String compactionRetention,
    Long quotaBackendBytes,
    Integer maxRequestBytes,
    Integer maxTxnOps,
    TlsFiles tls,
    Path trustedCa,
    List<String> extraFlags,
    Path dataDirBase,
    Duration startTimeout,
    String logName) {

  EtcdConfig {
    extraFlags = List.copyOf(extraFlags);
    if (trustedCa != null && tls == null) {
      throw new IllegalStateException(
          "clientCertAuth(...) needs tls(...): etcd checks client"
              + " certificates only on an https listener");
    }
  }

  EtcdConfig withLogName(String newLogName) {
    return new EtcdConfig(
        name,
        authTokenTtl,
        compactionMode,
        compactionRetention,
        quotaBackendBytes,
        maxRequestBytes,
        maxTxnOps,
        tls,
        trustedCa,
        extraFlags,
        dataDirBase,
        startTimeout,
        newLogName);
  }

  long startDeadline() {
    return System.nanoTime() + startTimeout.toNanos();
  }

  String scheme() {
    return tls == null ? "http" : "https";
  }

  /** /dev/shm makes etcd's fsyncs nearly free, which is most of its start and write latency. */
  Path dataDirBaseOrDefault() {
    if (dataDirBase != null) {
      return dataDirBase;
    }
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return shm;
    }
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Flags from the options, without TLS files (their paths differ in a container). */
  List<String> optionFlags() {
    List<String> flags = new ArrayList<>();
    if (authTokenTtl != null) {
      // etcd takes whole seconds; round up so a short TTL never becomes 0 (= etcd's default).
      long seconds = Math.max(1, (authTokenTtl.toMillis() + 999) / 1000);
      flags.add("--auth-token-ttl=" + seconds);
    }
    if (compactionMode != null) {
      flags.add("--auto-compaction-mode=" + compactionMode);
    }
    if (compactionRetention != null) {
      flags.add("--auto-compaction-retention=" + compactionRetention);
    }
    if (quotaBackendBytes != null) {
      flags.add("--quota-backend-bytes=" + quotaBackendBytes);
    }
    if (maxRequestBytes != null) {
      flags.add("--max-request-bytes=" + maxRequestBytes);
    }
    if (maxTxnOps != null) {
      flags.add("--max-txn-ops=" + maxTxnOps);
    }
    return flags;
  }

  List<String> tlsFlags(String certFile, String keyFile, String trustedCaFile) {
    List<String> flags = new ArrayList<>();
    if (tls != null) {
      flags.add("--cert-file=" + certFile);
      flags.add("--key-file=" + keyFile);
    }
    if (trustedCa != null) {
      flags.add("--client-cert-auth");
      flags.add("--trusted-ca-file=" + trustedCaFile);
    }
    return flags;
  }
}
