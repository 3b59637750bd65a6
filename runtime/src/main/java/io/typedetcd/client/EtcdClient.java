package io.typedetcd.client;

import io.typedetcd.client.auth.Auth;
import io.typedetcd.client.cluster.Cluster;
import io.typedetcd.client.election.Election;
import io.typedetcd.client.internal.ClientConfig;
import io.typedetcd.client.internal.Connection;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.lease.Lease;
import io.typedetcd.client.lock.Lock;
import io.typedetcd.client.maintenance.Maintenance;
import io.typedetcd.client.watch.Watch;

/**
 * A client for an etcd v3 cluster: one connection balanced over all endpoints, with failover, safe
 * retries, authentication and TLS. Share one client per cluster; it is thread-safe.
 *
 * <pre>{@code
 * try (EtcdClient client = EtcdClient.builder().endpoints("http://127.0.0.1:2379").build()) {
 *   client.kv().put("/config/mode", "on").join();
 *   String mode = Blocking.get(client.kv().get("/config/mode")).kvs().get(0).value();
 * }
 * }</pre>
 *
 * <p>Every call returns a {@code CompletableFuture} that ends by the call timeout, except those
 * that wait by design ({@code lock}, {@code campaign}: give them a timeout or cancel the future);
 * {@link Blocking#get} waits for one. Callbacks and completions run on the client's executor, never
 * on network threads.
 */
public final class EtcdClient implements AutoCloseable {
  private final Connection connection;

  private EtcdClient(Connection connection) {
    this.connection = connection;
  }

  /** A builder; at least one endpoint is required. */
  public static EtcdClientBuilder builder() {
    return new EtcdClientBuilder();
  }

  static EtcdClient open(ClientConfig config) {
    return new EtcdClient(Connection.open(config));
  }

  /** Keys and values: put, get, delete, transactions, compaction. */
  public KV kv() {
    return connection.kv();
  }

  /** Watches on keys and ranges that resume after failures without gaps or duplicates. */
  public Watch watch() {
    return connection.watch();
  }

  /** Leases: grant, revoke, keep alive, inspect. */
  public Lease lease() {
    return connection.lease();
  }

  /** Users, roles and permissions; enabling authentication. */
  public Auth auth() {
    return connection.auth();
  }

  /** Cluster membership: list, add, remove, update, promote members. */
  public Cluster cluster() {
    return connection.cluster();
  }

  /** Status, alarms, defragmentation, hashes, snapshots, leader moves. */
  public Maintenance maintenance() {
    return connection.maintenance();
  }

  /** Distributed locks over etcd's lock service. */
  public Lock lock() {
    return connection.lock();
  }

  /** Leader elections over etcd's election service. */
  public Election election() {
    return connection.election();
  }

  /** Internal plumbing shared with the repository runtime; not for applications. */
  public Connection connection() {
    return connection;
  }

  /** Cancels watches and keep-alives, closes the connection and releases every thread. */
  @Override
  public void close() {
    connection.close();
  }
}
