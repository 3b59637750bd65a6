package io.typedetcd.client.cluster;

import java.util.List;

/**
 * One etcd member.
 *
 * <pre>{@code
 * for (Member m : client.cluster().listMembers().join()) {
 *   System.out.println(m.hexId() + " " + m.name() + " " + m.clientUrls());
 * }
 * }</pre>
 *
 * @param id etcd's member id (unsigned 64 bits)
 * @param name the member's {@code --name}; empty until a newly added member has started
 * @param peerUrls where other members reach it
 * @param clientUrls where clients reach it; empty until a newly added member has started
 * @param isLearner a non-voting member that has not been promoted yet
 */
public record Member(
    long id, String name, List<String> peerUrls, List<String> clientUrls, boolean isLearner) {
  public Member {
    peerUrls = List.copyOf(peerUrls);
    clientUrls = List.copyOf(clientUrls);
  }

  /** The id in hexadecimal, as etcdctl and etcd's logs print it. */
  public String hexId() {
    return Long.toHexString(id);
  }

  /** Whether the member has started (and so published its name and client URLs). */
  public boolean isStarted() {
    return !name.isEmpty();
  }
}
