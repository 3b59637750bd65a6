package io.typedetcd.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A cluster of real etcd processes on loopback, each member an {@link EtcdServer}.
 *
 * <pre>{@code
 * try (EtcdCluster cluster = EtcdCluster.builder().size(3).build()) {
 *   cluster.start();                       // waits for every member's health and a leader
 *   EtcdServer leader = cluster.leader();
 *   cluster.kill(leader);                  // the other two keep a quorum
 *   EtcdServer next = cluster.awaitLeader(Duration.ofSeconds(10));
 *   cluster.restart(leader);               // same ports and data: it rejoins
 * }
 * }</pre>
 *
 * <p>Like single servers, members run with {@code --heartbeat-interval=50 --election-timeout=500}
 * (etcd's defaults are 100 and 1000): loopback round trips are far below a millisecond, and the
 * shorter timeout makes failover and restart tests wait about half a second for a new leader
 * instead of one to two. {@code extraFlags} can override both.
 */
public final class EtcdCluster implements AutoCloseable {
  private static final int START_ATTEMPTS = 3;

  private final EtcdConfig config;
  private final int size;
  private volatile List<EtcdServer> members = List.of();
  private boolean closed;

  /** Starts a builder of a 3-member cluster. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of an {@link EtcdCluster}; see {@link EtcdBuilder} for the per-member options. */
  public static final class Builder extends EtcdBuilder<Builder> {
    private int size = 3;

    Builder() {}

    /** Number of members, default 3. */
    public Builder size(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("size must be at least 1, was " + size);
      }
      this.size = size;
      return this;
    }

    /** Creates the cluster; nothing runs until {@link EtcdCluster#start()}. */
    public EtcdCluster build() {
      return new EtcdCluster(config("n"), size);
    }
  }

  EtcdCluster(EtcdConfig config, int size) {
    this.config = config;
    this.size = size;
  }

  /** Starts all members concurrently, waits until each is healthy and one is leader. */
  public synchronized void start() {
    if (closed || !members.isEmpty()) {
      throw new IllegalStateException(closed ? "cluster is closed" : "cluster already started");
    }
    for (int attempt = 1; ; attempt++) {
      List<EtcdServer> created = createMembers();
      members = created;
      try {
        created.forEach(EtcdServer::launch);
        long deadline = config.startDeadline();
        for (EtcdServer member : created) {
          member.awaitHealthy(deadline);
        }
        awaitLeader(config.startTimeout());
        return;
      } catch (RuntimeException e) {
        boolean portTaken = created.stream().anyMatch(EtcdServer::bindFailed);
        try {
          Cleanup.closeAll(created);
        } catch (RuntimeException closing) {
          e.addSuppressed(closing);
        }
        members = List.of();
        if (!portTaken || attempt >= START_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** The members, in order n1..nN; empty before {@link #start()}. */
  public List<EtcdServer> members() {
    return members;
  }

  /** Client endpoints of all members, whether running or not. */
  public List<String> endpoints() {
    return members.stream().map(EtcdServer::endpoint).toList();
  }

  /** The member that reports itself leader, waiting up to the start timeout for one. */
  public EtcdServer leader() {
    return awaitLeader(config.startTimeout());
  }

  /**
   * Waits until exactly one running, unpaused member reports {@code etcd_server_is_leader 1}.
   * Requiring exactly one skips the moment where a deposed leader has not noticed yet.
   */
  public EtcdServer awaitLeader(Duration timeout) {
    return Await.value(
        timeout,
        () -> {
          List<EtcdServer> leaders = new ArrayList<>();
          for (EtcdServer member : members) {
            if (member.isRunning() && !member.isPaused() && member.isLeader()) {
              leaders.add(member);
            }
          }
          return leaders.size() == 1 ? Optional.of(leaders.get(0)) : Optional.empty();
        },
        () -> "no single etcd leader among " + members);
  }

  /** SIGKILL one member; its data is kept for {@link #restart(EtcdServer)}. */
  public void kill(EtcdServer member) {
    own(member).kill();
  }

  /** Graceful stop of one member; its data is kept. */
  public void stop(EtcdServer member) {
    own(member).stop();
  }

  /** SIGSTOP one member. */
  public void pause(EtcdServer member) {
    own(member).pause();
  }

  /** SIGCONT one member after {@link #pause(EtcdServer)}. */
  public void resume(EtcdServer member) {
    own(member).resume();
  }

  /** Restarts one member on its ports and data; it rejoins and this waits until it is healthy. */
  public void restart(EtcdServer member) {
    own(member).restart();
  }

  /** Stops all members (in parallel) and deletes their data. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    Cleanup.closeAll(members);
  }

  @Override
  public String toString() {
    return "EtcdCluster" + endpoints();
  }

  private List<EtcdServer> createMembers() {
    int[] ports = Ports.allocate(3 * size);
    String token = "typed-etcd-cluster-" + UUID.randomUUID();
    List<String> initialCluster = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      initialCluster.add(config.name() + (i + 1) + "=http://127.0.0.1:" + ports[3 * i + 1]);
    }
    List<EtcdServer> created = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int[] own = {ports[3 * i], ports[3 * i + 1], ports[3 * i + 2]};
      String name = config.name() + (i + 1);
      String cluster = String.join(",", initialCluster);
      var member = new EtcdCommand.Member(name, cluster, token, EtcdCommand.FAST_ELECTIONS);
      created.add(new EtcdServer(config, member, own));
    }
    return List.copyOf(created);
  }

  private EtcdServer own(EtcdServer member) {
    if (!members.contains(member)) {
      throw new IllegalArgumentException(member + " is not a member of " + this);
    }
    return member;
  }
}
