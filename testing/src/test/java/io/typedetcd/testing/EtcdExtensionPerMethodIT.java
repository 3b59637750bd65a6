package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An instance field: a fresh server for every test method, closed after it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdExtensionPerMethodIT {
  private static final List<EtcdServer> seen = new ArrayList<>();

  @RegisterExtension final EtcdExtension etcd = EtcdExtension.builder().name("fresh").build();

  @Test
  @Order(1)
  void firstTestWrites(EtcdServer server) {
    assertThat(server).isSameAs(etcd.server());
    assertThat(server.name()).isEqualTo("fresh");
    server.etcdctl("put", "left-behind", "x");
    seen.add(server);
  }

  @Test
  @Order(2)
  void secondTestGetsAFreshServer(EtcdServer server) {
    assertThat(seen).hasSize(1);
    EtcdServer previous = seen.get(0);
    assertThat(server).isNotSameAs(previous);
    assertThat(server.clientPort()).isNotEqualTo(previous.clientPort());
    assertThat(previous.isRunning()).isFalse();
    assertThat(previous.dataDir()).doesNotExist();
    assertThat(server.etcdctl("get", "left-behind")).isEmpty();
  }
}
