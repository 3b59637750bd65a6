package io.typedetcd.client.internal;

import io.typedetcd.client.watch.Watch;

/** {@link Watch} over etcd's gRPC API. */
final class WatchImpl implements Watch {
  private final Rpc rpc;
  private final Namespace ns;

  WatchImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {}
}
