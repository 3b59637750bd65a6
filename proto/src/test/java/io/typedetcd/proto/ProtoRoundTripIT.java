package io.typedetcd.proto;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.google.protobuf.ByteString;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.typedetcd.proto.authpb.Permission;
import io.typedetcd.proto.authpb.UserAddOptions;
import io.typedetcd.proto.etcdserverpb.AlarmMember;
import io.typedetcd.proto.etcdserverpb.AlarmRequest;
import io.typedetcd.proto.etcdserverpb.AlarmType;
import io.typedetcd.proto.etcdserverpb.AuthGrpc;
import io.typedetcd.proto.etcdserverpb.AuthRoleAddRequest;
import io.typedetcd.proto.etcdserverpb.AuthRoleDeleteRequest;
import io.typedetcd.proto.etcdserverpb.AuthRoleGetRequest;
import io.typedetcd.proto.etcdserverpb.AuthRoleGetResponse;
import io.typedetcd.proto.etcdserverpb.AuthRoleGrantPermissionRequest;
import io.typedetcd.proto.etcdserverpb.AuthRoleListRequest;
import io.typedetcd.proto.etcdserverpb.AuthStatusRequest;
import io.typedetcd.proto.etcdserverpb.AuthStatusResponse;
import io.typedetcd.proto.etcdserverpb.AuthUserAddRequest;
import io.typedetcd.proto.etcdserverpb.AuthUserDeleteRequest;
import io.typedetcd.proto.etcdserverpb.AuthUserGetRequest;
import io.typedetcd.proto.etcdserverpb.AuthUserListRequest;
import io.typedetcd.proto.etcdserverpb.ClusterGrpc;
import io.typedetcd.proto.etcdserverpb.CompactionRequest;
import io.typedetcd.proto.etcdserverpb.Compare;
import io.typedetcd.proto.etcdserverpb.DefragmentRequest;
import io.typedetcd.proto.etcdserverpb.DeleteRangeRequest;
import io.typedetcd.proto.etcdserverpb.DeleteRangeResponse;
import io.typedetcd.proto.etcdserverpb.HashKVRequest;
import io.typedetcd.proto.etcdserverpb.HashKVResponse;
import io.typedetcd.proto.etcdserverpb.HashRequest;
import io.typedetcd.proto.etcdserverpb.KVGrpc;
import io.typedetcd.proto.etcdserverpb.LeaseGrantRequest;
import io.typedetcd.proto.etcdserverpb.LeaseGrantResponse;
import io.typedetcd.proto.etcdserverpb.LeaseGrpc;
import io.typedetcd.proto.etcdserverpb.LeaseKeepAliveRequest;
import io.typedetcd.proto.etcdserverpb.LeaseKeepAliveResponse;
import io.typedetcd.proto.etcdserverpb.LeaseLeasesRequest;
import io.typedetcd.proto.etcdserverpb.LeaseRevokeRequest;
import io.typedetcd.proto.etcdserverpb.LeaseStatus;
import io.typedetcd.proto.etcdserverpb.LeaseTimeToLiveRequest;
import io.typedetcd.proto.etcdserverpb.LeaseTimeToLiveResponse;
import io.typedetcd.proto.etcdserverpb.MaintenanceGrpc;
import io.typedetcd.proto.etcdserverpb.Member;
import io.typedetcd.proto.etcdserverpb.MemberListRequest;
import io.typedetcd.proto.etcdserverpb.MemberListResponse;
import io.typedetcd.proto.etcdserverpb.PutRequest;
import io.typedetcd.proto.etcdserverpb.PutResponse;
import io.typedetcd.proto.etcdserverpb.RangeRequest;
import io.typedetcd.proto.etcdserverpb.RangeResponse;
import io.typedetcd.proto.etcdserverpb.RequestOp;
import io.typedetcd.proto.etcdserverpb.ResponseOp;
import io.typedetcd.proto.etcdserverpb.SnapshotRequest;
import io.typedetcd.proto.etcdserverpb.SnapshotResponse;
import io.typedetcd.proto.etcdserverpb.StatusRequest;
import io.typedetcd.proto.etcdserverpb.StatusResponse;
import io.typedetcd.proto.etcdserverpb.TxnRequest;
import io.typedetcd.proto.etcdserverpb.TxnResponse;
import io.typedetcd.proto.etcdserverpb.WatchCancelRequest;
import io.typedetcd.proto.etcdserverpb.WatchCreateRequest;
import io.typedetcd.proto.etcdserverpb.WatchGrpc;
import io.typedetcd.proto.etcdserverpb.WatchProgressRequest;
import io.typedetcd.proto.etcdserverpb.WatchRequest;
import io.typedetcd.proto.etcdserverpb.WatchResponse;
import io.typedetcd.proto.mvccpb.Event;
import io.typedetcd.proto.mvccpb.KeyValue;
import io.typedetcd.proto.v3electionpb.CampaignRequest;
import io.typedetcd.proto.v3electionpb.ElectionGrpc;
import io.typedetcd.proto.v3electionpb.LeaderKey;
import io.typedetcd.proto.v3electionpb.LeaderRequest;
import io.typedetcd.proto.v3electionpb.LeaderResponse;
import io.typedetcd.proto.v3electionpb.ProclaimRequest;
import io.typedetcd.proto.v3electionpb.ResignRequest;
import io.typedetcd.proto.v3lockpb.LockGrpc;
import io.typedetcd.proto.v3lockpb.LockRequest;
import io.typedetcd.proto.v3lockpb.LockResponse;
import io.typedetcd.proto.v3lockpb.UnlockRequest;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls every etcd service through the raw stubs generated from our .proto files, against a real
 * etcd, and checks what etcd answers. A wrong package, service name, field number or type shows up
 * here as UNIMPLEMENTED, a decoding error or a missing value.
 */
