package io.typedetcd.client.maintenance;

import io.typedetcd.client.ResponseHeader;
import java.util.List;

/**
 * One member's status.
 *
 * <pre>{@code
 * StatusResponse s = client.maintenance().status(endpoint).join();
 * boolean leads = s.isLeader();
 * long bytes = s.dbSize();
 * }</pre>
 *
 * @param header {@code header().memberId()} is the member's id
 * @param version the member's etcd version, like "3.4.23"
 * @param dbSize size of the database file in bytes
 * @param dbSizeInUse bytes of the database file in use (the rest is freed by defragmentation)
 * @param leader id of the leader as this member sees it (0: none)
 * @param raftIndex raft's committed index
 * @param raftTerm raft's term
 * @param raftAppliedIndex raft's applied index
 * @param errors alarms and health problems the member reports
 * @param isLearner the member is a learner
 */
public record StatusResponse(
    ResponseHeader header,
    String version,
    long dbSize,
    long dbSizeInUse,
    long leader,
    long raftIndex,
    long raftTerm,
    long raftAppliedIndex,
    List<String> errors,
    boolean isLearner) {
  public StatusResponse {
    errors = List.copyOf(errors);
  }

  /** The id of the member that answered. */
  public long memberId() {
    return header.memberId();
  }

  /** Whether this member is the leader. */
  public boolean isLeader() {
    return leader != 0 && leader == header.memberId();
  }
}
