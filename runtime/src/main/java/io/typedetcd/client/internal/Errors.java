package io.typedetcd.client.internal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.typedetcd.client.AuthenticationException;
import io.typedetcd.client.CompactedException;
import io.typedetcd.client.DeadlineExceededException;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.LeaseNotFoundException;
import io.typedetcd.client.NoSpaceException;
import io.typedetcd.client.OutcomeUnknownException;
import io.typedetcd.client.PermissionDeniedException;
import io.typedetcd.client.RequestTooLargeException;
import io.typedetcd.client.TooManyTxnOpsException;
import io.typedetcd.client.UnavailableException;
import io.typedetcd.client.election.NoLeaderException;
import io.typedetcd.client.election.NotLeaderException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * The one place that knows etcd's error strings: what each gRPC failure means, whether it may be
 * retried, and which {@link EtcdException} a caller sees.
 */
public final class Errors {
  static final String INVALID_TOKEN = "etcdserver: invalid auth token";
  static final String AUTH_OLD_REVISION = "etcdserver: revision of auth store is old";
  static final String COMPACTED = "etcdserver: mvcc: required revision has been compacted";
  static final String PERMISSION_DENIED = "etcdserver: permission denied";
  static final String LEASE_NOT_FOUND = "etcdserver: requested lease not found";
  static final String ELECTION_NO_LEADER = "election: no leader";
  static final String ELECTION_NOT_LEADER = "election: not leader";
  static final String CONTEXT_DEADLINE = "context deadline exceeded";

  private Errors() {}

  /** Whether the call may be tried again given what we know about how far it got. */
  static boolean isRetryable(Status status, boolean mutates, boolean maybeSent) {
    if (status.getCode() != Status.Code.UNAVAILABLE) {
      // A connection that broke under a call (member killed) surfaces as UNKNOWN "channel
      // closed": as safe to retry as UNAVAILABLE when nothing can have been applied.
      return isConnectionDrop(status) && (!mutates || !maybeSent);
    }
    if (!mutates || !maybeSent) {
      return true;
    }
    // etcd rejects these before proposing the request to raft: it was not applied.
    String d = description(status);
    // "unhealthy cluster": a membership change refused by --strict-reconfig-check (a member not
    // connected for 5 s) before it was proposed.
    return d.equals("etcdserver: no leader")
        || d.equals("etcdserver: not capable")
        || d.equals("etcdserver: too many requests")
        || d.equals("etcdserver: unhealthy cluster");
  }

  private static boolean isConnectionDrop(Status status) {
    return status.getCode() == Status.Code.UNKNOWN
        && (status.getCause() instanceof java.io.IOException
            || "channel closed".equals(status.getDescription()));
  }

  /** A stale or expired token: authenticate again and retry once. */
  static boolean isInvalidToken(Status status) {
    String d = description(status);
    // etcd 3.4's maintenance calls (hash, snapshot, defragment...) send the auth store's own
    // errors, "auth: ..." with code UNKNOWN.
    return d.equals(INVALID_TOKEN)
        || d.equals(AUTH_OLD_REVISION)
        || d.equals("auth: invalid auth token")
        || d.equals("auth: revision of auth store is old");
  }

  /**
   * A watch's cancel reason without the "rpc error: code = ... desc = " that etcd puts before the
   * message of a gRPC error (as for permission denials).
   */
  static String watchCancelReason(String raw) {
    int desc = raw.indexOf(" desc = ");
    return raw.startsWith("rpc error: ") && desc > 0 ? raw.substring(desc + 8) : raw;
  }

  /**
   * Whether etcd refused a watch create because of the stream's token. etcd 3.4 reports an expired
   * token as a plain permission denial, so with auth a denial is worth one token refresh too.
   */
  static boolean isWatchTokenProblem(String cancelReason, boolean withAuth) {
    return cancelReason.equals(INVALID_TOKEN)
        || cancelReason.equals(AUTH_OLD_REVISION)
        || cancelReason.equals("etcdserver: user name is empty")
        || (withAuth && cancelReason.equals(PERMISSION_DENIED));
  }

  /** What a watcher's listener sees when etcd refuses or cancels its watch. */
  static EtcdException watchCanceled(
      String reason, long compactRevision, String key, long fromRevision) {
    if (compactRevision > 0 || reason.equals(COMPACTED) || reason.contains("compacted")) {
      return new CompactedException(
          "cannot watch '"
              + key
              + "' from revision "
              + fromRevision
              + ": etcd compacted its history up to revision "
              + compactRevision,
          key,
          compactRevision,
          null);
    }
    if (reason.equals(PERMISSION_DENIED)) {
      return new PermissionDeniedException(reason + about(key), key, null);
    }
    if (isWatchTokenProblem(reason, false)) {
      return new AuthenticationException(reason + about(key), key, null);
    }
    return new EtcdException(
        "etcd cancelled the watch"
            + about(key)
            + ": "
            + (reason.isEmpty() ? "no reason given" : reason),
        key,
        null);
  }

