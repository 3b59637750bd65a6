package io.typedetcd.client.internal;

import io.typedetcd.client.maintenance.Maintenance;

/** {@link Maintenance} over etcd's gRPC API. */
final class MaintenanceImpl implements Maintenance {
  private final Rpc rpc;
  private final Namespace ns;

  MaintenanceImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {}
}
