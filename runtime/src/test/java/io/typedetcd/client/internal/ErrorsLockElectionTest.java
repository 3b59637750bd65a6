package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.typedetcd.client.DeadlineExceededException;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.LeaseNotFoundException;
import io.typedetcd.client.OutcomeUnknownException;
import io.typedetcd.client.election.NoLeaderException;
import io.typedetcd.client.election.NotLeaderException;
import org.junit.jupiter.api.Test;

/** The errors of etcd's lock and election services, which arrive with code UNKNOWN. */
class ErrorsLockElectionTest {
  static EtcdException unknown(String description, boolean write) {
    return Errors.toEtcd(
        Status.UNKNOWN.withDescription(description).asRuntimeException(), "/e", write, write);
  }

  @Test
  void electionErrorsAreTyped() {
    assertThat(unknown("election: no leader", false)).isInstanceOf(NoLeaderException.class);
    assertThat(unknown("election: not leader", true))
        .isInstanceOf(NotLeaderException.class)
        .extracting(EtcdException::key)
        .isEqualTo("/e");
  }

  @Test
  void aMissingLeaseIsNotAnUnknownOutcome() {
    // The lock's txn with a missing lease fails: nothing was applied.
    assertThat(unknown("etcdserver: requested lease not found", true))
        .isInstanceOf(LeaseNotFoundException.class);
  }

  @Test
  void etcdSeeingOurDeadlineIsADeadlineError() {
    assertThat(unknown("context deadline exceeded", false))
        .isInstanceOf(DeadlineExceededException.class);
    assertThat(unknown("context deadline exceeded", true))
        .isInstanceOf(OutcomeUnknownException.class);
  }

  @Test
  void otherUnknownFailuresOfAWriteStayUnknownOutcomes() {
    assertThat(unknown("something broke", true)).isInstanceOf(OutcomeUnknownException.class);
  }
}
