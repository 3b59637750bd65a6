package io.typedetcd.client.internal;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Call engines bound to one member each, for the calls etcd answers per member (status, hashes,
 * defragmentation, leader moves). Each has its own channel to that endpoint only, with the client's
 * TLS material and auth token; channels are opened on first use and closed with the client.
 */
final class EndpointChannels {
  private final Rpc main;
  private final Map<URI, Rpc> rpcs = new HashMap<>();
  private final List<ManagedChannel> channels = new ArrayList<>();
  private boolean closed;

  EndpointChannels(Rpc main) {
    this.main = main;
  }

  /** The engine for {@code endpoint}; checks the URL first. */
  synchronized Rpc of(String endpoint) {
    URI uri = parse(endpoint);
    if (closed) {
      return main; // closed too: its calls fail with "the client is closed"
    }
    Rpc rpc = rpcs.get(uri);
    if (rpc == null) {
      ClientConfig c = main.config();
      ClientConfig one =
          new ClientConfig(
              List.of(uri),
              c.dialTimeout(),
              c.callTimeout(),
              c.keepAliveTime(),
              c.keepAliveTimeout(),
              c.user(),
              c.password(),
              c.tls(),
              c.namespace(),
              c.maxInboundMessageSize(),
              c.maxRequestBytes(),
              c.maxTxnOps(),
              c.retryBackoffMin(),
              c.retryBackoffMax(),
              c.executor());
      ManagedChannel channel = Channels.create(one);
      AuthTokens tokens = main.tokens();
      Channel intercepted =
          tokens == null ? channel : ClientInterceptors.intercept(channel, tokens);
      rpc = new Rpc(intercepted, one, main.scheduler(), main.executor(), tokens);
      rpcs.put(uri, rpc);
      channels.add(channel);
    }
    return rpc;
  }

  /** {@code scheme://host:port}, with the scheme of the client's endpoints. */
  URI parse(String endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = main.config().endpoints().get(0).getScheme();
    try {
      URI uri = new URI(endpoint.trim());
      if (!scheme.equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() <= 0) {
        throw new IllegalArgumentException(
            "endpoint '"
                + endpoint
                + "' must be a client URL like "
                + scheme
                + "://127.0.0.1:2379 (the scheme of the client's endpoints)");
      }
      return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "endpoint '" + endpoint + "' is not a URL: " + e.getMessage());
    }
  }

  synchronized void close() {
    closed = true;
    for (Rpc rpc : rpcs.values()) {
      rpc.markClosed();
    }
    for (ManagedChannel channel : channels) {
      channel.shutdownNow();
    }
    for (ManagedChannel channel : channels) {
      try {
        channel.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
