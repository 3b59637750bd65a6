package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;
import io.grpc.ClientCall;
import io.grpc.Status;
import io.typedetcd.client.AuthenticationException;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.PermissionDeniedException;
import io.typedetcd.client.election.ElectionListener;
import io.typedetcd.client.election.Leader;
import io.typedetcd.client.election.Observation;
import io.typedetcd.proto.mvccpb.KeyValue;
import io.typedetcd.proto.v3electionpb.ElectionGrpc;
import io.typedetcd.proto.v3electionpb.LeaderRequest;
import io.typedetcd.proto.v3electionpb.LeaderResponse;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One {@link io.typedetcd.client.election.Election#observe}: an Observe stream, issued again with
 * backoff whenever it ends (etcd ends it when its internal watch fails), skipping the leader it
 * repeats on reconnecting.
 */
final class LeaderObserver extends ReopeningStream<LeaderRequest, LeaderResponse>
    implements Observation {
  private final Namespace ns;
  private final ByteString name;
  private final ElectionListener listener;
  private final CallbackQueue callbacks;
  private final Consumer<LeaderObserver> onEnd;
  private boolean ended;
  private @Nullable ByteString lastKey;
  private long lastCreateRevision;
  private long lastModRevision;

  /** A terminal callback ran; only touched by callbacks, which run one at a time. */
  private boolean finished;

  LeaderObserver(
      Rpc rpc,
      Namespace ns,
      ByteString name,
      ElectionListener listener,
      Consumer<LeaderObserver> onEnd) {
    super(rpc, ElectionGrpc.getObserveMethod());
    this.ns = ns;
    this.name = name;
    this.listener = listener;
    this.callbacks = new CallbackQueue(rpc.executor());
    this.onEnd = onEnd;
  }

  synchronized void start() {
    open();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      stop("observation closed");
    }
    onEnd.accept(this);
    finish(null);
  }

  @Override
  boolean wanted() {
    return !ended;
  }

  @Override
  void opened(ClientCall<LeaderRequest, LeaderResponse> call) {
    call.sendMessage(LeaderRequest.newBuilder().setName(ns.add(name)).build());
    call.halfClose();
  }

  @Override
  void message(LeaderResponse response, List<Runnable> out) {
    KeyValue kv = response.getKv();
    if (!response.hasKv() || seen(kv)) {
      return;
    }
    lastKey = kv.getKey();
    lastCreateRevision = kv.getCreateRevision();
    lastModRevision = kv.getModRevision();
    Leader leader = Leader.of(ns.strip(kv));
    out.add(
        () ->
            callbacks.execute(
                () -> {
                  if (!finished) {
                    listener.onLeader(leader);
                  }
                }));
  }

  /**
   * etcd ends Observe with OK when its inner reads fail, as they do with an expired token: since
   * the token is not named, refresh it (once per stale token) before observing again.
   */
  @Override
  boolean staleToken(Status status) {
    return status.isOk() || super.staleToken(status);
  }

  @Override
  boolean failed(Throwable error, List<Runnable> out) {
    EtcdException e = Errors.toEtcd(error, name.toStringUtf8(), false, false);
    if (!(e instanceof PermissionDeniedException || e instanceof AuthenticationException)) {
      return true; // also after OK: etcd ends Observe when its watch fails; we go on
    }
    ended = true; // retrying would not help
    out.add(
        () -> {
          onEnd.accept(this);
          finish(e);
        });
    return false;
  }

  private boolean seen(KeyValue kv) {
    return repeats(kv, lastKey, lastCreateRevision, lastModRevision);
  }

  /**
   * Whether {@code kv} is the leader we told last, as a re-issued Observe repeats it: same key,
   * same creation, no newer value. A new leader may well have an older mod revision than the last
   * value of the one before it, so the mod revision alone does not tell.
   */
  static boolean repeats(
      KeyValue kv, @Nullable ByteString lastKey, long lastCreateRevision, long lastModRevision) {
    return kv.getKey().equals(lastKey)
        && kv.getCreateRevision() == lastCreateRevision
        && kv.getModRevision() <= lastModRevision;
  }

  private void finish(@Nullable EtcdException error) {
    callbacks.execute(
        () -> {
          if (!finished) {
            finished = true;
            if (error != null) {
              listener.onFailed(error);
            } else {
              listener.onClosed();
            }
          }
        });
  }
}
