package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.internal.Namespace;
import io.typedetcd.client.internal.Rpc;
import io.typedetcd.client.kv.KV;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

/**
 * What the write runtime needs from a client: its KV, the transaction limits it enforces ({@code
 * maxTxnOps}, {@code maxRequestBytes}, which should match the server's), its namespace (which
 * lengthens every key sent) and its retry backoff and threads, for conflict retries.
 */
final class TxnContext {
  final KV kv;
  final int maxTxnOps;
  final int maxRequestBytes;
  final Namespace namespace;
  private final IntToLongFunction backoff;
  private final ScheduledExecutorService scheduler;
  private final Executor executor;
  private final BooleanSupplier closed;

  TxnContext(
      KV kv,
      int maxTxnOps,
      int maxRequestBytes,
      Namespace namespace,
      IntToLongFunction backoff,
      ScheduledExecutorService scheduler,
      Executor executor,
      BooleanSupplier closed) {
    this.kv = kv;
    this.maxTxnOps = maxTxnOps;
    this.maxRequestBytes = maxRequestBytes;
    this.namespace = namespace;
    this.backoff = backoff;
    this.scheduler = scheduler;
    this.executor = executor;
    this.closed = closed;
  }

  static TxnContext of(EtcdClient client) {
    Objects.requireNonNull(client, "client");
    Rpc rpc = client.connection().rpc();
    return new TxnContext(
        client.kv(),
        rpc.config().maxTxnOps(),
        rpc.config().maxRequestBytes(),
        Namespace.of(rpc.config().namespace()),
        rpc::backoffNanos,
        rpc.scheduler(),
        rpc.executor(),
        rpc::isClosed);
  }

  /** The backoff before attempt {@code attempt + 1} after a conflict. */
  long backoffNanos(int attempt) {
    return backoff.applyAsLong(attempt);
  }

  /**
   * Runs {@code next} after {@code nanos} on the client's executor (the timer thread only hands it
   * over: it never runs caller code); fails when the client is closed.
   */
  <R> CompletableFuture<R> later(long nanos, Supplier<CompletableFuture<R>> next) {
    CompletableFuture<R> out = new CompletableFuture<>();
    Runnable run =
        () -> {
          try {
            next.get()
                .whenComplete(
                    (r, e) -> {
                      if (e != null) {
                        out.completeExceptionally(e);
                      } else {
                        out.complete(r);
                      }
                    });
          } catch (RuntimeException e) {
            out.completeExceptionally(e);
          }
        };
    try {
      if (closed.getAsBoolean()) {
        throw new RejectedExecutionException("closed");
      }
      scheduler.schedule(
          () -> {
            try {
              executor.execute(run);
            } catch (RejectedExecutionException e) {
              out.completeExceptionally(closed(e));
            }
          },
          nanos,
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      out.completeExceptionally(closed(e));
    }
    return out;
  }

  private static EtcdException closed(Throwable cause) {
    return new EtcdException("the client is closed", null, cause);
  }
}
