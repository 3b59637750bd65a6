package io.typedetcd.client.internal;

import io.typedetcd.client.lease.Lease;

/** {@link Lease} over etcd's gRPC API. */
final class LeaseImpl implements Lease {
  private final Rpc rpc;
  private final Namespace ns;

  LeaseImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {}
}
