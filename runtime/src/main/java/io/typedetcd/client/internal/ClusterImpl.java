package io.typedetcd.client.internal;

import io.typedetcd.client.EtcdException;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.cluster.AddMemberResponse;
import io.typedetcd.client.cluster.Cluster;
import io.typedetcd.client.cluster.Member;
import io.typedetcd.proto.etcdserverpb.ClusterGrpc;
import io.typedetcd.proto.etcdserverpb.MemberAddRequest;
import io.typedetcd.proto.etcdserverpb.MemberListRequest;
import io.typedetcd.proto.etcdserverpb.MemberPromoteRequest;
import io.typedetcd.proto.etcdserverpb.MemberRemoveRequest;
import io.typedetcd.proto.etcdserverpb.MemberUpdateRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@link Cluster} over etcd's gRPC API. Member ids are not namespaced. */
final class ClusterImpl implements Cluster {
  /** As clientv3 asks since etcd 3.5; etcd 3.4 ignores the field and answers from its own view. */
  private static final MemberListRequest LINEARIZABLE =
      MemberListRequest.newBuilder().setLinearizable(true).build();

  private final Rpc rpc;

  ClusterImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
  }

  @Override
  public CompletableFuture<List<Member>> listMembers() {
    return rpc.unary(ClusterGrpc.getMemberListMethod(), LINEARIZABLE, Rpc.Kind.READ, null)
        .thenApply(r -> members(r.getMembersList()));
  }

  @Override
  public CompletableFuture<AddMemberResponse> addMember(List<String> peerUrls) {
    return add(peerUrls, false);
  }

  @Override
  public CompletableFuture<AddMemberResponse> addLearner(List<String> peerUrls) {
    return add(peerUrls, true);
  }

  private CompletableFuture<AddMemberResponse> add(List<String> peerUrls, boolean learner) {
    MemberAddRequest request =
        MemberAddRequest.newBuilder().addAllPeerURLs(urls(peerUrls)).setIsLearner(learner).build();
    return explain(rpc.unary(ClusterGrpc.getMemberAddMethod(), request, Rpc.Kind.WRITE, null), 0)
        .thenApply(
            r ->
                new AddMemberResponse(
                    ResponseHeader.of(r.getHeader()),
                    member(r.getMember()),
                    members(r.getMembersList())));
  }

  @Override
  public CompletableFuture<List<Member>> removeMember(long id) {
    MemberRemoveRequest request = MemberRemoveRequest.newBuilder().setID(id).build();
    return explain(
            rpc.unary(ClusterGrpc.getMemberRemoveMethod(), request, Rpc.Kind.WRITE, null), id)
        .thenApply(r -> members(r.getMembersList()));
  }

  @Override
  public CompletableFuture<List<Member>> updateMember(long id, List<String> peerUrls) {
    MemberUpdateRequest request =
        MemberUpdateRequest.newBuilder().setID(id).addAllPeerURLs(urls(peerUrls)).build();
    return explain(
            rpc.unary(ClusterGrpc.getMemberUpdateMethod(), request, Rpc.Kind.WRITE, null), id)
        .thenApply(r -> members(r.getMembersList()));
  }

  @Override
  public CompletableFuture<List<Member>> promoteMember(long id) {
    MemberPromoteRequest request = MemberPromoteRequest.newBuilder().setID(id).build();
    return explain(
            rpc.unary(ClusterGrpc.getMemberPromoteMethod(), request, Rpc.Kind.WRITE, null), id)
        .thenApply(r -> members(r.getMembersList()));
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {}

  static Member member(io.typedetcd.proto.etcdserverpb.Member m) {
    return new Member(
        m.getID(), m.getName(), m.getPeerURLsList(), m.getClientURLsList(), m.getIsLearner());
  }

  static List<Member> members(List<io.typedetcd.proto.etcdserverpb.Member> list) {
    return list.stream().map(ClusterImpl::member).toList();
  }

  /** Names the member in etcd's terse errors ("etcdserver: member not found"). */
  private static <R> CompletableFuture<R> explain(CompletableFuture<R> call, long id) {
    return call.exceptionallyCompose(
        e -> {
          EtcdException error = Errors.toEtcd(e, null, false, false);
          String d = error.grpcStatus() == null ? "" : Errors.description(error.grpcStatus());
          if (id != 0 && d.startsWith("etcdserver: ") && error.getClass() == EtcdException.class) {
            error =
                new EtcdException(
                    "member " + Long.toHexString(id) + ": " + d.substring(12), null, error);
          }
          return CompletableFuture.failedFuture(error);
        });
  }

  /** Peer URLs must be absolute URLs with host and port: etcd refuses anything else. */
  private static List<String> urls(List<String> peerUrls) {
    Objects.requireNonNull(peerUrls, "peerUrls");
    if (peerUrls.isEmpty()) {
      throw new IllegalArgumentException("peerUrls must name at least one URL");
    }
    for (String url : peerUrls) {
      try {
        URI uri = new URI(Objects.requireNonNull(url, "peer URL"));
        if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() <= 0) {
          throw new IllegalArgumentException(
              "peer URL '" + url + "' needs a scheme, host and port, like http://10.0.0.4:2380");
        }
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "peer URL '" + url + "' is not a URL: " + e.getMessage());
      }
    }
    return List.copyOf(peerUrls);
  }
}
