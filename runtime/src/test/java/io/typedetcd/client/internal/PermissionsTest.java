package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.typedetcd.client.auth.Permission;
import io.typedetcd.client.auth.Permission.Type;
import org.junit.jupiter.api.Test;

class PermissionsTest {
  static final Namespace NS = Namespace.of("/app/");

  static ByteString b(String s) {
    return ByteString.copyFromUtf8(s);
  }

  @Test
  void factoriesComputeRangeEnds() {
    assertThat(Permission.forKey(Type.READ, "/k").rangeEnd()).isEmpty();
    assertThat(Permission.forPrefix(Type.READ, "/p/").rangeEnd()).isEqualTo("/p0");
    assertThat(Permission.forRange(Type.WRITE, "/a", "/m").rangeEnd()).isEqualTo("/m");
    assertThat(Permission.forKeysFrom(Type.READ, "/z").rangeEnd()).isEqualTo("\0");
    assertThat(Permission.forPrefix(Type.READ, "").rangeEnd()).isEqualTo("\0");
    assertThatThrownBy(() -> Permission.forRange(Type.READ, "/a", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rangeEnd");
  }

  @Test
  void withoutNamespaceKeysPassUnchangedAndEmptyKeyBecomesNul() {
    var p = Permissions.toProto(Permission.forPrefix(Type.READWRITE, "/p/"), Namespace.NONE);
    assertThat(p.getKey()).isEqualTo(b("/p/"));
    assertThat(p.getRangeEnd()).isEqualTo(b("/p0"));
    assertThat(p.getPermType()).isEqualTo(io.typedetcd.proto.authpb.Permission.Type.READWRITE);
    var all = Permissions.toProto(Permission.forPrefix(Type.READ, ""), Namespace.NONE);
    assertThat(all.getKey()).isEqualTo(b("\0"));
    assertThat(all.getRangeEnd()).isEqualTo(b("\0"));
  }

  @Test
  void namespaceIsAddedToKeyAndRangeEnd() {
    var key = Permissions.toProto(Permission.forKey(Type.READ, "k"), NS);
    assertThat(key.getKey()).isEqualTo(b("/app/k"));
    assertThat(key.getRangeEnd()).isEmpty();
    var range = Permissions.toProto(Permission.forRange(Type.WRITE, "a", "m"), NS);
    assertThat(range.getKey()).isEqualTo(b("/app/a"));
    assertThat(range.getRangeEnd()).isEqualTo(b("/app/m"));
    var from = Permissions.toProto(Permission.forKeysFrom(Type.READ, "x"), NS);
    assertThat(from.getKey()).isEqualTo(b("/app/x"));
    assertThat(from.getRangeEnd()).isEqualTo(b("/app0")); // the end of the namespace
    var all = Permissions.toProto(Permission.forPrefix(Type.READ, ""), NS);
    assertThat(all.getKey()).isEqualTo(b("/app/"));
    assertThat(all.getRangeEnd()).isEqualTo(b("/app0"));
  }

  @Test
  void readingBackStripsTheNamespace() {
    for (Permission p :
        new Permission[] {
          Permission.forKey(Type.READ, "k"),
          Permission.forPrefix(Type.READWRITE, "cfg/"),
          Permission.forRange(Type.WRITE, "a", "m"),
          Permission.forKeysFrom(Type.READ, "x"),
        }) {
      assertThat(Permissions.fromProto(Permissions.toProto(p, NS), NS)).isEqualTo(p);
      assertThat(Permissions.fromProto(Permissions.toProto(p, Namespace.NONE), Namespace.NONE))
          .isEqualTo(p);
    }
  }

  @Test
  void keysOutsideTheNamespaceAreShownAsEtcdHasThem() {
    var outside =
        io.typedetcd.proto.authpb.Permission.newBuilder()
            .setKey(b("/other/a"))
            .setRangeEnd(b("/other/b"))
            .build();
    Permission p = Permissions.fromProto(outside, NS);
    assertThat(p.key()).isEqualTo("/other/a");
    assertThat(p.rangeEnd()).isEqualTo("/other/b");
    assertThat(p.type()).isEqualTo(Type.READ);
  }

  @Test
  void toStringNamesTheRange() {
    assertThat(Permission.forKey(Type.READ, "/k")).hasToString("READ '/k'");
    assertThat(Permission.forPrefix(Type.WRITE, "/p/")).hasToString("WRITE ['/p/', '/p0')");
    assertThat(Permission.forKeysFrom(Type.READWRITE, "/z"))
        .hasToString("READWRITE ['/z', end of keys)");
  }

  @Test
  void authErrorsNameTheSubject() {
    assertThat(AuthErrors.text("etcdserver: user name already exists", "bob", null, null))
        .isEqualTo("user 'bob' already exists");
    assertThat(AuthErrors.text("etcdserver: role name not found", null, "r", null))
        .isEqualTo("role 'r' does not exist");
    assertThat(
            AuthErrors.text(
                "etcdserver: permission is not granted to the role",
                null,
                "r",
                Permission.forKey(Type.READ, "/k")))
        .isEqualTo("role 'r' has no permission on '/k'");
    assertThat(AuthErrors.text("etcdserver: something else", "bob", null, null)).isNull();
  }
}
