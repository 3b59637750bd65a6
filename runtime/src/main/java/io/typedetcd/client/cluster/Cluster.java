package io.typedetcd.client.cluster;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * etcd's cluster membership: list, add (as voter or learner), remove, update and promote members.
 *
 * <pre>{@code
 * Cluster cluster = client.cluster();
 * AddMemberResponse added = cluster.addLearner(List.of("http://10.0.0.4:2380")).join();
 * // start etcd there with --initial-cluster-state=existing, then, once it has caught up:
 * cluster.promoteMember(added.member().id()).join();
 * }</pre>
 *
 * <p>Member ids are etcd's unsigned 64-bit ids in a {@code long}; {@link Member#hexId()} prints
 * them as etcdctl does. Membership changes are writes: retried only when they provably did not
 * reach etcd.
 */
public interface Cluster {
  /**
   * Every member, learners included. Read through a quorum on etcd 3.5 and later; etcd 3.4 answers
   * from the member the call reached, which may list a change a moment after the leader applied it.
   */
  CompletableFuture<List<Member>> listMembers();

  /** Adds a voting member that will listen on these peer URLs; start it afterwards. */
  CompletableFuture<AddMemberResponse> addMember(List<String> peerUrls);

  /** Adds a learner (a non-voting member that catches up before {@link #promoteMember}). */
  CompletableFuture<AddMemberResponse> addLearner(List<String> peerUrls);

  /** Removes the member; a running member shuts itself down. Completes with the members left. */
  CompletableFuture<List<Member>> removeMember(long id);

  /** Changes the member's peer URLs. Completes with every member afterwards. */
  CompletableFuture<List<Member>> updateMember(long id, List<String> peerUrls);

  /**
   * Makes a learner a voting member. etcd refuses until the learner has caught up with the leader
   * ("can only promote a learner member which is in sync with leader"): retry later then.
   */
  CompletableFuture<List<Member>> promoteMember(long id);
}
