package io.typedetcd.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Options shared by {@link EtcdServer}, {@link EtcdCluster}, {@link EtcdExtension} and {@link
 * EtcdClusterExtension} builders. Unset options keep etcd's defaults.
 *
 * <pre>{@code
 * EtcdServer server = EtcdServer.builder()
 *     .authTokenTtl(Duration.ofSeconds(2))
 *     .autoCompaction("revision", "100")
 *     .maxTxnOps(512)
 *     .build();
 * }</pre>
 *
 * @param <B> the concrete builder, returned by every option for chaining
 */
public abstract class EtcdBuilder<B extends EtcdBuilder<B>> {
  private String name;
  private Duration authTokenTtl;
  private String compactionMode;
  private String compactionRetention;
  private Long quotaBackendBytes;
  private Integer maxRequestBytes;
  private Integer maxTxnOps;
  private TlsFiles tls;
  private Path trustedCa;
  private final List<String> extraFlags = new ArrayList<>();
  private Path dataDirBase;
  private Duration startTimeout = Duration.ofSeconds(20);

  EtcdBuilder() {}

  /** Member name ({@code --name}); for a cluster, the prefix of the member names. */
  public B name(String name) {
    this.name = requireNonBlank(name, "name");
    return self();
  }

  /** {@code --auth-token-ttl} of simple auth tokens, rounded up to whole seconds. */
  public B authTokenTtl(Duration ttl) {
    this.authTokenTtl = Objects.requireNonNull(ttl, "ttl");
    return self();
  }

  /** {@code --auto-compaction-mode} ({@code periodic} or {@code revision}) and its retention. */
  public B autoCompaction(String mode, String retention) {
    this.compactionMode = requireNonBlank(mode, "mode");
    this.compactionRetention = requireNonBlank(retention, "retention");
    return self();
  }

  /** {@code --quota-backend-bytes}: a small quota lets tests reach NOSPACE quickly. */
  public B quotaBackendBytes(long bytes) {
    this.quotaBackendBytes = bytes;
    return self();
  }

  /** {@code --max-request-bytes}. */
  public B maxRequestBytes(int bytes) {
    this.maxRequestBytes = bytes;
    return self();
  }

  /** {@code --max-txn-ops}. */
  public B maxTxnOps(int ops) {
    this.maxTxnOps = ops;
    return self();
  }

  /** Serves clients over https with this certificate ({@code --cert-file/--key-file}). */
  public B tls(TlsFiles server) {
    this.tls = Objects.requireNonNull(server, "server");
    return self();
  }

  /** Requires client certificates signed by this CA ({@code --client-cert-auth}); needs tls. */
  public B clientCertAuth(Path trustedCaPem) {
    this.trustedCa = Objects.requireNonNull(trustedCaPem, "trustedCaPem");
    return self();
  }

  /** More etcd flags, added last so they override the harness's own choices. */
  public B extraFlags(String... flags) {
    extraFlags.addAll(Arrays.asList(flags));
    return self();
  }

  /** Parent of the data directories; default /dev/shm when writable, else java.io.tmpdir. */
  public B dataDirBase(Path dir) {
    this.dataDirBase = Objects.requireNonNull(dir, "dir");
    return self();
  }

  /** How long start() waits for health (and, for a cluster, a leader); default 20 seconds. */
  public B startTimeout(Duration timeout) {
    this.startTimeout = Objects.requireNonNull(timeout, "timeout");
    return self();
  }

  EtcdConfig config(String defaultName) {
    return new EtcdConfig(
        name == null ? defaultName : name,
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
        Logs.callerName());
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  private static String requireNonBlank(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}
