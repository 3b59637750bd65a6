package io.typedetcd.client.internal;

import io.typedetcd.client.auth.Auth;

/** {@link Auth} over etcd's gRPC API. */
final class AuthImpl implements Auth {
  private final Rpc rpc;
  private final Namespace ns;

  AuthImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {}
}
