package io.typedetcd.examples.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /ex/users} is a string prefix of {@code /ex/users2}, and org {@code acme} of {@code
 * acme2}; no read, count or delete of one may touch the other's keys.
 */
class SiblingPrefixIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static User.Repository users;
  static Guest.Repository guests;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    users = Repositories.create(User.Repository.class, client);
    guests = Repositories.create(Guest.Repository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  static List<String> keysUnder(String prefix) {
    return etcd.etcdctl("get", "--prefix", "--keys-only", prefix)
        .lines()
        .filter(line -> !line.isEmpty())
        .toList();
  }

  @Test
  void prefixQueriesNeverReturnASiblingsKeys() {
    List<User> all =
        users.saveAll(
            List.of(
                new User("", "u0", "no org"),
                new User("acme", "u1", "one"),
                new User("acme", "u2", "two"),
                new User("acme/x", "u3", "slash"),
                new User("acme2", "u4", "sibling org")));
    List<Guest> visitors = guests.saveAll(List.of(new Guest("g1", "ann"), new Guest("g2", "bob")));
    // keys no entity owns, next to and at the prefix itself
    etcd.etcdctl("put", "/ex/users", "the prefix itself");
    etcd.etcdctl("put", "/ex/usersX/1", "another app");

    // key order: the escaped "acme%2Fx" sorts before "acme/..." ('%' < '/')
    List<User> keyOrder = List.of(all.get(0), all.get(3), all.get(1), all.get(2), all.get(4));
    assertThat(users.findAll()).containsExactlyElementsOf(keyOrder);
    assertThat(users.count()).isEqualTo(5);
    try (Stream<User> s = users.streamAll()) {
      assertThat(s.toList()).containsExactlyElementsOf(keyOrder);
    }
    assertThat(guests.findAll()).containsExactlyElementsOf(visitors);
    assertThat(guests.count()).isEqualTo(2);

    assertThat(users.findByOrg("acme")).extracting(User::id).containsExactly("u1", "u2");
    try (Stream<User> s = users.streamByOrg("acme")) {
      assertThat(s.map(User::id).toList()).containsExactly("u1", "u2");
    }
    assertThat(users.countByOrg("acme")).isEqualTo(2);
    assertThat(users.existsByOrg("acm")).isFalse();
    assertThat(users.existsByOrg("acme/x")).isTrue();
    assertThat(users.findByOrg("")).extracting(User::id).containsExactly("u0");

    assertThat(users.deleteByOrg("acme")).isEqualTo(2);
    assertThat(users.findAll()).extracting(User::id).containsExactly("u0", "u3", "u4");
    assertThat(keysUnder("/ex/users/"))
        .containsExactly("/ex/users/%/u0", "/ex/users/acme%2Fx/u3", "/ex/users/acme2/u4");
    assertThat(users.deleteAll()).isEqualTo(3);

    assertThat(guests.findAll()).containsExactlyElementsOf(visitors);
    assertThat(etcd.etcdctl("get", "--print-value-only", "/ex/users")).contains("prefix itself");
    assertThat(etcd.etcdctl("get", "--print-value-only", "/ex/usersX/1")).contains("another app");
    assertThat(guests.deleteAll()).isEqualTo(2);
  }
}
