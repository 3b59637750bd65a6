package io.typedetcd.client.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Everything an {@code EtcdClient} was built with, validated and immutable.
 *
 * @param endpoints client URLs, all {@code http} or all {@code https}
 * @param namespace prefix added to every key ("" for none)
 * @param maxRequestBytes requests larger than this are refused before sending
 * @param maxTxnOps transactions with more operations are refused before sending
 */
public record ClientConfig(
    List<URI> endpoints,
    Duration dialTimeout,
    Duration callTimeout,
    Duration keepAliveTime,
    Duration keepAliveTimeout,
    @Nullable String user,
    @Nullable String password,
    @Nullable Tls tls,
    String namespace,
    int maxInboundMessageSize,
    int maxRequestBytes,
    int maxTxnOps,
    Duration retryBackoffMin,
    Duration retryBackoffMax,
    @Nullable Executor executor) {

  public ClientConfig {
    endpoints = List.copyOf(endpoints);
  }

  /** Whether the endpoints speak TLS. */
  public boolean secure() {
    return tls != null || "https".equals(endpoints.get(0).getScheme());
  }

  /** A comma-separated list of endpoints for messages. */
  public String endpointList() {
    StringBuilder sb = new StringBuilder();
    for (URI uri : endpoints) {
      sb.append(sb.length() == 0 ? "" : ", ").append(uri);
    }
    return sb.toString();
  }

  /**
   * TLS material as PEM bytes: the CA to trust (null = the JVM's default trust), and an optional
   * client certificate chain with its PKCS#8 private key for {@code --client-cert-auth}.
   */
  public record Tls(
      byte @Nullable [] trustedCaPem,
      byte @Nullable [] clientCertPem,
      byte @Nullable [] clientKeyPem,
      @Nullable String authority) {}
}
