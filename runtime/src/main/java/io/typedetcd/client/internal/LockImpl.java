package io.typedetcd.client.internal;

import io.typedetcd.client.lock.Lock;

/** {@link Lock} over etcd's gRPC API. */
final class LockImpl implements Lock {
  private final Rpc rpc;
  private final Namespace ns;

  LockImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {}
}
