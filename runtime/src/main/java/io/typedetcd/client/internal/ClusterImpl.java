package io.typedetcd.client.internal;

import io.typedetcd.client.cluster.Cluster;

/** {@link Cluster} over etcd's gRPC API. */
final class ClusterImpl implements Cluster {
  private final Rpc rpc;
  private final Namespace ns;

  ClusterImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {}
}
