package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.election.Election;
import io.typedetcd.client.election.ElectionListener;
import io.typedetcd.client.election.Leader;
import io.typedetcd.client.election.LeaderKey;
import io.typedetcd.client.election.Observation;
import io.typedetcd.proto.v3electionpb.CampaignRequest;
import io.typedetcd.proto.v3electionpb.CampaignResponse;
import io.typedetcd.proto.v3electionpb.ElectionGrpc;
import io.typedetcd.proto.v3electionpb.LeaderRequest;
import io.typedetcd.proto.v3electionpb.ProclaimRequest;
import io.typedetcd.proto.v3electionpb.ResignRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Election} over etcd's v3election service; the service knows no namespace, so we add it.
 */
final class ElectionImpl implements Election {
  private final Rpc rpc;
  private final Namespace ns;
  private final HeldKeys held;
  private final Set<LeaderObserver> observers = new HashSet<>();
  private boolean closed;

  ElectionImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
    this.held = new HeldKeys(rpc);
  }

  @Override
  public CompletableFuture<LeaderKey> campaign(String electionName, long leaseId, String proposal) {
    HeldKeys.checkName("electionName", electionName);
    HeldKeys.checkLease(leaseId);
    Objects.requireNonNull(proposal, "proposal");
    CampaignRequest request =
        CampaignRequest.newBuilder()
            .setName(ns.add(ByteString.copyFromUtf8(electionName)))
            .setLease(leaseId)
            .setValue(ByteString.copyFromUtf8(proposal))
            .build();
    CompletableFuture<CampaignResponse> call =
        rpc.unary(ElectionGrpc.getCampaignMethod(), request, Rpc.Kind.WRITE, electionName, null);
    return held.confirm(
        call,
        r -> r.getLeader().getKey(),
        leaseId,
        electionName,
        "leadership of",
        (r, key, createRevision) -> toLeaderKey(r.getLeader()),
        r -> resign(r.getLeader(), electionName));
  }

  @Override
  public CompletableFuture<ResponseHeader> proclaim(LeaderKey leader, String value) {
    Objects.requireNonNull(leader, "leader");
    Objects.requireNonNull(value, "value");
    ProclaimRequest request =
        ProclaimRequest.newBuilder()
            .setLeader(toProto(leader))
            .setValue(ByteString.copyFromUtf8(value))
            .build();
    return rpc.unary(ElectionGrpc.getProclaimMethod(), request, Rpc.Kind.WRITE, leader.name())
        .thenApply(r -> ResponseHeader.of(r.getHeader()));
  }

  @Override
  public CompletableFuture<Leader> leader(String electionName) {
    HeldKeys.checkName("electionName", electionName);
    LeaderRequest request =
        LeaderRequest.newBuilder().setName(ns.add(ByteString.copyFromUtf8(electionName))).build();
    return rpc.unary(ElectionGrpc.getLeaderMethod(), request, Rpc.Kind.READ, electionName)
        .thenApply(r -> Leader.of(ns.strip(r.getKv())));
  }

  @Override
  public Observation observe(String electionName, ElectionListener listener) {
    HeldKeys.checkName("electionName", electionName);
    Objects.requireNonNull(listener, "listener");
    LeaderObserver observer =
        new LeaderObserver(rpc, ns, ByteString.copyFromUtf8(electionName), listener, this::forget);
    synchronized (this) {
      if (closed || rpc.isClosed()) {
        throw new EtcdException("the client is closed", electionName, null);
      }
      observers.add(observer);
    }
    observer.start();
    return observer;
  }

  @Override
  public CompletableFuture<ResponseHeader> resign(LeaderKey leader) {
    Objects.requireNonNull(leader, "leader");
    return resign(toProto(leader), leader.name());
  }

  private CompletableFuture<ResponseHeader> resign(
      io.typedetcd.proto.v3electionpb.LeaderKey leader, String name) {
    ResignRequest request = ResignRequest.newBuilder().setLeader(leader).build();
    // Resigning twice ends the same (the second finds nothing to delete): retried like a read.
    return rpc.unary(ElectionGrpc.getResignMethod(), request, Rpc.Kind.READ, name)
        .thenApply(r -> ResponseHeader.of(r.getHeader()));
  }

  private synchronized void forget(LeaderObserver observer) {
    observers.remove(observer);
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {
    List<LeaderObserver> open;
    synchronized (this) {
      closed = true;
      open = List.copyOf(observers);
    }
    open.forEach(LeaderObserver::close);
  }

  private LeaderKey toLeaderKey(io.typedetcd.proto.v3electionpb.LeaderKey k) {
    return new LeaderKey(ns.strip(k.getName()), ns.strip(k.getKey()), k.getRev(), k.getLease());
  }

  private io.typedetcd.proto.v3electionpb.LeaderKey toProto(LeaderKey k) {
    return io.typedetcd.proto.v3electionpb.LeaderKey.newBuilder()
        .setName(ns.add(k.nameBytes()))
        .setKey(ns.add(k.keyBytes()))
        .setRev(k.revision())
        .setLease(k.lease())
        .build();
  }
}
