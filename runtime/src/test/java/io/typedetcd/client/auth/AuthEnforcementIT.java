package io.typedetcd.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.AuthenticationException;
import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.PermissionDeniedException;
import io.typedetcd.client.auth.Permission.Type;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.testing.EtcdExtension;
import java.io.OutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What etcd lets a user with a read-only role on one prefix do, set up through our API. */
class AuthEnforcementIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient reader;

  @BeforeAll
  static void setUp() {
    try (EtcdClient admin = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
      Auth auth = admin.auth();
      Blocking.get(admin.kv().put("/public/a", "1"));
      Blocking.get(admin.kv().put("/public/b", "2"));
      Blocking.get(admin.kv().put("/secret/x", "s"));
      Blocking.get(auth.addUser("root", "rootpw"));
      Blocking.get(auth.grantRole("root", "root"));
      Blocking.get(auth.addRole("public-reader"));
      Blocking.get(
          auth.grantPermission("public-reader", Permission.forPrefix(Type.READ, "/public/")));
      Blocking.get(auth.addUser("reader", "readerpw"));
      Blocking.get(auth.grantRole("reader", "public-reader"));
      Blocking.get(auth.enable());
    }
    reader = EtcdClient.builder().endpoints(etcd.endpoint()).user("reader", "readerpw").build();
  }

  @AfterAll
  static void tearDown() {
    reader.close();
  }

  @Test
  void readsInsideThePrefixWork() {
    assertThat(Blocking.get(reader.kv().get("/public/a")).kvs())
        .extracting(KeyValue::value)
        .containsExactly("1");
    assertThat(Blocking.get(reader.kv().get("/public/", GetOptions.DEFAULT.withPrefix())).kvs())
        .extracting(KeyValue::key)
        .containsExactly("/public/a", "/public/b");
  }

  @Test
  void writesAreDeniedNamingTheKey() {
    assertThatThrownBy(() -> Blocking.get(reader.kv().put("/public/a", "changed")))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("permission denied")
        .hasMessageContaining("/public/a")
        .extracting(e -> ((PermissionDeniedException) e).key())
        .isEqualTo("/public/a");
    assertThat(etcd.etcdctl("--user=root:rootpw", "get", "--print-value-only", "/public/a"))
        .isEqualTo("1\n");
  }

  @Test
  void readsOutsideThePrefixAreDenied() {
    assertThatThrownBy(() -> Blocking.get(reader.kv().get("/secret/x")))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("/secret/x");
    assertThatThrownBy(() -> Blocking.get(reader.kv().get("/", GetOptions.DEFAULT.withPrefix())))
        .isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void aWrongPasswordFailsAtBuild() {
    assertThatThrownBy(
            () ->
                EtcdClient.builder()
                    .endpoints(etcd.endpoint())
                    .user("reader", "wrong")
                    .build()
                    .close())
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("authentication failed");
    assertThatThrownBy(
            () ->
                EtcdClient.builder().endpoints(etcd.endpoint()).user("nobody", "x").build().close())
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void maintenanceAndAuthAdministrationNeedTheRootRole() {
    assertThatThrownBy(() -> Blocking.get(reader.maintenance().hash(etcd.endpoint())))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(
            () -> Blocking.get(reader.maintenance().snapshot(OutputStream.nullOutputStream())))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> Blocking.get(reader.auth().listUsers()))
        .isInstanceOf(PermissionDeniedException.class);
    try (EtcdClient root =
        EtcdClient.builder().endpoints(etcd.endpoint()).user("root", "rootpw").build()) {
      // The per-member channel and the snapshot stream carry the token too.
      assertThat(Blocking.get(root.maintenance().hash(etcd.endpoint())).header().memberId())
          .isNotZero();
      assertThat(Blocking.get(root.maintenance().snapshot(OutputStream.nullOutputStream())))
          .isGreaterThan(32);
      assertThat(Blocking.get(root.auth().listUsers())).containsExactly("reader", "root");
      assertThat(Blocking.get(root.auth().getRole("public-reader")))
          .containsExactly(Permission.forPrefix(Type.READ, "/public/"));
    }
  }

  @Test
  void aClientWithoutUserIsToldToAuthenticate() {
    try (EtcdClient anonymous = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
      assertThatThrownBy(() -> Blocking.get(anonymous.kv().get("/public/a")))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("user(name, password)");
    }
  }
}
