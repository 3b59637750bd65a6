package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.typedetcd.client.DeadlineExceededException;
import io.typedetcd.client.EtcdException;
import io.typedetcd.proto.etcdserverpb.MaintenanceGrpc;
import io.typedetcd.proto.etcdserverpb.SnapshotRequest;
import io.typedetcd.proto.etcdserverpb.SnapshotResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One snapshot download. etcd sends the database in chunks counting {@code remaining_bytes} down to
 * 0, then one more message with the SHA-256 of everything before it. Every chunk is written to the
 * caller's stream as it arrives, and the next is requested only after that write (so a slow stream
 * slows etcd down instead of filling memory). Before the first byte, failures are retried like
 * reads (and a stale token is renewed once); after it, they fail the download.
 */
final class SnapshotCall extends ClientCall.Listener<SnapshotResponse> {
  private static final int SHA256_BYTES = 32;

  final CompletableFuture<Long> result = new CompletableFuture<>();
  private final Rpc rpc;
  private final OutputStream out;
  private final long deadline;
  private final MessageDigest sha256;
  private int attempt;
  private boolean reauthenticated;
  private @Nullable String tokenUsed;
  private @Nullable ClientCall<SnapshotRequest, SnapshotResponse> call;
  private @Nullable ScheduledFuture<?> watchdog;
  private volatile long lastProgress;
  private volatile @Nullable String cancelReason;
  // Touched only by the call's listener callbacks, which gRPC serializes.
  private @Nullable ByteString pending;
  private long written;
  private long messages;
  private long lastRemaining = -1;
  private long previousRemaining = -1;

  SnapshotCall(Rpc rpc, OutputStream out) {
    this.rpc = rpc;
    this.out = out;
    this.deadline = System.nanoTime() + rpc.config().callTimeout().toNanos();
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Starts the download; {@link #result} completes with the bytes written. */
  synchronized void start() {
    if (rpc.isClosed()) {
      result.completeExceptionally(new EtcdException("the client is closed"));
      return;
    }
    attempt++;
    AuthTokens tokens = rpc.tokens();
    tokenUsed = tokens == null ? null : tokens.current();
    lastProgress = System.nanoTime();
    // Writing to the caller's stream may block: run this call's callbacks on the client executor.
    call =
        rpc.channel()
            .newCall(
                MaintenanceGrpc.getSnapshotMethod(),
                rpc.streamOptions().withExecutor(rpc.executor()));
    call.start(this, new Metadata());
    call.sendMessage(SnapshotRequest.getDefaultInstance());
    call.halfClose();
    call.request(1);
    long every = Math.max(rpc.config().callTimeout().toNanos() / 4, 1_000_000);
    watchdog =
        rpc.scheduler()
            .scheduleWithFixedDelay(this::checkStalled, every, every, TimeUnit.NANOSECONDS);
  }

  /** Fails the download (used when the client closes). */
  void cancel(String reason) {
    cancelReason = reason;
    ClientCall<SnapshotRequest, SnapshotResponse> c;
    synchronized (this) {
      c = call;
    }
    if (c != null) {
      c.cancel(reason, null);
    }
  }

  private void checkStalled() {
    long idle = System.nanoTime() - lastProgress;
    if (idle > rpc.config().callTimeout().toNanos()) {
      cancel("the snapshot stream stalled: no data for more than " + rpc.config().callTimeout());
    }
  }

  @Override
  public void onMessage(SnapshotResponse message) {
    lastProgress = System.nanoTime();
    if (pending != null) {
      sha256.update(pending.asReadOnlyByteBuffer());
    }
    ByteString blob = message.getBlob();
    try {
      blob.writeTo(out);
    } catch (IOException | RuntimeException e) {
      cancelReason = "writing the snapshot failed: " + e;
      call.cancel(cancelReason, e);
      return;
    }
    pending = blob;
    written += blob.size();
    messages++;
    previousRemaining = lastRemaining;
    lastRemaining = message.getRemainingBytes();
    lastProgress = System.nanoTime();
    call.request(1);
  }

  @Override
  public void onClose(Status status, Metadata trailers) {
    synchronized (this) {
      if (watchdog != null) {
        watchdog.cancel(false);
      }
    }
    if (status.isOk()) {
      finish();
      return;
    }
    String reason = cancelReason;
    if (reason != null) {
      result.completeExceptionally(
          reason.startsWith("the snapshot stream stalled")
              ? new DeadlineExceededException(reason, null, status.asRuntimeException())
              : new EtcdException(reason, null, status.getCause()));
      return;
    }
    if (written == 0 && retry(status)) {
      return;
    }
    result.completeExceptionally(
        Errors.toEtcd(status.asRuntimeException(trailers), null, false, false));
  }

  /** Checks the stream ran to its end and its checksum matches what was written. */
  private void finish() {
    if (messages < 2 || lastRemaining != 0 || previousRemaining != 0) {
      result.completeExceptionally(
          new EtcdException(
              "the snapshot stream ended early: "
                  + written
                  + " bytes received, "
                  + (messages < 2 ? "no checksum" : previousRemaining + " bytes missing")));
      return;
    }
    byte[] expected = pending.toByteArray();
    byte[] actual = sha256.digest();
    if (expected.length != SHA256_BYTES || !MessageDigest.isEqual(expected, actual)) {
      result.completeExceptionally(
          new EtcdException(
              "the snapshot's SHA-256 does not match its data (" + written + " bytes)"));
      return;
    }
    result.complete(written);
  }

  private boolean retry(Status status) {
    AuthTokens tokens = rpc.tokens();
    if (tokens != null && !reauthenticated && Errors.isInvalidToken(status)) {
      reauthenticated = true;
      tokens
          .refresh(tokenUsed)
          .whenComplete(
              (token, error) -> {
                if (error != null) {
                  result.completeExceptionally(Errors.toEtcd(error, null, false, false));
                } else {
                  start();
                }
              });
      return true;
    }
    long backoff = rpc.backoffNanos(attempt);
    if (!rpc.isClosed()
        && Errors.isRetryable(status, false, true)
        && System.nanoTime() + backoff < deadline) {
      rpc.scheduler()
          .schedule(() -> rpc.executor().execute(this::start), backoff, TimeUnit.NANOSECONDS);
      return true;
    }
    return false;
  }
}
