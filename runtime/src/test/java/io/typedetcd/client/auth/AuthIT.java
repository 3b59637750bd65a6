package io.typedetcd.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.typedetcd.client.AuthenticationException;
import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.auth.Permission.Type;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API against a fresh etcd per test (auth state is global to a server). */
class AuthIT {
  @RegisterExtension final EtcdExtension etcd = EtcdExtension.builder().build();

  EtcdClient client;
  Auth auth;

  @BeforeEach
  void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    auth = client.auth();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void usersAndRolesRoundTrip() {
    Blocking.get(auth.addRole("reader"));
    Blocking.get(auth.addRole("writer"));
    Blocking.get(auth.addUser("alice", "pw1"));
    Blocking.get(auth.addUser("bob"));
    Blocking.get(auth.grantRole("alice", "reader"));
    Blocking.get(auth.grantRole("alice", "writer"));

    assertThat(Blocking.get(auth.listUsers())).containsExactly("alice", "bob");
    assertThat(Blocking.get(auth.listRoles())).containsExactly("reader", "writer");
    assertThat(Blocking.get(auth.getUser("alice"))).containsExactly("reader", "writer");
    assertThat(Blocking.get(auth.getUser("bob"))).isEmpty();
    assertThat(etcd.etcdctl("user", "get", "alice")).contains("reader").contains("writer");

    Blocking.get(auth.revokeRole("alice", "writer"));
    assertThat(Blocking.get(auth.getUser("alice"))).containsExactly("reader");
    Blocking.get(auth.changePassword("alice", "pw2"));
    Blocking.get(auth.deleteUser("bob"));
    Blocking.get(auth.deleteRole("writer"));
    assertThat(Blocking.get(auth.listUsers())).containsExactly("alice");
    assertThat(Blocking.get(auth.listRoles())).containsExactly("reader");
    assertThat(etcd.etcdctl("user", "list")).doesNotContain("bob");
  }

  @Test
  void permissionsOfEveryShapeAreGrantedReadBackAndRevoked() throws Exception {
    Blocking.get(auth.addRole("r"));
    List<Permission> granted =
        List.of(
            Permission.forKey(Type.READ, "/k"),
            Permission.forPrefix(Type.READWRITE, "/p/"),
            Permission.forRange(Type.WRITE, "/a", "/m"),
            Permission.forKeysFrom(Type.READ, "/z"));
    for (Permission p : granted) {
      Blocking.get(auth.grantPermission("r", p));
    }

    // What etcd stored, byte for byte.
    assertThat(storedPermissions("r"))
        .containsExactlyInAnyOrder("READ /k|", "READWRITE /p/|/p0", "WRITE /a|/m", "READ /z|\0");
    assertThat(Blocking.get(auth.getRole("r"))).containsExactlyInAnyOrderElementsOf(granted);

    // Granting the same range again changes its type.
    Blocking.get(auth.grantPermission("r", Permission.forKey(Type.WRITE, "/k")));
    assertThat(storedPermissions("r")).contains("WRITE /k|").doesNotContain("READ /k|");

    for (Permission p : Blocking.get(auth.getRole("r"))) {
      Blocking.get(auth.revokePermission("r", p));
    }
    assertThat(Blocking.get(auth.getRole("r"))).isEmpty();
    assertThat(storedPermissions("r")).isEmpty();
  }

  @Test
  void aNamespacedClientGrantsInsideItsNamespace() throws Exception {
    Blocking.get(auth.addRole("app"));
    try (EtcdClient namespaced =
        EtcdClient.builder().endpoints(etcd.endpoint()).namespace("/app/").build()) {
      Auth nsAuth = namespaced.auth();
      List<Permission> granted =
          List.of(
              Permission.forPrefix(Type.READ, "cfg/"),
              Permission.forKeysFrom(Type.WRITE, "x"),
              Permission.forKey(Type.READWRITE, "k"));
      for (Permission p : granted) {
        Blocking.get(nsAuth.grantPermission("app", p));
      }
      assertThat(storedPermissions("app"))
          .containsExactlyInAnyOrder(
              "READ /app/cfg/|/app/cfg0", "WRITE /app/x|/app0", "READWRITE /app/k|");
      assertThat(Blocking.get(nsAuth.getRole("app"))).containsExactlyInAnyOrderElementsOf(granted);
      Blocking.get(nsAuth.revokePermission("app", Permission.forKeysFrom(Type.READ, "x")));
      assertThat(storedPermissions("app")).doesNotContain("WRITE /app/x|/app0").hasSize(2);
    }
  }

