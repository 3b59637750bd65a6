package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;
import io.typedetcd.client.LeaseNotFoundException;
import io.typedetcd.proto.etcdserverpb.KVGrpc;
import io.typedetcd.proto.etcdserverpb.RangeRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What Lock and Campaign share: a call that waits on the server and ends holding a key under the
 * caller's lease. Its result is confirmed by reading the key back, because etcd 3.4 answers even
 * when the lease ended during the wait (the key is gone then: holding it would be a lie).
 */
final class HeldKeys {
  /** Builds the caller's result from the call's response, the full key and its create revision. */
  interface Result<R, T> {
    T make(R response, ByteString fullKey, long createRevision);
  }

  private final Rpc rpc;

  HeldKeys(Rpc rpc) {
    this.rpc = rpc;
  }

  <R, T> CompletableFuture<T> confirm(
      CompletableFuture<R> call,
      Function<R, ByteString> keyOf,
      long leaseId,
      String name,
      String what,
      Result<R, T> result,
      Function<R, CompletableFuture<?>> release) {
    CompletableFuture<T> future = new CompletableFuture<>();
    // A caller who gives up (cancel, orTimeout) stops the wait on the server: Rpc cancels it.
    future.whenComplete((v, e) -> call.cancel(false));
    call.whenComplete(
        (response, error) -> {
          if (error != null) {
            future.completeExceptionally(namingLease(error, leaseId, name));
            return;
          }
          ByteString key = keyOf.apply(response);
          RangeRequest get = RangeRequest.newBuilder().setKey(key).setKeysOnly(true).build();
          rpc.unary(KVGrpc.getRangeMethod(), get, Rpc.Kind.READ, name)
              .whenComplete(
                  (got, getError) -> {
                    if (getError != null) {
                      release.apply(response); // unconfirmed: let the next waiter have it
                      future.completeExceptionally(Errors.toEtcd(getError, name, false, false));
                    } else if (got.getKvsCount() == 0 || got.getKvs(0).getLease() != leaseId) {
                      future.completeExceptionally(
                          new LeaseNotFoundException(
                              what
                                  + " '"
                                  + name
                                  + "' was granted after lease "
                                  + leaseId
                                  + " ended: its key is gone",
                              leaseId,
                              null));
                    } else if (!future.complete(
                        result.make(response, key, got.getKvs(0).getCreateRevision()))) {
                      release.apply(
                          response); // the caller gave up meanwhile: nobody would release it
                    }
                  });
        });
    return future;
  }

  /** etcd's "lease not found" does not say which lease. */
  private static Throwable namingLease(Throwable error, long leaseId, String name) {
    Throwable t = Errors.toEtcd(error, name, true, true);
    if (t instanceof LeaseNotFoundException e && e.leaseId() != leaseId) {
      return new LeaseNotFoundException(
          "lease " + leaseId + " not found (for '" + name + "'): " + e.getMessage(), leaseId, e);
    }
    return t;
  }

  static void checkName(String what, String name) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }

  static void checkLease(long leaseId) {
    if (leaseId == 0) {
      throw new IllegalArgumentException(
          "leaseId must be a granted lease, was 0 (etcd would grant a hidden 60 s lease)");
    }
  }
}
