package io.typedetcd.client.internal;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.UnavailableException;
import io.typedetcd.client.auth.Auth;
import io.typedetcd.client.cluster.Cluster;
import io.typedetcd.client.election.Election;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.lease.Lease;
import io.typedetcd.client.lock.Lock;
import io.typedetcd.client.maintenance.Maintenance;
import io.typedetcd.client.watch.Watch;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One client's connection: the channel, its threads, the call engine and the services built on it.
 * Opening waits for the first connection; closing cancels streams and releases every thread.
 */
public final class Connection {
  private final ClientConfig config;
  private final ManagedChannel channel;
  private final @Nullable CallbackExecutor ownedExecutor;
  private final ScheduledExecutorService scheduler;
  private final Rpc rpc;
  private final Namespace namespace;
  private final KvImpl kv;
  private final WatchImpl watch;
  private final LeaseImpl lease;
  private final AuthImpl auth;
  private final ClusterImpl cluster;
  private final MaintenanceImpl maintenance;
  private final LockImpl lock;
  private final ElectionImpl election;

  private Connection(ClientConfig config) {
    this.config = config;
    this.ownedExecutor =
        config.executor() == null ? new CallbackExecutor(daemon("typed-etcd-")) : null;
    Executor executor = config.executor() != null ? config.executor() : ownedExecutor;
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemon("typed-etcd-timer-"));
    timer.setRemoveOnCancelPolicy(true);
    this.scheduler = timer;
    this.channel = Channels.create(config);
    AuthTokens tokens =
        config.user() == null ? null : new AuthTokens(config.user(), config.password());
    Channel intercepted = tokens == null ? channel : ClientInterceptors.intercept(channel, tokens);
    this.rpc = new Rpc(intercepted, config, scheduler, executor, tokens);
    if (tokens != null) {
      tokens.bind(rpc);
    }
    this.namespace = Namespace.of(config.namespace());
    this.kv = new KvImpl(rpc, namespace);
    this.watch = new WatchImpl(rpc, namespace);
    this.lease = new LeaseImpl(rpc, namespace);
    this.auth = new AuthImpl(rpc, namespace);
    this.cluster = new ClusterImpl(rpc, namespace);
    this.maintenance = new MaintenanceImpl(rpc, namespace);
    this.lock = new LockImpl(rpc, namespace);
    this.election = new ElectionImpl(rpc, namespace);
  }

  /** Connects within the dial timeout (and authenticates), or fails naming the endpoints. */
  public static Connection open(ClientConfig config) {
    Connection connection = new Connection(config);
    try {
      connection.awaitReady();
      AuthTokens tokens = connection.rpc.tokens();
      if (tokens != null) {
        long ms = Math.max(config.dialTimeout().toMillis(), config.callTimeout().toMillis());
        tokens.refresh(null).get(ms, TimeUnit.MILLISECONDS);
      }
      return connection;
    } catch (ExecutionException e) {
      connection.close();
      throw Errors.toEtcd(e, null, false, false);
    } catch (TimeoutException e) {
      connection.close();
      throw new UnavailableException(
          "could not authenticate with " + config.endpointList() + " in time", null, e);
    } catch (InterruptedException e) {
      connection.close();
      Thread.currentThread().interrupt();
      throw new EtcdException("interrupted while connecting to " + config.endpointList(), null, e);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private void awaitReady() throws InterruptedException {
    long timeoutNanos = config.dialTimeout().toNanos();
    if (timeoutNanos == 0) {
      channel.getState(true);
      return;
    }
    long deadline = System.nanoTime() + timeoutNanos;
    ConnectivityState state = channel.getState(true);
    while (state != ConnectivityState.READY) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        String why =
            state == ConnectivityState.TRANSIENT_FAILURE ? ConnectFailures.describe(channel) : null;
        throw new UnavailableException(
            "could not connect to any etcd endpoint of ["
                + config.endpointList()
                + "] within "
                + config.dialTimeout()
                + " (last state "
                + state
                + ")"
                + (why == null ? "; is etcd running there?" : ": " + why),
            null,
            null);
      }
      CountDownLatch changed = new CountDownLatch(1);
      channel.notifyWhenStateChanged(state, changed::countDown);
      changed.await(left, TimeUnit.NANOSECONDS);
      state = channel.getState(true);
    }
  }

  public Rpc rpc() {
    return rpc;
  }

  public Namespace namespace() {
    return namespace;
  }

  public KV kv() {
    return kv;
  }

  public Watch watch() {
    return watch;
  }

  public Lease lease() {
    return lease;
  }

  public Auth auth() {
    return auth;
  }

  public Cluster cluster() {
    return cluster;
  }

  public Maintenance maintenance() {
    return maintenance;
  }

  public Lock lock() {
    return lock;
  }

  public Election election() {
    return election;
  }

  /** Idempotent. */
  public void close() {
    if (rpc.isClosed()) {
      return;
    }
    rpc.markClosed();
    // Streams first, so their owners hear "closed" rather than a transport error.
    watch.close();
    lease.close();
    auth.close();
    cluster.close();
    maintenance.close();
    lock.close();
    election.close();
    channel.shutdownNow();
    scheduler.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
