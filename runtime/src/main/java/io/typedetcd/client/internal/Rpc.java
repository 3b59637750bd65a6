package io.typedetcd.client.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientStreamTracer;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.RequestTooLargeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs unary calls: deadline, retry policy and re-authentication live here and nowhere else.
 *
 * <p>Reads are retried on UNAVAILABLE with jittered exponential backoff until the call's deadline.
 * Writes are retried only when they provably never reached a server: no byte of the request was
 * handed to a transport (tracked per attempt), or etcd refused it before proposing it to raft. Any
 * other failure of a write that may have been sent is an {@code OutcomeUnknownException}.
 */
public final class Rpc {
  /** How a call may be retried. */
  public enum Kind {
    /** No side effects: retried on UNAVAILABLE until the deadline. */
    READ,
    /** Changes state: retried only when it provably was not applied. */
    WRITE
  }

  private final Channel channel;
  private final ClientConfig config;
  private final ScheduledExecutorService scheduler;
  private final Executor executor;
  private final @Nullable AuthTokens tokens;
  private volatile boolean closed;
  private static final long NO_DEADLINE = Long.MIN_VALUE;

  Rpc(
      Channel channel,
      ClientConfig config,
      ScheduledExecutorService scheduler,
      Executor executor,
      @Nullable AuthTokens tokens) {
    this.channel = channel;
    this.config = config;
    this.scheduler = scheduler;
    this.executor = executor;
    this.tokens = tokens;
  }

  /** The channel (with the auth token attached) for streaming calls. */
  public Channel channel() {
    return channel;
  }

  public ClientConfig config() {
    return config;
  }

  /** For timers: retries, keep-alive ticks, resubscriptions. Never runs user code. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Where listeners and future completions run. */
  public Executor executor() {
    return executor;
  }

  public @Nullable AuthTokens tokens() {
    return tokens;
  }

  public boolean isClosed() {
    return closed;
  }

  void markClosed() {
    closed = true;
  }

  /** Call options for a stream (no deadline: streams live until cancelled). */
  public CallOptions streamOptions() {
    return CallOptions.DEFAULT;
  }

