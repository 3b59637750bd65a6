package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static field: one server for the whole class, nested classes included. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtcdExtensionPerClassIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  private static EtcdServer fromBeforeAll;

  @BeforeAll
  static void rememberServer(EtcdServer server) {
    fromBeforeAll = server;
  }

  @Test
  @Order(1)
  void firstTestWrites(EtcdServer server) {
    assertThat(server).isSameAs(fromBeforeAll).isSameAs(etcd.server());
    assertThat(etcd.endpoint()).isEqualTo(server.endpoint());
    assertThat(etcd.endpoints()).containsExactly(server.endpoint());
    assertThat(server.logFile().getFileName().toString()).startsWith("EtcdExtensionPerClassIT-");
    etcd.etcdctl("put", "shared", "by-first");
  }

  @Test
  @Order(2)
  void secondTestSeesTheSameServer(EtcdServer server) {
    assertThat(server).isSameAs(fromBeforeAll);
    assertThat(server.etcdctl("get", "shared", "--print-value-only")).isEqualTo("by-first\n");
  }

  @Nested
  class NestedTests {
    @Test
    void reuseTheOuterServer(EtcdServer server) {
      assertThat(server).isSameAs(fromBeforeAll);
      assertThat(server.isRunning()).isTrue();
    }
  }
}
