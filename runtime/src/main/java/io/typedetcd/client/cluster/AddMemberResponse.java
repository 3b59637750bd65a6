package io.typedetcd.client.cluster;

import io.typedetcd.client.ResponseHeader;
import java.util.List;

/**
 * The result of adding a member: its id, and the whole membership to start it with.
 *
 * <pre>{@code
 * AddMemberResponse r = client.cluster().addMember(List.of("http://10.0.0.4:2380")).join();
 * long newId = r.member().id();
 * }</pre>
 *
 * @param header the answering member's header
 * @param member the new member (not started: no name, no client URLs yet)
 * @param members every member afterwards, the new one included
 */
public record AddMemberResponse(ResponseHeader header, Member member, List<Member> members) {
  public AddMemberResponse {
    members = List.copyOf(members);
  }
}
