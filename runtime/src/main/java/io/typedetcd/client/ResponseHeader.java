package io.typedetcd.client;

/**
 * What every etcd response says about the cluster when it answered.
 *
 * @param clusterId the cluster's id
 * @param memberId the member that answered
 * @param revision the key-value store's revision when the request was applied
 * @param raftTerm the raft term when the request was applied
 */
public record ResponseHeader(long clusterId, long memberId, long revision, long raftTerm) {
  public static ResponseHeader of(io.typedetcd.proto.etcdserverpb.ResponseHeader h) {
    return new ResponseHeader(h.getClusterId(), h.getMemberId(), h.getRevision(), h.getRaftTerm());
  }
}
