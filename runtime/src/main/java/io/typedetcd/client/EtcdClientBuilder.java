package io.typedetcd.client;

import io.typedetcd.client.internal.ClientConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Configures an {@link EtcdClient}. Every setter checks its argument at once and names what is
 * wrong; {@link #build()} connects.
 *
 * <pre>{@code
 * EtcdClient client = EtcdClient.builder()
 *     .endpoints("https://10.0.0.1:2379", "https://10.0.0.2:2379")
 *     .trustedCa(Path.of("ca.pem"))
 *     .user("app", "secret")
 *     .namespace("/myapp/")
 *     .callTimeout(Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 */
public final class EtcdClientBuilder {
  private final List<URI> endpoints = new ArrayList<>();
  private Duration dialTimeout = Duration.ofSeconds(5);
  private Duration callTimeout = Duration.ofSeconds(10);
  private Duration keepAliveTime = Duration.ofSeconds(30);
  private Duration keepAliveTimeout = Duration.ofSeconds(10);
  private @Nullable String user;
  private @Nullable String password;
  private byte @Nullable [] trustedCa;
  private byte @Nullable [] clientCert;
  private byte @Nullable [] clientKey;
  private @Nullable String authority;
  private String namespace = "";
  private int maxInboundMessageSize = Integer.MAX_VALUE;
  private int maxRequestBytes = 3 * 512 * 1024;
  private int maxTxnOps = 128;
  private Duration retryBackoffMin = Duration.ofMillis(25);
  private Duration retryBackoffMax = Duration.ofSeconds(1);
  private @Nullable Executor executor;

  EtcdClientBuilder() {}

  /** Client URLs, {@code http://host:port} or {@code https://host:port}; replaces earlier ones. */
  public EtcdClientBuilder endpoints(String... urls) {
    return endpoints(List.of(urls));
  }

  /** Client URLs, {@code http://host:port} or {@code https://host:port}; replaces earlier ones. */
  public EtcdClientBuilder endpoints(List<String> urls) {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("endpoints: at least one etcd endpoint is required");
    }
    List<URI> parsed = new ArrayList<>();
    for (String url : urls) {
      parsed.add(parseEndpoint(url));
    }
    String scheme = parsed.get(0).getScheme();
    for (URI uri : parsed) {
      if (!uri.getScheme().equals(scheme)) {
        throw new IllegalArgumentException(
            "endpoints: mix of http and https (" + urls + "); use one scheme for all endpoints");
      }
    }
    endpoints.clear();
    endpoints.addAll(parsed);
    return this;
  }

  private static URI parseEndpoint(String url) {
    Objects.requireNonNull(url, "endpoint");
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("endpoint '" + url + "' is not a URL: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "endpoint '" + url + "' must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getPort() <= 0) {
      throw new IllegalArgumentException(
          "endpoint '" + url + "' needs a host and a port, like http://127.0.0.1:2379");
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new IllegalArgumentException("endpoint '" + url + "' must not have a path");
    }
    return uri;
  }

  /** How long {@link #build()} waits for the first connection (0: do not wait). Default 5 s. */
  public EtcdClientBuilder dialTimeout(Duration timeout) {
    this.dialTimeout = nonNegative("dialTimeout", timeout);
    return this;
  }

  /** The deadline of every unary call, retries included. Default 10 s. */
  public EtcdClientBuilder callTimeout(Duration timeout) {
    this.callTimeout = positive("callTimeout", timeout);
    return this;
  }

  /**
   * How often to ping a connection with active calls, and how long to wait for the answer before
   * dropping it (this is what moves calls off a frozen member). Defaults 30 s and 10 s; etcd
   * refuses pings more often than every 5 s unless started with a lower {@code
   * --grpc-keepalive-min-time}.
   */
  public EtcdClientBuilder keepAlive(Duration time, Duration timeout) {
    this.keepAliveTime = positive("keepAlive time", time);
    this.keepAliveTimeout = positive("keepAlive timeout", timeout);
    return this;
  }

  /** Authenticates as this user; the token is renewed transparently when it expires. */
  public EtcdClientBuilder user(String name, String password) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("user: name must not be empty");
    }
    this.user = name;
    this.password = Objects.requireNonNull(password, "password");
    return this;
  }

  /** Trusts servers whose certificate chains to this PEM CA (implies TLS). */
  public EtcdClientBuilder trustedCa(Path caPem) {
    this.trustedCa = read("trustedCa", caPem);
    return this;
  }

  /** Presents this client certificate (PEM chain) and PKCS#8 PEM key, for client-cert auth. */
  public EtcdClientBuilder clientCertificate(Path certPem, Path keyPem) {
    this.clientCert = read("clientCertificate cert", certPem);
    this.clientKey = read("clientCertificate key", keyPem);
    return this;
  }

  /** Checks server certificates against this name instead of each endpoint's host. */
  public EtcdClientBuilder authority(String authority) {
    this.authority = Objects.requireNonNull(authority, "authority");
    return this;
  }

  /** Prefixes every key with this string, transparently, like clientv3's namespace. */
  public EtcdClientBuilder namespace(String prefix) {
    this.namespace = Objects.requireNonNull(prefix, "namespace");
    return this;
  }

  /** The largest response accepted, in bytes. Default: unlimited (2 GiB), like clientv3. */
  public EtcdClientBuilder maxInboundMessageSize(int bytes) {
    this.maxInboundMessageSize = positive("maxInboundMessageSize", bytes);
    return this;
  }

  /**
   * The server's {@code --max-request-bytes}: larger writes are refused before sending. Default 1.5
   * MiB, etcd's default.
   */
  public EtcdClientBuilder maxRequestBytes(int bytes) {
    this.maxRequestBytes = positive("maxRequestBytes", bytes);
    return this;
  }

  /** The server's {@code --max-txn-ops}: larger transactions are refused before sending. */
  public EtcdClientBuilder maxTxnOps(int ops) {
    this.maxTxnOps = positive("maxTxnOps", ops);
    return this;
  }

  /** Backoff between retries of a call: starts near {@code min}, doubles up to {@code max}. */
  public EtcdClientBuilder retryBackoff(Duration min, Duration max) {
    this.retryBackoffMin = positive("retryBackoff min", min);
    this.retryBackoffMax = positive("retryBackoff max", max);
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("retryBackoff: max " + max + " is below min " + min);
    }
    return this;
  }

  /**
   * Runs completions and listeners on this executor, which the client does not shut down. By
   * default the client owns daemon threads: one drains quick callbacks in turn, and a callback that
   * runs for more than a few milliseconds (blocked, say) leaves the others to a thread of their
   * own, so callbacks may block and may wait for each other. An executor that runs tasks inline
   * must never block. Either way, a thread blocked on a KV call's future ({@code get}, {@code
   * join}, {@link Blocking#get}) with no stage attached to it is woken straight from the network
   * thread.
   */
  public EtcdClientBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Connects: waits up to the dial timeout for a first connection (and authenticates, with a user)
   * and fails with an {@link EtcdException} naming the endpoints when it cannot.
   */
  public EtcdClient build() {
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("endpoints: at least one etcd endpoint is required");
    }
    boolean https = "https".equals(endpoints.get(0).getScheme());
    if (!https && (trustedCa != null || clientCert != null)) {
      throw new IllegalArgumentException(
          "TLS material given but the endpoints are http://; use https:// endpoints");
    }
    ClientConfig.Tls tls =
        https ? new ClientConfig.Tls(trustedCa, clientCert, clientKey, authority) : null;
    return EtcdClient.open(
        new ClientConfig(
            endpoints,
            dialTimeout,
            callTimeout,
            keepAliveTime,
            keepAliveTimeout,
            user,
            password,
            tls,
            namespace,
            maxInboundMessageSize,
            maxRequestBytes,
            maxTxnOps,
            retryBackoffMin,
            retryBackoffMax,
            executor));
  }

  private static byte[] read(String what, Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(what + ": cannot read " + file, e);
    }
  }

  private static Duration positive(String what, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
    return d;
  }

  private static Duration nonNegative(String what, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, was " + d);
    }
    return d;
  }

  private static int positive(String what, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException(what + " must be positive, was " + n);
    }
    return n;
  }
}
