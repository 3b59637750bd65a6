package io.typedetcd.client.election;

import io.typedetcd.client.ResponseHeader;
import java.util.concurrent.CompletableFuture;

/**
 * Leader elections over etcd's election service: candidates campaign with a lease; the oldest live
 * candidate leads, and its proclaimed value tells everyone who leads.
 *
 * <pre>{@code
 * Election election = client.election();
 * long lease = Blocking.get(client.lease().grant(Duration.ofSeconds(10))).id();
 * try (KeepAlive alive = client.lease().keepAlive(lease, lost -> stepDown())) {
 *   LeaderKey me = Blocking.get(election.campaign("/elections/db", lease, "10.0.0.1:5432"));
 *   lead(me);
 *   election.resign(me).join();
 * }
 * }</pre>
 *
 * <p>Like a lock, leadership ends with its lease, possibly while the leader still believes it
 * leads: fence writes with {@link LeaderKey#revision()}. Campaigning waits on the server as long as
 * it takes, not bounded by the call timeout; cancelling the returned future (or {@code orTimeout})
 * stops it and etcd withdraws the candidacy. As with locks, a campaign whose answer was lost fails
 * with {@code OutcomeUnknownException}; campaigning again with the same lease finds its own
 * candidacy. Election names are keys in the client's namespace. Leaders and values are UTF-8
 * strings here; {@link Leader} also has the bytes.
 */
public interface Election {
  /**
   * Becomes a candidate with {@code proposal} as value and completes once it leads. Campaigning
   * again with the lease of the current leader returns at once (and sets the value).
   */
  CompletableFuture<LeaderKey> campaign(String electionName, long leaseId, String proposal);

  /**
   * Sets the leader's value, if {@code leader} still leads; otherwise fails with {@link
   * NotLeaderException}.
   */
  CompletableFuture<ResponseHeader> proclaim(LeaderKey leader, String value);

  /** The current leader, or a {@link NoLeaderException}. */
  CompletableFuture<Leader> leader(String electionName);

  /**
   * Tells the listener the current leader (once there is one) and every change after it, until
   * closed. Stream failures are retried with backoff without repeating what was already heard.
   * Nothing is heard when the election becomes leaderless: only new leaders and values.
   */
  Observation observe(String electionName, ElectionListener listener);

  /** Gives up leadership (or candidacy); nothing happens if {@code leader} no longer leads. */
  CompletableFuture<ResponseHeader> resign(LeaderKey leader);
}
