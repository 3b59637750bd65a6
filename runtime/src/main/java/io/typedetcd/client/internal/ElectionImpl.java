package io.typedetcd.client.internal;

import io.typedetcd.client.election.Election;

/** {@link Election} over etcd's gRPC API. */
final class ElectionImpl implements Election {
  private final Rpc rpc;
  private final Namespace ns;

  ElectionImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {}
}
