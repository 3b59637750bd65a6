package io.typedetcd.client.internal;

import io.typedetcd.client.DeadlineExceededException;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.UnavailableException;
import io.typedetcd.client.maintenance.Alarm;
import io.typedetcd.client.maintenance.HashKvResponse;
import io.typedetcd.client.maintenance.HashResponse;
import io.typedetcd.client.maintenance.Maintenance;
import io.typedetcd.client.maintenance.StatusResponse;
import io.typedetcd.proto.etcdserverpb.AlarmMember;
import io.typedetcd.proto.etcdserverpb.AlarmRequest;
import io.typedetcd.proto.etcdserverpb.AlarmResponse;
import io.typedetcd.proto.etcdserverpb.AlarmType;
import io.typedetcd.proto.etcdserverpb.ClusterGrpc;
import io.typedetcd.proto.etcdserverpb.DefragmentRequest;
import io.typedetcd.proto.etcdserverpb.HashKVRequest;
import io.typedetcd.proto.etcdserverpb.HashRequest;
import io.typedetcd.proto.etcdserverpb.MaintenanceGrpc;
import io.typedetcd.proto.etcdserverpb.Member;
import io.typedetcd.proto.etcdserverpb.MemberListRequest;
import io.typedetcd.proto.etcdserverpb.MoveLeaderRequest;
import io.typedetcd.proto.etcdserverpb.StatusRequest;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@link Maintenance} over etcd's gRPC API. Per-member calls go through {@link EndpointChannels};
 * alarms and snapshots through the client's balanced channel.
 */
final class MaintenanceImpl implements Maintenance {
  /** Leadership may move between finding the leader and asking it to step down. */
  private static final int MOVE_LEADER_ATTEMPTS = 3;

  private final Rpc rpc;
  private final EndpointChannels endpoints;
  private final Set<SnapshotCall> snapshots = ConcurrentHashMap.newKeySet();

  MaintenanceImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.endpoints = new EndpointChannels(rpc);
  }

  @Override
  public CompletableFuture<StatusResponse> status(String endpoint) {
    return on(
            endpoint,
            endpoints
                .of(endpoint)
                .unary(
                    MaintenanceGrpc.getStatusMethod(),
                    StatusRequest.getDefaultInstance(),
                    Rpc.Kind.READ,
                    null))
        .thenApply(
            r ->
                new StatusResponse(
                    ResponseHeader.of(r.getHeader()),
                    r.getVersion(),
                    r.getDbSize(),
                    r.getDbSizeInUse(),
                    r.getLeader(),
                    r.getRaftIndex(),
                    r.getRaftTerm(),
                    r.getRaftAppliedIndex(),
                    r.getErrorsList(),
                    r.getIsLearner()));
  }

  @Override
  public CompletableFuture<List<Alarm>> alarms() {
    AlarmRequest request =
        AlarmRequest.newBuilder().setAction(AlarmRequest.AlarmAction.GET).build();
    return rpc.unary(MaintenanceGrpc.getAlarmMethod(), request, Rpc.Kind.READ, null)
        .thenApply(MaintenanceImpl::alarms);
  }

  @Override
  public CompletableFuture<List<Alarm>> disarm(Alarm alarm) {
    Objects.requireNonNull(alarm, "alarm");
    AlarmRequest request =
        AlarmRequest.newBuilder()
            .setAction(AlarmRequest.AlarmAction.DEACTIVATE)
            .setMemberID(alarm.memberId())
            .setAlarm(alarm.type() == Alarm.Type.NOSPACE ? AlarmType.NOSPACE : AlarmType.CORRUPT)
            .build();
    // Clearing an alarm twice is harmless, so it may be retried like a read.
    return rpc.unary(MaintenanceGrpc.getAlarmMethod(), request, Rpc.Kind.READ, null)
        .thenApply(MaintenanceImpl::alarms);
  }

  @Override
  public CompletableFuture<Void> defragment(String endpoint) {
    // Defragmenting twice is harmless, so it may be retried like a read.
    return on(
            endpoint,
            endpoints
                .of(endpoint)
                .unary(
                    MaintenanceGrpc.getDefragmentMethod(),
                    DefragmentRequest.getDefaultInstance(),
                    Rpc.Kind.READ,
                    null))
        .thenApply(r -> null);
  }

  @Override
  public CompletableFuture<HashResponse> hash(String endpoint) {
    return on(
            endpoint,
            endpoints
                .of(endpoint)
                .unary(
                    MaintenanceGrpc.getHashMethod(),
                    HashRequest.getDefaultInstance(),
                    Rpc.Kind.READ,
                    null))
        .thenApply(
            r ->
                new HashResponse(
                    ResponseHeader.of(r.getHeader()), Integer.toUnsignedLong(r.getHash())));
  }

  @Override
  public CompletableFuture<HashKvResponse> hashKv(String endpoint, long revision) {
    if (revision < 0) {
      throw new IllegalArgumentException("revision must not be negative, was " + revision);
    }
    HashKVRequest request = HashKVRequest.newBuilder().setRevision(revision).build();
    return on(
            endpoint,
            endpoints
                .of(endpoint)
                .unary(MaintenanceGrpc.getHashKVMethod(), request, Rpc.Kind.READ, null))
        .thenApply(
            r ->
                new HashKvResponse(
                    ResponseHeader.of(r.getHeader()),
                    Integer.toUnsignedLong(r.getHash()),
                    r.getCompactRevision()));
  }

  @Override
  public CompletableFuture<Long> snapshot(OutputStream out) {
    Objects.requireNonNull(out, "out");
    SnapshotCall call = new SnapshotCall(rpc, out);
    snapshots.add(call);
    call.result.whenComplete((bytes, error) -> snapshots.remove(call));
    call.start();
    return call.result;
  }

  @Override
  public CompletableFuture<Void> moveLeader(long targetMemberId) {
    if (targetMemberId == 0) {
      throw new IllegalArgumentException("targetMemberId must be a member id, was 0");
    }
    return moveLeader(targetMemberId, 1);
  }

  private CompletableFuture<Void> moveLeader(long target, int attempt) {
    MoveLeaderRequest request = MoveLeaderRequest.newBuilder().setTargetID(target).build();
    return leaderEndpoint()
        .thenCompose(
            leader ->
                on(
                    leader,
                    endpoints
                        .of(leader)
                        .unary(
                            MaintenanceGrpc.getMoveLeaderMethod(), request, Rpc.Kind.WRITE, null)))
        .<Void>thenApply(r -> null)
        .exceptionallyCompose(
            e -> {
              EtcdException error = Errors.toEtcd(e, null, false, false);
              boolean moved =
                  error.grpcStatus() != null
                      && Errors.description(error.grpcStatus()).equals("etcdserver: not leader");
              return moved && attempt < MOVE_LEADER_ATTEMPTS
                  ? moveLeader(target, attempt + 1)
                  : CompletableFuture.failedFuture(error);
            });
  }

  /**
   * The client URL of the leader: any member names the leader's id, the member list its URLs. A URL
   * among the client's endpoints is preferred (advertised URLs may not be reachable from here).
   */
  private CompletableFuture<String> leaderEndpoint() {
    return rpc.unary(
            MaintenanceGrpc.getStatusMethod(),
            StatusRequest.getDefaultInstance(),
            Rpc.Kind.READ,
            null)
        .thenCompose(
            status ->
                rpc.unary(
                        ClusterGrpc.getMemberListMethod(),
                        MemberListRequest.getDefaultInstance(),
                        Rpc.Kind.READ,
                        null)
                    .thenApply(list -> urlOf(status.getLeader(), list.getMembersList())));
  }

  private String urlOf(long leader, List<Member> members) {
    for (Member m : members) {
      if (m.getID() != leader || leader == 0) {
        continue;
      }
      List<URI> configured = rpc.config().endpoints();
      for (String url : m.getClientURLsList()) {
        if (configured.contains(normalized(url))) {
          return url;
        }
      }
      if (!m.getClientURLsList().isEmpty()) {
        return m.getClientURLsList().get(0);
      }
    }
    throw new UnavailableException(
        "cannot find the leader's client URL (leader id "
            + Long.toHexString(leader)
            + ", members "
            + members.stream().map(m -> Long.toHexString(m.getID())).toList()
            + ")",
        null,
        null);
  }

  private @Nullable URI normalized(String url) {
    try {
      return endpoints.parse(url);
    } catch (IllegalArgumentException e) {
      return null; // another scheme: none of our endpoints
    }
  }

  /** Names the endpoint when it could not be reached. */
  private static <R> CompletableFuture<R> on(String endpoint, CompletableFuture<R> call) {
    return call.exceptionallyCompose(
        e -> {
          EtcdException error = Errors.toEtcd(e, null, false, false);
          String msg = "endpoint " + endpoint + ": " + error.getMessage();
          if (error.getClass() == UnavailableException.class) {
            error = new UnavailableException(msg, null, error);
          } else if (error.getClass() == DeadlineExceededException.class) {
            error = new DeadlineExceededException(msg, null, error);
          }
          return CompletableFuture.failedFuture(error);
        });
  }

  private static List<Alarm> alarms(AlarmResponse response) {
    List<Alarm> alarms = new ArrayList<>();
    for (AlarmMember a : response.getAlarmsList()) {
      if (a.getAlarm() == AlarmType.NOSPACE) {
        alarms.add(new Alarm(a.getMemberID(), Alarm.Type.NOSPACE));
      } else if (a.getAlarm() == AlarmType.CORRUPT) {
        alarms.add(new Alarm(a.getMemberID(), Alarm.Type.CORRUPT));
      }
    }
    return List.copyOf(alarms);
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {
    for (SnapshotCall call : snapshots) {
      call.cancel("the client is closed");
    }
    endpoints.close();
  }
}