  /** Turns any failure of a call into the exception callers see. */
  public static EtcdException toEtcd(
      Throwable failure, @Nullable String key, boolean mutates, boolean maybeSent) {
    Throwable t = unwrap(failure);
    if (t instanceof EtcdException e) {
      return e;
    }
    if (!(t instanceof StatusRuntimeException sre)) {
      return new EtcdException("etcd call failed" + about(key) + ": " + t, key, t);
    }
    Status status = sre.getStatus();
    String d = description(status);
    String msg = d + about(key);
    // etcd's lock and election services run an embedded client: its errors arrive as UNKNOWN.
    if (status.getCode() == Status.Code.UNKNOWN) {
      if (d.equals(LEASE_NOT_FOUND)) {
        return new LeaseNotFoundException(msg, 0, sre);
      }
      if (d.equals(ELECTION_NO_LEADER)) {
        return new NoLeaderException(msg, key, sre);
      }
      if (d.equals(ELECTION_NOT_LEADER)) {
        return new NotLeaderException(msg, key, sre);
      }
      if (d.equals(CONTEXT_DEADLINE) && !mutates) {
        return new DeadlineExceededException(msg, key, sre); // the server saw our deadline first
      }
    }
    switch (status.getCode()) {
      case PERMISSION_DENIED:
        return new PermissionDeniedException(msg, key, sre);
      case UNAUTHENTICATED:
        return new AuthenticationException(msg, key, sre);
      case OUT_OF_RANGE:
        if (d.equals(COMPACTED)) {
          return new CompactedException(msg, key, 0, sre);
        }
        break;
      case NOT_FOUND:
        if (d.equals("etcdserver: requested lease not found")) {
          return new LeaseNotFoundException(msg, 0, sre);
        }
        break;
      case RESOURCE_EXHAUSTED:
        if (d.equals("etcdserver: mvcc: database space exceeded")) {
          return new NoSpaceException(msg, key, sre);
        }
        break;
      case INVALID_ARGUMENT:
        if (d.startsWith("etcdserver: authentication failed")) {
          return new AuthenticationException(msg, key, sre);
        }
        if (d.equals("etcdserver: user name is empty")) {
          // etcd's answer to a call without a token once authentication is on.
          return new AuthenticationException(
              "etcd has authentication enabled and this client has no user: build it with"
                  + " user(name, password) ("
                  + d
                  + ")"
                  + about(key),
              key,
              sre);
        }
        if (d.equals("etcdserver: request is too large")) {
          return new RequestTooLargeException(msg, key, sre);
        }
        if (d.equals("etcdserver: too many operations in txn request")) {
          return new TooManyTxnOpsException(msg, key, sre);
        }
        break;
      case FAILED_PRECONDITION:
        if (d.equals("etcdserver: authentication is not enabled")
            || d.equals("etcdserver: user name not found")) {
          return new AuthenticationException(msg, key, sre);
        }
        break;
      case DEADLINE_EXCEEDED:
      case UNAVAILABLE:
      case CANCELLED:
      case UNKNOWN:
      case INTERNAL:
        // The auth store's own errors reach clients unconverted, as UNKNOWN: from etcd 3.4's
        // maintenance calls, and for a password given to a user created without one.
        if (d.startsWith("auth: authentication failed") || d.equals("auth: user name is empty")) {
          return new AuthenticationException(msg, key, sre);
        }
        if (d.equals("auth: permission denied")) {
          return new PermissionDeniedException(msg, key, sre);
        }
        if (mutates && maybeSent && !isRetryable(status, true, true)) {
          return new OutcomeUnknownException(
              "the write" + about(key) + " may or may not have been applied: " + d, key, sre);
        }
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
          return new DeadlineExceededException(msg, key, sre);
        }
        if (status.getCode() == Status.Code.UNAVAILABLE) {
          return new UnavailableException(msg, key, sre);
        }
        break;
      default:
        break;
    }
    return new EtcdException(msg, key, sre);
  }

  /** Strips the wrappers futures put around the real failure. */
  public static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof CompletionException || cur instanceof ExecutionException)
        && cur.getCause() != null) {
      cur = cur.getCause();
    }
    if (cur instanceof CancellationException) {
      return new EtcdException("the call was cancelled", null, cur);
    }
    return cur;
  }

  static String description(Status status) {
    String d = status.getDescription();
    return d == null ? status.getCode().toString() : d;
  }

  private static String about(@Nullable String key) {
    return key == null ? "" : " (key '" + key + "')";
  }
}
