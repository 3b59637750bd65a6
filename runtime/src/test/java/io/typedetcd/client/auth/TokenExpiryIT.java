package io.typedetcd.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.KeyValue;
import io.typedetcd.testing.EtcdExtension;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** etcd drops simple tokens unused for --auth-token-ttl; the client must re-authenticate alone. */
class TokenExpiryIT {
  static final Duration TTL = Duration.ofSeconds(2);

  @RegisterExtension
  static final EtcdExtension etcd = EtcdExtension.builder().authTokenTtl(TTL).build();

  @Test
  void callsKeepWorkingAfterTheTokenExpired() {
    try (EtcdClient admin = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
      Blocking.get(admin.auth().addUser("root", "rootpw"));
      Blocking.get(admin.auth().grantRole("root", "root"));
      Blocking.get(admin.auth().enable());
    }
    try (EtcdClient client =
        EtcdClient.builder().endpoints(etcd.endpoint()).user("root", "rootpw").build()) {
      Blocking.get(client.kv().put("/ttl/a", "1"));
      String first = client.connection().rpc().tokens().current();

      // Time passing is the condition: etcd checks token TTLs once a second.
      idleFor(TTL.plusMillis(2000));

      assertThat(Blocking.get(client.kv().get("/ttl/a")).kvs())
          .extracting(KeyValue::value)
          .containsExactly("1");
      String second = client.connection().rpc().tokens().current();
      assertThat(second).isNotNull().isNotEqualTo(first);

      idleFor(TTL.plusMillis(2000));
      Blocking.get(client.kv().put("/ttl/a", "2")); // a write is retried after renewal too
      String third = client.connection().rpc().tokens().current();
      assertThat(third).isNotEqualTo(second);
      assertThat(etcd.etcdctl("--user=root:rootpw", "get", "--print-value-only", "/ttl/a"))
          .isEqualTo("2\n");

      idleFor(TTL.plusMillis(2000));
      assertThat(Blocking.get(client.maintenance().snapshot(OutputStream.nullOutputStream())))
          .isGreaterThan(32); // a stream renews too
      String fourth = client.connection().rpc().tokens().current();
      assertThat(fourth).isNotEqualTo(third);

      idleFor(TTL.plusMillis(2000));
      Blocking.get(client.maintenance().hash(etcd.endpoint())); // and a per-member channel
      assertThat(client.connection().rpc().tokens().current()).isNotEqualTo(fourth);
    }
  }

  /** Makes no call for {@code d}, so etcd sees the token unused. */
  private static void idleFor(Duration d) {
    long deadline = System.nanoTime() + d.toNanos();
    for (long left = d.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