  /** Backoff before retry number {@code attempt} (1-based), with full jitter. */
  public long backoffNanos(int attempt) {
    long min = config.retryBackoffMin().toNanos();
    long max = config.retryBackoffMax().toNanos();
    long ceiling = Math.min(max, min << Math.min(attempt - 1, 20));
    return min / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, ceiling - min / 2));
  }

  /**
   * Sends {@code request} and completes with the response or an {@link EtcdException} naming {@code
   * key}.
   */
  public <Q extends com.google.protobuf.MessageLite, R> CompletableFuture<R> unary(
      MethodDescriptor<Q, R> method, Q request, Kind kind, @Nullable String key) {
    return unary(method, request, kind, key, config.callTimeout());
  }

  /**
   * Like {@link #unary(MethodDescriptor, com.google.protobuf.MessageLite, Kind, String)} with
   * {@code timeout} instead of the call timeout; null means no deadline, for calls that wait on
   * purpose (Lock, Campaign). Completing or cancelling the returned future cancels the call.
   */
  public <Q extends com.google.protobuf.MessageLite, R> CompletableFuture<R> unary(
      MethodDescriptor<Q, R> method,
      Q request,
      Kind kind,
      @Nullable String key,
      @Nullable Duration timeout) {
    return unary(method, request, kind, key, timeout, r -> r);
  }

  /**
   * Like {@link #unary(MethodDescriptor, com.google.protobuf.MessageLite, Kind, String)}, the
   * response converted by {@code convert} (pure, non-blocking: it runs on a network thread) before
   * the returned future completes. Returning the call's own future rather than a stage derived from
   * it lets a caller blocked on it be woken directly (see {@link #complete}).
   */
  public <Q extends com.google.protobuf.MessageLite, R, T> CompletableFuture<T> unaryMapped(
      MethodDescriptor<Q, R> method,
      Q request,
      Kind kind,
      @Nullable String key,
      Function<? super R, ? extends T> convert) {
    return unary(method, request, kind, key, config.callTimeout(), convert);
  }

  private <Q extends com.google.protobuf.MessageLite, R, T> CompletableFuture<T> unary(
      MethodDescriptor<Q, R> method,
      Q request,
      Kind kind,
      @Nullable String key,
      @Nullable Duration timeout,
      Function<? super R, ? extends T> convert) {
    CallFuture<T> future = new CallFuture<>();
    if (closed) {
      future.completeExceptionally(new EtcdException("the client is closed", key, null));
      return future;
    }
    if (kind == Kind.WRITE && request.getSerializedSize() > config.maxRequestBytes()) {
      future.completeExceptionally(
          new RequestTooLargeException(
              "request"
                  + (key == null ? "" : " for key '" + key + "'")
                  + " is "
                  + request.getSerializedSize()
                  + " bytes, more than the limit of "
                  + config.maxRequestBytes()
                  + " bytes (etcd's --max-request-bytes)",
              key,
              null));
      return future;
    }
    long deadline = timeout == null ? NO_DEADLINE : System.nanoTime() + timeout.toNanos();
    new Attempt<>(this, method, request, convert, kind, key, future, deadline, 1, false).start();
    return future;
  }

  /**
   * Completes a caller's future on the client's executor: gRPC calls back on network threads (the
   * channel runs our listeners inline), and a caller's continuation must never run there.
   */
  <R> void complete(CompletableFuture<R> future, R value) {
    if (future instanceof CallFuture<R> call && call.onlyWaiters()) {
      future.complete(value); // nothing of the caller's runs here: wake its waiting threads now
      return;
    }
    try {
      executor.execute(() -> future.complete(value));
    } catch (RejectedExecutionException e) {
      future.complete(value); // the client closed its executor
    }
  }

  /** Like {@link #complete}, for a failure. */
  void fail(CompletableFuture<?> future, Throwable error) {
    if (future instanceof CallFuture<?> call && call.onlyWaiters()) {
      future.completeExceptionally(error);
      return;
    }
    try {
      executor.execute(() -> future.completeExceptionally(error));
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(error);
    }
  }

  /** One try of a unary call; on a retryable failure it schedules the next. */
  private static final class Attempt<Q, R, T> extends ClientCall.Listener<R> {
    private final Rpc rpc;
    private final MethodDescriptor<Q, R> method;
    private final Q request;
    private final Function<? super R, ? extends T> convert;
    private final Kind kind;
    private final @Nullable String key;
    private final CallFuture<T> future;
    private final long deadline;
    private final int number;
    private final boolean reauthenticated;
    private final @Nullable SentTracker sent;
    private final @Nullable String tokenUsed;
    private @Nullable R response;

    Attempt(
        Rpc rpc,
        MethodDescriptor<Q, R> method,
        Q request,
        Function<? super R, ? extends T> convert,
        Kind kind,
        @Nullable String key,
        CallFuture<T> future,
        long deadline,
        int number,
        boolean reauthenticated) {
      this.rpc = rpc;
      this.method = method;
      this.request = request;
      this.convert = convert;
      this.kind = kind;
      this.key = key;
      this.future = future;
      this.deadline = deadline;
      this.number = number;
      this.reauthenticated = reauthenticated;
      this.sent = kind == Kind.WRITE ? new SentTracker() : null;
      this.tokenUsed = rpc.tokens == null ? null : rpc.tokens.current();
    }

    void start() {
      if (future.isDone()) {
        return; // the caller gave up while a retry was pending
      }
      CallOptions options = CallOptions.DEFAULT;
      if (sent != null) {
        options = options.withStreamTracerFactory(sent);
      }
      ClientCall<Q, R> call = rpc.channel.newCall(method, options);
      if (!future.running(call)) {
        return;
      }
      try {
        call.start(this, new Metadata());
        call.sendMessage(request);
        call.halfClose();
        call.request(1);
      } catch (RuntimeException e) {
        call.cancel("failed to send", e);
        throw e;
      }
      // The deadline is enforced here rather than sent as grpc-timeout: etcd arms a timer per
      // request that carries one, which halved its put throughput in our benchmark.
      if (deadline != NO_DEADLINE) {
        long remaining = Math.max(0, deadline - System.nanoTime());
        try {
          timer =
              rpc.scheduler.schedule(
                  () -> {
                    timedOut = true;
                    call.cancel("deadline exceeded", null);
                  },
                  remaining,
                  TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          call.cancel("the client is closed", null);
          return;
        }
        if (ended) {
          timer.cancel(false); // answered before the timer was armed: do not keep it queued
        }
      }
    }

    private volatile boolean ended;
    private volatile boolean timedOut;
    private volatile java.util.concurrent.@Nullable ScheduledFuture<?> timer;

    @Override
    public void onMessage(R message) {
      response = message;
    }

    @Override
    public void onClose(Status closed, Metadata trailers) {
      future.ended();
      ended = true;
      var t = timer;
      if (t != null) {
        t.cancel(false);
      }
      Status status =
          timedOut && !closed.isOk()
              ? Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded")
              : closed;
      if (status.isOk()) {
        R r = response;
        if (r == null) {
          rpc.fail(future, new EtcdException("etcd closed the call without a response", key, null));
        } else {
          T value;
          try {
            value = convert.apply(r);
          } catch (RuntimeException e) {
            rpc.fail(future, Errors.toEtcd(e, key, false, false));
            return;
          }
          rpc.complete(future, value);
        }
        return;
      }
      boolean maybeSent = sent == null || sent.sent;
      if (rpc.tokens != null && !reauthenticated && Errors.isInvalidToken(status)) {
        rpc.tokens
            .refresh(tokenUsed)
            .whenComplete(
                (token, error) -> {
                  if (error != null) {
                    future.completeExceptionally(Errors.toEtcd(error, key, false, false));
                  } else {
                    next(true).start();
                  }
                });
        return;
      }
      long backoff = rpc.backoffNanos(number);
      if (!rpc.closed
          && Errors.isRetryable(status, kind == Kind.WRITE, maybeSent)
          && (deadline == NO_DEADLINE || System.nanoTime() + backoff - deadline < 0)) {
        rpc.scheduler.schedule(() -> retry(), backoff, TimeUnit.NANOSECONDS);
        return;
      }
      EtcdException error =
          rpc.closed
              ? new EtcdException("the client is closed", key, status.asRuntimeException())
              : Errors.toEtcd(
                  status.asRuntimeException(trailers), key, kind == Kind.WRITE, maybeSent);
      rpc.fail(future, error);
    }

    private void retry() {
      try {
        next(reauthenticated).start();
      } catch (RuntimeException e) {
        future.completeExceptionally(Errors.toEtcd(e, key, kind == Kind.WRITE, false));
      }
    }

    private Attempt<Q, R, T> next(boolean reauthenticatedNow) {
      return new Attempt<>(
          rpc,
          method,
          request,
          convert,
          kind,
          key,
          future,
          deadline,
          number + 1,
          reauthenticatedNow);
    }
  }

  /** Remembers whether any attempt's message was handed to a transport. */
  private static final class SentTracker extends ClientStreamTracer.Factory {
    volatile boolean sent;

    @Override
    public ClientStreamTracer newClientStreamTracer(
        ClientStreamTracer.StreamInfo info, Metadata headers) {
      return new ClientStreamTracer() {
        @Override
        public void outboundMessage(int seqNo) {
          sent = true;
        }
      };
    }
  }
}
