package io.typedetcd.client.internal;

import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A streaming call that is reopened, with backoff, whenever it ends while still wanted, after
 * refreshing the auth token when etcd called it invalid. Subclasses keep their state under this
 * object's lock, and return listener calls as {@code out} runnables to run after releasing it.
 */
abstract class ReopeningStream<Q, R> implements CallEvents.Sink<R> {
  final Rpc rpc;
  private final MethodDescriptor<Q, R> method;
  private @Nullable ClientCall<Q, R> call;
  private @Nullable ScheduledFuture<?> reopen;
  private boolean reopening;
  private int failures;

  ReopeningStream(Rpc rpc, MethodDescriptor<Q, R> method) {
    this.rpc = rpc;
    this.method = method;
  }

  /** Whether a call is needed now (under the lock). */
  abstract boolean wanted();

  /** Sends what a fresh call needs (under the lock). */
  abstract void opened(ClientCall<Q, R> call);

  /** A message of the current call (under the lock). */
  abstract void message(R message, List<Runnable> out);

  /** The current call failed (or, with auth, re-authenticating did): true to reopen it. */
  abstract boolean failed(Throwable error, List<Runnable> out);

  /** Whether this end of a call may be due to a stale token: refresh it before reopening. */
  boolean staleToken(Status status) {
    return Errors.isInvalidToken(status);
  }

  final @Nullable ClientCall<Q, R> call() {
    return call;
  }

  final boolean reopening() {
    return reopening;
  }

  /** Starts a call now unless one is running or due. */
  final void open() {
    reopening = false;
    reopen = null;
    if (!wanted() || call != null) {
      return;
    }
    ClientCall<Q, R> c = rpc.channel().newCall(method, rpc.streamOptions());
    call = c;
    try {
      c.start(new CallEvents<>(this, c, rpc.tokens()), new Metadata());
      c.request(Integer.MAX_VALUE); // etcd sends only what we ask for or what changed
      opened(c);
    } catch (RuntimeException e) {
      call = null;
      c.cancel("failed to start", e);
      scheduleReopen();
    }
  }

  /** Drops the current call, if any, and opens another after a backoff. */
  final void restart(String why) {
    cancelCall(why);
    scheduleReopen();
  }

  /** Drops the current call and any pending reopen. */
  final void stop(String why) {
    if (reopen != null) {
      reopen.cancel(false);
      reopen = null;
    }
    reopening = false;
    failures = 0;
    cancelCall(why);
  }

  private void cancelCall(String why) {
    ClientCall<Q, R> old = call;
    call = null; // first: its events are ignored from now on
    if (old != null) {
      old.cancel(why, null);
    }
  }

  private void scheduleReopen() {
    reopening = true;
    failures++;
    reopen =
        rpc.scheduler().schedule(this::reopenNow, rpc.backoffNanos(failures), TimeUnit.NANOSECONDS);
  }

  private synchronized void reopenNow() {
    open();
  }

  @Override
  public final void onMessage(ClientCall<?, ?> c, R message) {
    List<Runnable> out = new ArrayList<>();
    synchronized (this) {
      if (c != call || !wanted()) {
        return;
      }
      failures = 0;
      message(message, out);
    }
    out.forEach(Runnable::run);
  }

  @Override
  public final void onClose(ClientCall<?, ?> c, @Nullable String token, Status status) {
    AuthTokens tokens = rpc.tokens();
    List<Runnable> out = new ArrayList<>();
    synchronized (this) {
      if (c != call) {
        return;
      }
      call = null;
      if (!wanted()) {
        return;
      }
      if (tokens != null && staleToken(status)) {
        reopening = true;
        tokens.refresh(token).whenComplete((fresh, error) -> refreshed(error));
        return;
      }
      // Even after OK: whoever wants the stream still does.
      if (failed(status.asRuntimeException(), out)) {
        scheduleReopen();
      }
    }
    out.forEach(Runnable::run);
  }

  private void refreshed(@Nullable Throwable error) {
    List<Runnable> out = new ArrayList<>();
    synchronized (this) {
      if (!wanted() || call != null) {
        reopening = false;
        return;
      }
      if (error == null || failed(error, out)) {
        scheduleReopen();
      } else {
        reopening = false;
      }
    }
    out.forEach(Runnable::run);
  }
}
