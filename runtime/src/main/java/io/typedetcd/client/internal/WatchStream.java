package io.typedetcd.client.internal;

import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.typedetcd.proto.etcdserverpb.WatchCancelRequest;
import io.typedetcd.proto.etcdserverpb.WatchCreateRequest;
import io.typedetcd.proto.etcdserverpb.WatchGrpc;
import io.typedetcd.proto.etcdserverpb.WatchProgressRequest;
import io.typedetcd.proto.etcdserverpb.WatchRequest;
import io.typedetcd.proto.etcdserverpb.WatchResponse;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The client's one Watch stream, kept open while it is needed: opened with etcd's require-leader
 * flag, reopened with backoff (and a token refresh when etcd refused the token) after any failure,
 * closed when idle. Callers hold {@link #lock} for every method; {@link Handler} callbacks run
 * under it too, and never for an attempt that was already replaced.
 */
final class WatchStream {
  private static final Metadata.Key<String> REQUIRE_LEADER =
      Metadata.Key.of("hasleader", Metadata.ASCII_STRING_MARSHALLER);
  private static final WatchRequest PROGRESS =
      WatchRequest.newBuilder()
          .setProgressRequest(WatchProgressRequest.getDefaultInstance())
          .build();

  /** What the stream carries; called under the lock. */
  interface Handler {
    /** Whether anything needs the stream (a live watcher, an unanswered progress request). */
    boolean needed();

    /** A new attempt started: send what it must carry. */
    void opened();

    /** A response arrived on the current attempt. */
    void message(WatchResponse response);

    /** The current attempt ended: forget what only meant something on it. */
    void lost();

    /** A token refresh before a reopen failed. */
    void refreshFailed(Throwable error);
  }

  final Object lock = new Object();
  private final Rpc rpc;
  private final Handler handler;
  private @Nullable Attempt current;
  private boolean reopenScheduled;
  private int failures; // consecutive, for backoff
  private boolean shutdown;

  WatchStream(Rpc rpc, Handler handler) {
    this.rpc = rpc;
    this.handler = handler;
  }

  boolean isOpen() {
    return current != null;
  }

  /** Sends on the current attempt; dropped when there is none (the next one resends state). */
  private void send(WatchRequest request) {
    Attempt a = current;
    if (a != null) {
      a.call.sendMessage(request);
    }
  }

  void sendCreate(WatchCreateRequest create) {
    send(WatchRequest.newBuilder().setCreateRequest(create).build());
  }

  void sendCancel(long watchId) {
    send(
        WatchRequest.newBuilder()
            .setCancelRequest(WatchCancelRequest.newBuilder().setWatchId(watchId))
            .build());
  }

  void sendProgress() {
    send(PROGRESS);
  }

  /** The stream works: the next failure reconnects without delay growth. */
  void healthy() {
    failures = 0;
  }

  /** Opens an attempt now unless one is open or scheduled, or nothing needs one. */
  void ensureOpen() {
    if (current != null || reopenScheduled || shutdown || rpc.isClosed() || !handler.needed()) {
      return;
    }
    ClientCall<WatchRequest, WatchResponse> call =
        rpc.channel().newCall(WatchGrpc.getWatchMethod(), rpc.streamOptions());
    AuthTokens tokens = rpc.tokens();
    Attempt a = new Attempt(call, tokens == null ? null : tokens.current());
    current = a;
    Metadata headers = new Metadata();
    // etcd's WithRequireLeader: a member without a leader ends the stream instead of going quiet.
    headers.put(REQUIRE_LEADER, "true");
    try {
      call.start(a, headers);
      call.request(1);
    } catch (RuntimeException e) {
      call.cancel("failed to start the watch stream", e);
      if (current == a) {
        lose(null);
      }
      return;
    }
    if (current == a) {
      handler.opened();
    }
  }

  /** Closes the current attempt if nothing needs it any more. */
  void closeIfIdle() {
    Attempt a = current;
    if (a != null && !handler.needed()) {
      current = null;
      handler.lost();
      a.call.cancel("no watchers left", null);
    }
  }

  /** Ends the current attempt and opens another after backoff, refreshing the token if asked. */
  void restart(String why, boolean refreshToken) {
    Attempt a = current;
    if (a == null) {
      return;
    }
    current = null;
    handler.lost();
    a.call.cancel(why, null);
    scheduleReopen(refreshToken ? a.token : null);
  }

  /** For good: the client is closing. */
  void shutdown() {
    shutdown = true;
    Attempt a = current;
    current = null;
    if (a != null) {
      handler.lost();
      a.call.cancel("the client is closed", null);
    }
  }

  private void lose(@Nullable String staleToken) {
    current = null;
    handler.lost();
    scheduleReopen(staleToken);
  }

  private void scheduleReopen(@Nullable String staleToken) {
    if (shutdown || reopenScheduled || !handler.needed()) {
      return;
    }
    reopenScheduled = true;
    long delay = rpc.backoffNanos(++failures);
    AuthTokens tokens = rpc.tokens();
    if (tokens == null || staleToken == null) {
      reopenAfter(delay);
      return;
    }
    tokens
        .refresh(staleToken)
        .whenComplete(
            (token, error) -> {
              if (error != null) {
                synchronized (lock) {
                  handler.refreshFailed(error);
                }
              }
              reopenAfter(delay);
            });
  }

  private void reopenAfter(long delayNanos) {
    Runnable reopen =
        () -> {
          synchronized (lock) {
            reopenScheduled = false;
            ensureOpen();
          }
        };
    try {
      rpc.scheduler().schedule(reopen, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // the client is closing
    }
  }

  /** One call of the stream; callbacks of a replaced attempt are ignored. */
  private final class Attempt extends ClientCall.Listener<WatchResponse> {
    final ClientCall<WatchRequest, WatchResponse> call;
    final @Nullable String token; // to refresh if etcd refuses it

    Attempt(ClientCall<WatchRequest, WatchResponse> call, @Nullable String token) {
      this.call = call;
      this.token = token;
    }

    @Override
    public void onMessage(WatchResponse response) {
      synchronized (lock) {
        if (current != this) {
          return;
        }
        try {
          handler.message(response);
        } catch (RuntimeException e) {
          restart("cannot handle a watch response: " + e, false);
        }
        if (current == this) {
          call.request(1);
        }
      }
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      synchronized (lock) {
        if (current == this) {
          lose(Errors.isInvalidToken(status) ? token : null);
        }
      }
    }
  }
}
