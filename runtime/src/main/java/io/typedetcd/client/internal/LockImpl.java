package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.lock.Lock;
import io.typedetcd.client.lock.LockKey;
import io.typedetcd.client.lock.LockOptions;
import io.typedetcd.proto.v3lockpb.LockGrpc;
import io.typedetcd.proto.v3lockpb.LockRequest;
import io.typedetcd.proto.v3lockpb.LockResponse;
import io.typedetcd.proto.v3lockpb.UnlockRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@link Lock} over etcd's v3lock service; the service knows no namespace, so we add it. */
final class LockImpl implements Lock {
  private final Rpc rpc;
  private final Namespace ns;
  private final HeldKeys held;

  LockImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
    this.held = new HeldKeys(rpc);
  }

  @Override
  public CompletableFuture<LockKey> lock(String name, long leaseId) {
    return lock(name, leaseId, LockOptions.DEFAULT);
  }

  @Override
  public CompletableFuture<LockKey> lock(String name, long leaseId, LockOptions options) {
    HeldKeys.checkName("name", name);
    HeldKeys.checkLease(leaseId);
    Objects.requireNonNull(options, "options");
    LockRequest request =
        LockRequest.newBuilder()
            .setName(ns.add(ByteString.copyFromUtf8(name)))
            .setLease(leaseId)
            .build();
    CompletableFuture<LockResponse> call =
        rpc.unary(LockGrpc.getLockMethod(), request, Rpc.Kind.WRITE, name, options.timeout());
    return held.confirm(
        call,
        LockResponse::getKey,
        leaseId,
        name,
        "the lock",
        (response, key, createRevision) -> new LockKey(ns.strip(key), createRevision),
        r -> unlockFull(r.getKey()));
  }

  @Override
  public CompletableFuture<ResponseHeader> unlock(LockKey key) {
    Objects.requireNonNull(key, "key");
    return unlockFull(ns.add(key.keyBytes()));
  }

  private CompletableFuture<ResponseHeader> unlockFull(ByteString fullKey) {
    UnlockRequest request = UnlockRequest.newBuilder().setKey(fullKey).build();
    // Deleting a key twice ends the same: retried like a read.
    return rpc.unary(LockGrpc.getUnlockMethod(), request, Rpc.Kind.READ, fullKey.toStringUtf8())
        .thenApply(r -> ResponseHeader.of(r.getHeader()));
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {}
}
