package io.typedetcd.client.internal;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** Builds the one channel a client uses: round-robin over every endpoint, TLS when asked. */
final class Channels {
  private Channels() {}

  static ManagedChannel create(ClientConfig config) {
    ManagedChannelBuilder<?> builder =
        Grpc.newChannelBuilder(
                EndpointsNameResolver.target(config.endpoints()), credentials(config))
            .defaultLoadBalancingPolicy("round_robin")
            // Our listeners never block: running them on the network threads saves a thread hop
            // per message. Callers' continuations are handed to the client's executor (Rpc).
            .directExecutor()
            .keepAliveTime(config.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
            .keepAliveTimeout(config.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
            // etcd counts pings without active streams as abuse and closes the connection.
            .keepAliveWithoutCalls(false)
            .maxInboundMessageSize(config.maxInboundMessageSize())
            .userAgent("typed-etcd");
    ClientConfig.Tls tls = config.tls();
    if (tls != null && tls.authority() != null) {
      builder.overrideAuthority(tls.authority());
    }
    return builder.build();
  }

  private static ChannelCredentials credentials(ClientConfig config) {
    if (!config.secure()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
    ClientConfig.Tls material = config.tls();
    try {
      if (material != null && material.trustedCaPem() != null) {
        tls.trustManager(new ByteArrayInputStream(material.trustedCaPem()));
      }
      if (material != null && material.clientCertPem() != null) {
        tls.keyManager(
            new ByteArrayInputStream(material.clientCertPem()),
            new ByteArrayInputStream(material.clientKeyPem()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("invalid TLS material for " + config.endpointList(), e);
    }
    return tls.build();
  }
}