  @Test
  void failuresNameTheUserOrRole() {
    Blocking.get(auth.addUser("alice", "pw"));
    Blocking.get(auth.addRole("r"));

    assertThatThrownBy(() -> Blocking.get(auth.addUser("alice", "pw")))
        .isExactlyInstanceOf(EtcdException.class)
        .hasMessageContaining("user 'alice' already exists");
    assertThatThrownBy(() -> Blocking.get(auth.getUser("nobody")))
        .isExactlyInstanceOf(EtcdException.class)
        .hasMessageContaining("user 'nobody' does not exist");
    assertThatThrownBy(() -> Blocking.get(auth.addRole("r")))
        .isExactlyInstanceOf(EtcdException.class)
        .hasMessageContaining("role 'r' already exists");
    assertThatThrownBy(() -> Blocking.get(auth.getRole("none")))
        .hasMessageContaining("role 'none' does not exist");
    assertThatThrownBy(() -> Blocking.get(auth.grantRole("alice", "none")))
        .hasMessageContaining("role 'none' does not exist");
    assertThatThrownBy(() -> Blocking.get(auth.revokeRole("alice", "r")))
        .hasMessageContaining("user 'alice' does not have role 'r'");
    assertThatThrownBy(
            () -> Blocking.get(auth.revokePermission("r", Permission.forKey(Type.READ, "/k"))))
        .hasMessageContaining("role 'r' has no permission on '/k'");
    assertThatThrownBy(() -> Blocking.get(auth.enable()))
        .hasMessageContaining("before user 'root' exists");
    Blocking.get(auth.addUser("root", "rootpw"));
    assertThatThrownBy(() -> Blocking.get(auth.enable()))
        .hasMessageContaining("before user 'root' has role 'root'");
    assertThat(Blocking.get(auth.status()).enabled()).isFalse();
  }

  @Test
  void statusFollowsEnableAndDisable() {
    assertThat(Blocking.get(auth.status()).enabled()).isFalse();
    Blocking.get(auth.addUser("root", "rootpw"));
    Blocking.get(auth.grantRole("root", "root"));
    Blocking.get(auth.enable());

    // Even a client without a user can tell (etcd 3.4: from how Authenticate fails).
    assertThat(Blocking.get(auth.status()).enabled()).isTrue();
    // What etcd does: an anonymous etcdctl is refused.
    assertThatThrownBy(() -> etcd.etcdctl("get", "/x")).hasMessageContaining("user name is empty");
    try (EtcdClient root =
        EtcdClient.builder().endpoints(etcd.endpoint()).user("root", "rootpw").build()) {
      assertThat(Blocking.get(root.auth().status()).enabled()).isTrue();
      assertThatThrownBy(() -> Blocking.get(root.auth().deleteUser("root")))
          .hasMessageContaining("while authentication is enabled");
      Blocking.get(root.auth().disable());
      assertThat(Blocking.get(root.auth().status()).enabled()).isFalse();
    }
    assertThat(Blocking.get(auth.status()).enabled()).isFalse();
    etcd.etcdctl("get", "/x");
  }

  @Test
  void aUserWithoutPasswordCannotLogInWithOne() {
    Blocking.get(auth.addUser("root", "rootpw"));
    Blocking.get(auth.grantRole("root", "root"));
    Blocking.get(auth.addUser("certonly"));
    Blocking.get(auth.enable());
    assertThatThrownBy(
            () ->
                EtcdClient.builder()
                    .endpoints(etcd.endpoint())
                    .user("certonly", "guess")
                    .build()
                    .close())
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("no password user");
  }

  @Test
  void argumentsAreCheckedBeforeSending() {
    assertThatThrownBy(() -> auth.addUser("", "pw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> auth.addUser("u", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("addUser(name)");
    assertThatThrownBy(() -> auth.grantRole("u", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role");
    assertThatThrownBy(() -> auth.grantPermission("r", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("permission");
  }

  /** The role's permissions as etcdctl reads them: "TYPE key|rangeEnd". */
  private List<String> storedPermissions(String role) throws Exception {
    JsonNode json = new ObjectMapper().readTree(etcd.etcdctl("-w", "json", "role", "get", role));
    List<String> perms = new ArrayList<>();
    for (JsonNode p : json.path("perm")) {
      String type = List.of("READ", "WRITE", "READWRITE").get(p.path("permType").asInt(0));
      perms.add(type + " " + decode(p.path("key")) + "|" + decode(p.path("range_end")));
    }
    return perms;
  }

  private static String decode(JsonNode base64) {
    return base64.isMissingNode() ? "" : new String(Base64.getDecoder().decode(base64.asText()));
  }
}
