package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.LeaseNotFoundException;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.lease.KeepAlive;
import io.typedetcd.client.lease.KeepAliveListener;
import io.typedetcd.client.lease.Lease;
import io.typedetcd.client.lease.LeaseGrant;
import io.typedetcd.client.lease.TimeToLive;
import io.typedetcd.proto.etcdserverpb.LeaseGrantRequest;
import io.typedetcd.proto.etcdserverpb.LeaseGrantResponse;
import io.typedetcd.proto.etcdserverpb.LeaseGrpc;
import io.typedetcd.proto.etcdserverpb.LeaseKeepAliveRequest;
import io.typedetcd.proto.etcdserverpb.LeaseLeasesRequest;
import io.typedetcd.proto.etcdserverpb.LeaseRevokeRequest;
import io.typedetcd.proto.etcdserverpb.LeaseStatus;
import io.typedetcd.proto.etcdserverpb.LeaseTimeToLiveRequest;
import io.typedetcd.proto.etcdserverpb.LeaseTimeToLiveResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * {@link Lease} over etcd's gRPC API; keep-alives go through one shared {@link KeepAliveStream}.
 */
final class LeaseImpl implements Lease {
  private final Rpc rpc;
  private final Namespace ns;
  private final KeepAliveStream stream;

  LeaseImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
    this.stream = new KeepAliveStream(rpc);
  }

  @Override
  public CompletableFuture<LeaseGrant> grant(Duration ttl) {
    LeaseGrantRequest request = LeaseGrantRequest.newBuilder().setTTL(seconds(ttl)).build();
    // A duplicate from a retry is a lease nobody uses: it expires by itself. So: retried.
    return rpc.unary(LeaseGrpc.getLeaseGrantMethod(), request, Rpc.Kind.READ, null)
        .thenApply(LeaseImpl::toGrant);
  }

  @Override
  public CompletableFuture<LeaseGrant> grant(Duration ttl, long id) {
    if (id <= 0) {
      throw new IllegalArgumentException(
          "id must be positive (use grant(ttl) to let etcd choose), was " + id);
    }
    LeaseGrantRequest request =
        LeaseGrantRequest.newBuilder().setTTL(seconds(ttl)).setID(id).build();
    return rpc.unary(LeaseGrpc.getLeaseGrantMethod(), request, Rpc.Kind.WRITE, null)
        .thenApply(LeaseImpl::toGrant);
  }

  @Override
  public CompletableFuture<ResponseHeader> revoke(long id) {
    LeaseRevokeRequest request = LeaseRevokeRequest.newBuilder().setID(id).build();
    // Revoking twice ends in the same state (the second says "not found"): retried like a read.
    return withLeaseId(
        id,
        rpc.unary(LeaseGrpc.getLeaseRevokeMethod(), request, Rpc.Kind.READ, null)
            .whenComplete((r, e) -> stream.poke(id)) // its keep-alives learn it is gone now
            .thenApply(r -> ResponseHeader.of(r.getHeader())));
  }

  @Override
  public CompletableFuture<TimeToLive> timeToLive(long id) {
    return timeToLive(id, false);
  }

  @Override
  public CompletableFuture<TimeToLive> timeToLive(long id, boolean withKeys) {
    LeaseTimeToLiveRequest request =
        LeaseTimeToLiveRequest.newBuilder().setID(id).setKeys(withKeys).build();
    return rpc.unary(LeaseGrpc.getLeaseTimeToLiveMethod(), request, Rpc.Kind.READ, null)
        .thenApply(r -> toTimeToLive(id, r));
  }

  @Override
  public CompletableFuture<List<Long>> leases() {
    return rpc.unary(
            LeaseGrpc.getLeaseLeasesMethod(),
            LeaseLeasesRequest.getDefaultInstance(),
            Rpc.Kind.READ,
            null)
        .thenApply(r -> r.getLeasesList().stream().map(LeaseStatus::getID).toList());
  }

  @Override
  public CompletableFuture<Duration> keepAliveOnce(long id) {
    // One request on a fresh stream, then half-close: etcd answers it before it sees the end.
    LeaseKeepAliveRequest request = LeaseKeepAliveRequest.newBuilder().setID(id).build();
    return rpc.unary(LeaseGrpc.getLeaseKeepAliveMethod(), request, Rpc.Kind.READ, null)
        .thenApply(
            r -> {
              if (r.getTTL() <= 0) {
                throw notFound(id, null);
              }
              return Duration.ofSeconds(r.getTTL());
            });
  }

  @Override
  public KeepAlive keepAlive(long id, KeepAliveListener listener) {
    Objects.requireNonNull(listener, "listener");
    return stream.add(id, listener);
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {
    stream.close();
  }

  private TimeToLive toTimeToLive(long id, LeaseTimeToLiveResponse r) {
    if (r.getTTL() < 0) { // etcd's answer for a lease it does not have
      throw notFound(id, null);
    }
    List<ByteString> keys = new ArrayList<>(r.getKeysCount());
    for (ByteString key : r.getKeysList()) {
      // Like clientv3's namespace: keys outside ours are not the caller's business.
      if (key.startsWith(ns.prefix())) {
        keys.add(ns.strip(key));
      }
    }
    return new TimeToLive(
        id, Duration.ofSeconds(r.getTTL()), Duration.ofSeconds(r.getGrantedTTL()), keys);
  }

  private static LeaseGrant toGrant(LeaseGrantResponse r) {
    if (!r.getError().isEmpty()) {
      throw new EtcdException("etcd refused the lease: " + r.getError());
    }
    return new LeaseGrant(r.getID(), Duration.ofSeconds(r.getTTL()));
  }

  /** etcd's "lease not found" does not say which lease: name it. */
  private static <T> CompletableFuture<T> withLeaseId(long id, CompletableFuture<T> future) {
    return future.handle(
        (value, error) -> {
          if (error == null) {
            return value;
          }
          Throwable t = Errors.unwrap(error);
          if (t instanceof LeaseNotFoundException e && e.leaseId() != id) {
            throw notFound(id, e);
          }
          throw t instanceof RuntimeException re ? re : new CompletionException(t);
        });
  }

  private static LeaseNotFoundException notFound(long id, @Nullable Throwable cause) {
    return new LeaseNotFoundException(
        "lease " + id + " not found: it expired, was revoked or never existed", id, cause);
  }

  static long seconds(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, was " + ttl);
    }
    long s = ttl.getSeconds();
    return ttl.getNano() == 0 ? s : s + 1; // whole seconds, rounded up
  }
}