class ProtoRoundTripIT {

  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  /** Deadline of every unary call, and the longest wait for one stream message. */
  private static final long DEADLINE_SECONDS = 10;

  /** Deadline of a streaming call as a whole. */
  private static final long STREAM_DEADLINE_SECONDS = 30;

  private static ManagedChannel channel;

  @BeforeAll
  static void openChannel() {
    channel =
        ManagedChannelBuilder.forTarget("127.0.0.1:" + etcd.server().clientPort())
            .usePlaintext()
            .build();
  }

  @AfterAll
  static void closeChannel() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow();
      channel.awaitTermination(DEADLINE_SECONDS, SECONDS);
    }
  }

  // ------------------------------------------------------------------ KV

  @Test
  void putReturnsPreviousValueAndRangeReadsTheNewOne() {
    ByteString key = bytes("kv/put");
    PutResponse first = kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("v1")).build());
    long firstRevision = first.getHeader().getRevision();
    assertThat(firstRevision).isPositive();
    assertThat(first.hasPrevKv()).isFalse();

    PutResponse second =
        kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("v2")).setPrevKv(true).build());
    long secondRevision = second.getHeader().getRevision();
    assertThat(secondRevision).isGreaterThan(firstRevision);
    assertThat(second.getPrevKv().getKey()).isEqualTo(key);
    assertThat(second.getPrevKv().getValue()).isEqualTo(bytes("v1"));
    assertThat(second.getPrevKv().getModRevision()).isEqualTo(firstRevision);

    RangeResponse range = kv().range(RangeRequest.newBuilder().setKey(key).build());
    assertThat(range.getCount()).isEqualTo(1);
    assertThat(range.getMore()).isFalse();
    KeyValue stored = range.getKvs(0);
    assertThat(stored.getKey()).isEqualTo(key);
    assertThat(stored.getValue()).isEqualTo(bytes("v2"));
    assertThat(stored.getCreateRevision()).isEqualTo(firstRevision);
    assertThat(stored.getModRevision()).isEqualTo(secondRevision);
    assertThat(stored.getVersion()).isEqualTo(2);
    assertThat(stored.getLease()).isZero();
    assertThat(range.getHeader().getRevision()).isGreaterThanOrEqualTo(secondRevision);
    assertThat(range.getHeader().getClusterId()).isNotZero();
    assertThat(range.getHeader().getMemberId()).isNotZero();
    assertThat(range.getHeader().getRaftTerm()).isPositive();
  }

  @Test
  void prefixRangeHonoursLimitSortOrderAndCountOnly() {
    for (String suffix : List.of("a", "b", "c")) {
      kv().put(
              PutRequest.newBuilder()
                  .setKey(bytes("kv/prefix/" + suffix))
                  .setValue(bytes(suffix))
                  .build());
    }
    ByteString from = bytes("kv/prefix/");
    ByteString to = bytes("kv/prefix0"); // '/' + 1: every key under the prefix

    RangeResponse limited =
        kv().range(
                RangeRequest.newBuilder()
                    .setKey(from)
                    .setRangeEnd(to)
                    .setLimit(2)
                    .setSortOrder(RangeRequest.SortOrder.DESCEND)
                    .setSortTarget(RangeRequest.SortTarget.KEY)
                    .build());
    assertThat(limited.getKvsList())
        .extracting(kv -> kv.getKey().toStringUtf8())
        .containsExactly("kv/prefix/c", "kv/prefix/b");
    assertThat(limited.getMore()).isTrue();
    assertThat(limited.getCount()).isEqualTo(3);

    RangeResponse counted =
        kv().range(
                RangeRequest.newBuilder().setKey(from).setRangeEnd(to).setCountOnly(true).build());
    assertThat(counted.getKvsList()).isEmpty();
    assertThat(counted.getCount()).isEqualTo(3);

    RangeResponse keysOnly =
        kv().range(
                RangeRequest.newBuilder().setKey(from).setRangeEnd(to).setKeysOnly(true).build());
    assertThat(keysOnly.getKvsList())
        .hasSize(3)
        .allSatisfy(kv -> assertThat(kv.getValue()).isEmpty());
  }

  @Test
  void deleteRangeReportsDeletedCountAndPreviousKeyValues() {
    kv().put(PutRequest.newBuilder().setKey(bytes("kv/del/1")).setValue(bytes("one")).build());
    kv().put(PutRequest.newBuilder().setKey(bytes("kv/del/2")).setValue(bytes("two")).build());

    DeleteRangeResponse deleted =
        kv().deleteRange(
                DeleteRangeRequest.newBuilder()
                    .setKey(bytes("kv/del/"))
                    .setRangeEnd(bytes("kv/del0"))
                    .setPrevKv(true)
                    .build());

    assertThat(deleted.getDeleted()).isEqualTo(2);
    assertThat(deleted.getPrevKvsList())
        .extracting(kv -> kv.getKey().toStringUtf8() + "=" + kv.getValue().toStringUtf8())
        .containsExactlyInAnyOrder("kv/del/1=one", "kv/del/2=two");
    assertThat(
            kv().range(
                    RangeRequest.newBuilder()
                        .setKey(bytes("kv/del/"))
                        .setRangeEnd(bytes("kv/del0"))
                        .build())
                .getCount())
        .isZero();
  }

  @Test
  void txnRunsSuccessBranchWhenCompareHoldsAndFailureBranchOtherwise() {
    ByteString key = bytes("kv/txn");
    long created =
        kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("v1")).build())
            .getHeader()
            .getRevision();
    TxnRequest casFromV1 =
        TxnRequest.newBuilder()
            .addCompare(
                Compare.newBuilder()
                    .setKey(key)
                    .setTarget(Compare.CompareTarget.VALUE)
                    .setResult(Compare.CompareResult.EQUAL)
                    .setValue(bytes("v1")))
            .addCompare(
                Compare.newBuilder()
                    .setKey(key)
                    .setTarget(Compare.CompareTarget.CREATE)
                    .setResult(Compare.CompareResult.EQUAL)
                    .setCreateRevision(created))
            .addSuccess(
                RequestOp.newBuilder()
                    .setRequestPut(
                        PutRequest.newBuilder().setKey(key).setValue(bytes("v2")).setPrevKv(true)))
            .addFailure(
                RequestOp.newBuilder().setRequestRange(RangeRequest.newBuilder().setKey(key)))
            .build();

    TxnResponse won = kv().txn(casFromV1);
    assertThat(won.getSucceeded()).isTrue();
    assertThat(won.getResponsesList()).hasSize(1);
    ResponseOp put = won.getResponses(0);
    assertThat(put.getResponseCase()).isEqualTo(ResponseOp.ResponseCase.RESPONSE_PUT);
    assertThat(put.getResponsePut().getPrevKv().getValue()).isEqualTo(bytes("v1"));
    assertThat(won.getHeader().getRevision()).isGreaterThan(created);

    TxnResponse lost = kv().txn(casFromV1);
    assertThat(lost.getSucceeded()).isFalse();
    assertThat(lost.getResponsesList()).hasSize(1);
    ResponseOp range = lost.getResponses(0);
    assertThat(range.getResponseCase()).isEqualTo(ResponseOp.ResponseCase.RESPONSE_RANGE);
    assertThat(range.getResponseRange().getKvs(0).getValue()).isEqualTo(bytes("v2"));
    assertThat(range.getResponseRange().getKvs(0).getModRevision())
        .isEqualTo(won.getHeader().getRevision());
  }

  @Test
  void compactMakesOlderRevisionsUnreadable() {
    ByteString key = bytes("kv/compact");
    long old =
        kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("old")).build())
            .getHeader()
            .getRevision();
    long current =
        kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("new")).build())
            .getHeader()
            .getRevision();
    assertThat(
            kv().range(RangeRequest.newBuilder().setKey(key).setRevision(old).build())
                .getKvs(0)
                .getValue())
        .isEqualTo(bytes("old"));

    assertThat(
            kv().compact(
                    CompactionRequest.newBuilder().setRevision(current).setPhysical(true).build())
                .getHeader()
                .getRevision())
        .isGreaterThanOrEqualTo(current);

    assertThatThrownBy(
            () -> kv().range(RangeRequest.newBuilder().setKey(key).setRevision(old).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.OUT_OF_RANGE);
              assertThat(e.getStatus().getDescription()).contains("compacted");
            });
    assertThat(
            kv().range(RangeRequest.newBuilder().setKey(key).setRevision(current).build())
                .getKvs(0)
                .getValue())
        .isEqualTo(bytes("new"));
  }

  // ------------------------------------------------------------------ Watch

  @Test
  void watchStreamDeliversPutEventAndConfirmsCancel() throws InterruptedException {
    ByteString key = bytes("watch/key");
    Recorder<WatchResponse> responses = new Recorder<>();
    StreamObserver<WatchRequest> requests =
        WatchGrpc.newStub(channel)
            .withDeadlineAfter(STREAM_DEADLINE_SECONDS, SECONDS)
            .watch(responses);
    try {
      requests.onNext(
          WatchRequest.newBuilder()
              .setCreateRequest(WatchCreateRequest.newBuilder().setKey(key).setPrevKv(true))
              .build());
      WatchResponse created = responses.next();
      assertThat(created.getCreated()).isTrue();
      assertThat(created.getEventsList()).isEmpty();
      long watchId = created.getWatchId();

      kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("first")).build());
      long revision =
          kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("second")).build())
              .getHeader()
              .getRevision();

      List<Event> events = new ArrayList<>();
      while (events.size() < 2) {
        WatchResponse next = responses.next();
        assertThat(next.getWatchId()).isEqualTo(watchId);
        events.addAll(next.getEventsList());
      }
      Event last = events.get(1);
      assertThat(last.getType()).isEqualTo(Event.EventType.PUT);
      assertThat(last.getKv().getKey()).isEqualTo(key);
      assertThat(last.getKv().getValue()).isEqualTo(bytes("second"));
      assertThat(last.getKv().getModRevision()).isEqualTo(revision);
      assertThat(last.getKv().getVersion()).isEqualTo(2);
      assertThat(last.getPrevKv().getValue()).isEqualTo(bytes("first"));

      requests.onNext(
          WatchRequest.newBuilder()
              .setCancelRequest(WatchCancelRequest.newBuilder().setWatchId(watchId))
              .build());
      WatchResponse canceled = responses.next();
      assertThat(canceled.getCanceled()).isTrue();
      assertThat(canceled.getWatchId()).isEqualTo(watchId);
    } finally {
      cancel(requests);
    }
  }

  @Test
  void watchStreamDeliversDeleteEventsAndAnswersProgressRequests() throws InterruptedException {
    ByteString key = bytes("watch/deleted");
    long put =
        kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("doomed")).build())
            .getHeader()
            .getRevision();
    Recorder<WatchResponse> responses = new Recorder<>();
    StreamObserver<WatchRequest> requests =
        WatchGrpc.newStub(channel)
            .withDeadlineAfter(STREAM_DEADLINE_SECONDS, SECONDS)
            .watch(responses);
    try {
      requests.onNext(
          WatchRequest.newBuilder()
              .setCreateRequest(
                  WatchCreateRequest.newBuilder()
                      .setKey(key)
                      .setStartRevision(put + 1)
                      .addFilters(WatchCreateRequest.FilterType.NOPUT))
              .build());
      assertThat(responses.next().getCreated()).isTrue();

      kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("filtered out")).build());
      long deleted =
          kv().deleteRange(DeleteRangeRequest.newBuilder().setKey(key).build())
              .getHeader()
              .getRevision();

      WatchResponse delete = responses.next();
      assertThat(delete.getEventsList()).hasSize(1);
      assertThat(delete.getEvents(0).getType()).isEqualTo(Event.EventType.DELETE);
      assertThat(delete.getEvents(0).getKv().getKey()).isEqualTo(key);
      assertThat(delete.getEvents(0).getKv().getModRevision()).isEqualTo(deleted);

      requests.onNext(
          WatchRequest.newBuilder()
              .setProgressRequest(WatchProgressRequest.getDefaultInstance())
              .build());
      WatchResponse progress = responses.next();
      assertThat(progress.getEventsList()).isEmpty();
      assertThat(progress.getCreated()).isFalse();
      assertThat(progress.getCanceled()).isFalse();
      assertThat(progress.getHeader().getRevision()).isGreaterThanOrEqualTo(deleted);
    } finally {
      cancel(requests);
    }
  }

  // ------------------------------------------------------------------ Lease

  @Test
  void leaseKeepsAttachedKeysUntilRevoked() {
    LeaseGrantResponse grant =
        lease().leaseGrant(LeaseGrantRequest.newBuilder().setTTL(60).build());
    long id = grant.getID();
    assertThat(id).isNotZero();
    assertThat(grant.getTTL()).isEqualTo(60);
    assertThat(grant.getError()).isEmpty();

    ByteString key = bytes("lease/attached");
    kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("v")).setLease(id).build());
    assertThat(kv().range(RangeRequest.newBuilder().setKey(key).build()).getKvs(0).getLease())
        .isEqualTo(id);

    LeaseTimeToLiveResponse ttl =
        lease()
            .leaseTimeToLive(LeaseTimeToLiveRequest.newBuilder().setID(id).setKeys(true).build());
    assertThat(ttl.getID()).isEqualTo(id);
    assertThat(ttl.getGrantedTTL()).isEqualTo(60);
    assertThat(ttl.getTTL()).isBetween(1L, 60L);
    assertThat(ttl.getKeysList()).containsExactly(key);

    assertThat(lease().leaseLeases(LeaseLeasesRequest.getDefaultInstance()).getLeasesList())
        .extracting(LeaseStatus::getID)
        .contains(id);

    lease().leaseRevoke(LeaseRevokeRequest.newBuilder().setID(id).build());

    assertThat(kv().range(RangeRequest.newBuilder().setKey(key).build()).getCount()).isZero();
    assertThat(
            lease().leaseTimeToLive(LeaseTimeToLiveRequest.newBuilder().setID(id).build()).getTTL())
        .isEqualTo(-1);
    assertThat(lease().leaseLeases(LeaseLeasesRequest.getDefaultInstance()).getLeasesList())
        .extracting(LeaseStatus::getID)
        .doesNotContain(id);
    assertThatThrownBy(() -> lease().leaseRevoke(LeaseRevokeRequest.newBuilder().setID(id).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void leaseKeepAliveStreamAnswersEachRequestWithTheFullTtl() throws InterruptedException {
    long id = lease().leaseGrant(LeaseGrantRequest.newBuilder().setTTL(30).build()).getID();
    Recorder<LeaseKeepAliveResponse> responses = new Recorder<>();
    StreamObserver<LeaseKeepAliveRequest> requests =
        LeaseGrpc.newStub(channel)
            .withDeadlineAfter(STREAM_DEADLINE_SECONDS, SECONDS)
            .leaseKeepAlive(responses);
    try {
      for (int i = 0; i < 2; i++) {
        requests.onNext(LeaseKeepAliveRequest.newBuilder().setID(id).build());
        LeaseKeepAliveResponse refreshed = responses.next();
        assertThat(refreshed.getID()).isEqualTo(id);
        assertThat(refreshed.getTTL()).isEqualTo(30);
        assertThat(refreshed.getHeader().getMemberId()).isNotZero();
      }
    } finally {
      cancel(requests);
      lease().leaseRevoke(LeaseRevokeRequest.newBuilder().setID(id).build());
    }
  }

  // ------------------------------------------------------------------ Cluster

  @Test
  void memberListReportsTheSingleRunningMember() {
    // linearizable is a 3.5 field; older servers skip it as an unknown field.
    MemberListResponse list =
        cluster().memberList(MemberListRequest.newBuilder().setLinearizable(true).build());

    assertThat(list.getMembersList()).hasSize(1);
    Member member = list.getMembers(0);
    assertThat(member.getID()).isEqualTo(list.getHeader().getMemberId());
    assertThat(member.getName()).isNotEmpty();
    assertThat(member.getIsLearner()).isFalse();
    assertThat(member.getPeerURLsList()).isNotEmpty();
    assertThat(member.getClientURLsList()).contains(etcd.endpoint());
  }

  // ------------------------------------------------------------------ Maintenance

  @Test
  void statusDescribesTheAnsweringMemberAsLeader() {
    StatusResponse status = maintenance().status(StatusRequest.getDefaultInstance());

    assertThat(status.getVersion()).startsWith("3.");
    assertThat(status.getLeader()).isEqualTo(status.getHeader().getMemberId());
    assertThat(status.getDbSize()).isPositive();
    assertThat(status.getDbSizeInUse()).isPositive().isLessThanOrEqualTo(status.getDbSize());
    assertThat(status.getRaftIndex()).isPositive();
    assertThat(status.getRaftAppliedIndex()).isPositive();
    assertThat(status.getRaftTerm()).isPositive().isEqualTo(status.getHeader().getRaftTerm());
    assertThat(status.getIsLearner()).isFalse();
    assertThat(status.getErrorsList()).isEmpty();
  }

  @Test
  void alarmActivatedOnTheMemberIsListedUntilDeactivated() {
    long memberId =
        maintenance().status(StatusRequest.getDefaultInstance()).getHeader().getMemberId();
    assertThat(alarms(AlarmRequest.AlarmAction.GET, 0, AlarmType.NONE)).isEmpty();
    try {
      assertThat(alarms(AlarmRequest.AlarmAction.ACTIVATE, memberId, AlarmType.NOSPACE))
          .singleElement()
          .satisfies(
              alarm -> {
                assertThat(alarm.getMemberID()).isEqualTo(memberId);
                assertThat(alarm.getAlarm()).isEqualTo(AlarmType.NOSPACE);
              });
      assertThat(alarms(AlarmRequest.AlarmAction.GET, 0, AlarmType.NONE))
          .extracting(AlarmMember::getAlarm)
          .containsExactly(AlarmType.NOSPACE);
    } finally {
      alarms(AlarmRequest.AlarmAction.DEACTIVATE, memberId, AlarmType.NOSPACE);
    }
    assertThat(alarms(AlarmRequest.AlarmAction.GET, 0, AlarmType.NONE)).isEmpty();
  }

  private static List<AlarmMember> alarms(
      AlarmRequest.AlarmAction action, long memberId, AlarmType type) {
    return maintenance()
        .alarm(
            AlarmRequest.newBuilder()
                .setAction(action)
                .setMemberID(memberId)
                .setAlarm(type)
                .build())
        .getAlarmsList();
  }

  @Test
  void hashKvIsStableForAFixedRevisionAndChangesWithNewWrites() {
    long revision =
        kv().put(PutRequest.newBuilder().setKey(bytes("hash/key")).setValue(bytes("1")).build())
            .getHeader()
            .getRevision();

    HashKVResponse first =
        maintenance().hashKV(HashKVRequest.newBuilder().setRevision(revision).build());
    HashKVResponse again =
        maintenance().hashKV(HashKVRequest.newBuilder().setRevision(revision).build());
    assertThat(first.getHash()).isNotZero().isEqualTo(again.getHash());
    // hash_revision exists since 3.6; older servers leave it unset.
    assertThat(first.getHashRevision()).isIn(0L, revision);

    kv().put(PutRequest.newBuilder().setKey(bytes("hash/key")).setValue(bytes("2")).build());
    assertThat(maintenance().hashKV(HashKVRequest.getDefaultInstance()).getHash())
        .isNotEqualTo(first.getHash());
    assertThat(maintenance().hash(HashRequest.getDefaultInstance()).getHash()).isNotZero();
  }

  @Test
  void snapshotStreamsTheBackendUntilNoBytesRemain() {
    Iterator<SnapshotResponse> chunks =
        MaintenanceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(STREAM_DEADLINE_SECONDS, SECONDS)
            .snapshot(SnapshotRequest.getDefaultInstance());

    long total = 0;
    SnapshotResponse last = null;
    while (chunks.hasNext()) {
      last = chunks.next();
      total += last.getBlob().size();
    }

    assertThat(last).isNotNull();
    assertThat(last.getRemainingBytes()).isZero();
    assertThat(total).isGreaterThan(32); // bolt file plus its sha256
  }

  @Test
  void defragmentLeavesStoredKeysReadable() {
    ByteString key = bytes("maintenance/defrag");
    kv().put(PutRequest.newBuilder().setKey(key).setValue(bytes("kept")).build());

    maintenance().defragment(DefragmentRequest.getDefaultInstance());

    assertThat(kv().range(RangeRequest.newBuilder().setKey(key).build()).getKvs(0).getValue())
        .isEqualTo(bytes("kept"));
  }

  // ------------------------------------------------------------------ Auth (stays disabled)

  @Test
  void authStatusReportsAuthDisabledOrIsUnimplementedBefore35() {
    String version = maintenance().status(StatusRequest.getDefaultInstance()).getVersion();
    if (version.startsWith("3.4.")) {
      // AuthStatus arrived in 3.5; the error names the full service, proving the package is etcd's.
      assertThatThrownBy(() -> auth().authStatus(AuthStatusRequest.getDefaultInstance()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
                assertThat(e.getStatus().getDescription()).contains("etcdserverpb.Auth");
              });
    } else {
      AuthStatusResponse status = auth().authStatus(AuthStatusRequest.getDefaultInstance());
      assertThat(status.getEnabled()).isFalse();
    }
  }

  @Test
  void roleAddGrantGetAndDeleteRoundTrip() {
    String role = "proto-it-reader";
    auth().roleAdd(AuthRoleAddRequest.newBuilder().setName(role).build());
    Permission permission =
        Permission.newBuilder()
            .setPermType(Permission.Type.READWRITE)
            .setKey(bytes("auth/a"))
            .setRangeEnd(bytes("auth/b"))
            .build();
    auth()
        .roleGrantPermission(
            AuthRoleGrantPermissionRequest.newBuilder().setName(role).setPerm(permission).build());

    AuthRoleGetResponse got = auth().roleGet(AuthRoleGetRequest.newBuilder().setRole(role).build());
    assertThat(got.getPermList()).containsExactly(permission);
    assertThat(auth().roleList(AuthRoleListRequest.getDefaultInstance()).getRolesList())
        .contains(role);

    auth().roleDelete(AuthRoleDeleteRequest.newBuilder().setRole(role).build());

    assertThat(auth().roleList(AuthRoleListRequest.getDefaultInstance()).getRolesList())
        .doesNotContain(role);
    assertThatThrownBy(() -> auth().roleGet(AuthRoleGetRequest.newBuilder().setRole(role).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
              assertThat(e.getStatus().getDescription()).contains("role name not found");
            });
  }

  @Test
  void userWithoutPasswordIsListedUntilDeleted() {
    String user = "proto-it-user";
    assertThat(auth().userList(AuthUserListRequest.getDefaultInstance()).getUsersList())
        .doesNotContain(user);

    auth()
        .userAdd(
            AuthUserAddRequest.newBuilder()
                .setName(user)
                .setOptions(UserAddOptions.newBuilder().setNoPassword(true))
                .build());

    assertThat(auth().userList(AuthUserListRequest.getDefaultInstance()).getUsersList())
        .contains(user);
    assertThat(auth().userGet(AuthUserGetRequest.newBuilder().setName(user).build()).getRolesList())
        .isEmpty();

    auth().userDelete(AuthUserDeleteRequest.newBuilder().setName(user).build());
    assertThat(auth().userList(AuthUserListRequest.getDefaultInstance()).getUsersList())
        .doesNotContain(user);
  }

  // ------------------------------------------------------------------ Lock

  @Test
  void lockHandsOutAnOwnershipKeyAndBlocksOthersUntilUnlocked() throws Exception {
    ByteString name = bytes("lock/name");
    long firstLease = lease().leaseGrant(LeaseGrantRequest.newBuilder().setTTL(60).build()).getID();
    long secondLease =
        lease().leaseGrant(LeaseGrantRequest.newBuilder().setTTL(60).build()).getID();
    try {
      LockResponse held =
          lock().lock(LockRequest.newBuilder().setName(name).setLease(firstLease).build());
      assertThat(held.getKey().startsWith(name.concat(bytes("/")))).isTrue();
      KeyValue ownership =
          kv().range(RangeRequest.newBuilder().setKey(held.getKey()).build()).getKvs(0);
      assertThat(ownership.getLease()).isEqualTo(firstLease);

      CompletableFuture<LockResponse> waiting = new CompletableFuture<>();
      LockGrpc.newStub(channel)
          .withDeadlineAfter(DEADLINE_SECONDS, SECONDS)
          .lock(
              LockRequest.newBuilder().setName(name).setLease(secondLease).build(),
              completing(waiting));
      Thread.sleep(500);
      assertThat(waiting).isNotDone();

      lock().unlock(UnlockRequest.newBuilder().setKey(held.getKey()).build());

      assertThat(kv().range(RangeRequest.newBuilder().setKey(held.getKey()).build()).getCount())
          .isZero();
      LockResponse next = waiting.get(DEADLINE_SECONDS, SECONDS);
      assertThat(next.getKey()).isNotEqualTo(held.getKey());
      assertThat(next.getKey().startsWith(name.concat(bytes("/")))).isTrue();
      lock().unlock(UnlockRequest.newBuilder().setKey(next.getKey()).build());
    } finally {
      lease().leaseRevoke(LeaseRevokeRequest.newBuilder().setID(firstLease).build());
      lease().leaseRevoke(LeaseRevokeRequest.newBuilder().setID(secondLease).build());
    }
  }

  // ------------------------------------------------------------------ Election

  @Test
  void campaignWinsLeadershipProclaimUpdatesItAndResignEndsIt() {
    ByteString name = bytes("election/campaign");
    long leaseId = lease().leaseGrant(LeaseGrantRequest.newBuilder().setTTL(60).build()).getID();
    try {
      LeaderKey leader =
          election()
              .campaign(
                  CampaignRequest.newBuilder()
                      .setName(name)
                      .setLease(leaseId)
                      .setValue(bytes("candidate-1"))
                      .build())
              .getLeader();
      assertThat(leader.getName()).isEqualTo(name);
      assertThat(leader.getKey().startsWith(name.concat(bytes("/")))).isTrue();
      assertThat(leader.getRev()).isPositive();
      assertThat(leader.getLease()).isEqualTo(leaseId);

      LeaderResponse current = election().leader(LeaderRequest.newBuilder().setName(name).build());
      assertThat(current.getKv().getKey()).isEqualTo(leader.getKey());
      assertThat(current.getKv().getValue()).isEqualTo(bytes("candidate-1"));
      assertThat(current.getKv().getCreateRevision()).isEqualTo(leader.getRev());
      assertThat(current.getKv().getLease()).isEqualTo(leaseId);

      election()
          .proclaim(
              ProclaimRequest.newBuilder().setLeader(leader).setValue(bytes("proclaimed")).build());
      assertThat(
              election()
                  .leader(LeaderRequest.newBuilder().setName(name).build())
                  .getKv()
                  .getValue())
          .isEqualTo(bytes("proclaimed"));

      election().resign(ResignRequest.newBuilder().setLeader(leader).build());

      assertThat(kv().range(RangeRequest.newBuilder().setKey(leader.getKey()).build()).getCount())
          .isZero();
      assertThatThrownBy(() -> election().leader(LeaderRequest.newBuilder().setName(name).build()))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getDescription()).contains("no leader"));
    } finally {
      lease().leaseRevoke(LeaseRevokeRequest.newBuilder().setID(leaseId).build());
    }
  }

  @Test
  void observeStreamsEachProclaimedValueInOrder() throws InterruptedException {
    ByteString name = bytes("election/observe");
    long leaseId = lease().leaseGrant(LeaseGrantRequest.newBuilder().setTTL(60).build()).getID();
    Recorder<LeaderResponse> observed = new Recorder<>();
    Context.CancellableContext observing = Context.current().withCancellation();
    try {
      LeaderKey leader =
          election()
              .campaign(
                  CampaignRequest.newBuilder()
                      .setName(name)
                      .setLease(leaseId)
                      .setValue(bytes("first"))
                      .build())
              .getLeader();
      observing.run(
          () ->
              ElectionGrpc.newStub(channel)
                  .withDeadlineAfter(STREAM_DEADLINE_SECONDS, SECONDS)
                  .observe(LeaderRequest.newBuilder().setName(name).build(), observed));
      assertThat(observed.next().getKv().getValue()).isEqualTo(bytes("first"));

      election()
          .proclaim(
              ProclaimRequest.newBuilder().setLeader(leader).setValue(bytes("second")).build());

      LeaderResponse update = observed.next();
      assertThat(update.getKv().getKey()).isEqualTo(leader.getKey());
      assertThat(update.getKv().getValue()).isEqualTo(bytes("second"));
    } finally {
      observing.cancel(null);
      lease().leaseRevoke(LeaseRevokeRequest.newBuilder().setID(leaseId).build());
    }
  }

  // ------------------------------------------------------------------ helpers

  private static KVGrpc.KVBlockingStub kv() {
    return KVGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, SECONDS);
  }

  private static LeaseGrpc.LeaseBlockingStub lease() {
    return LeaseGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, SECONDS);
  }

  private static ClusterGrpc.ClusterBlockingStub cluster() {
    return ClusterGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, SECONDS);
  }

  private static MaintenanceGrpc.MaintenanceBlockingStub maintenance() {
    return MaintenanceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, SECONDS);
  }

  private static AuthGrpc.AuthBlockingStub auth() {
    return AuthGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, SECONDS);
  }

  private static LockGrpc.LockBlockingStub lock() {
    return LockGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, SECONDS);
  }

  private static ElectionGrpc.ElectionBlockingStub election() {
    return ElectionGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, SECONDS);
  }

  private static ByteString bytes(String s) {
    return ByteString.copyFromUtf8(s);
  }

  /** Ends a client-streaming call from our side. */
  private static void cancel(StreamObserver<?> requests) {
    ((ClientCallStreamObserver<?>) requests).cancel("test done", null);
  }

  private static <T> StreamObserver<T> completing(CompletableFuture<T> future) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        future.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        future.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    };
  }

  /** Collects what a server stream sends; {@link #next()} waits for one message, boundedly. */
  private static final class Recorder<T> implements StreamObserver<T> {
    private final BlockingQueue<T> values = new LinkedBlockingQueue<>();
    private volatile Throwable error;

    @Override
    public void onNext(T value) {
      values.add(value);
    }

    @Override
    public void onError(Throwable t) {
      error = t;
    }

    @Override
    public void onCompleted() {}

    T next() throws InterruptedException {
      long deadline = System.nanoTime() + SECONDS.toNanos(DEADLINE_SECONDS);
      while (System.nanoTime() < deadline) {
        T value = values.poll(100, MILLISECONDS);
        if (value != null) {
          return value;
        }
        if (error != null) {
          throw new AssertionError("stream failed", error);
        }
      }
      return fail("no stream message within %d s", DEADLINE_SECONDS);
    }
  }
}
