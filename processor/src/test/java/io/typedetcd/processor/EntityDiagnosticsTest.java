package io.typedetcd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.typedetcd.processor.Compilations.assertOnlyError;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per entity diagnostic: exactly one error, on the element that explains it. */
class EntityDiagnosticsTest {
  @Test
  void entityWithoutKey() {
    JavaFileObject src =
        source(
            "app.User",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/users")
            public record User(String name, int age) {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdNoKey] User has no @Key property; mark the property",
        "record User");
  }

  @Test
  void keyOfUnsupportedType() {
    JavaFileObject src =
        source(
            "app.Event",
            """
            package app;
            import io.typedetcd.annotation.*;
            import java.time.LocalDate;
            @EtcdEntity(prefix = "/events")
            public record Event(
                @Key LocalDate day,
                String title) {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdKeyType] key property 'day' of Event has type java.time.LocalDate, which has no key"
            + " encoding; use String, UUID, int, long (or their boxes) or an enum, or name a"
            + " KeySegmentCodec with @Key(codec = ...)",
        "@Key LocalDate day");
  }

  @Test
  void keyCodecForAnotherType() {
    JavaFileObject codec =
        source(
            "app.Upper",
            """
            package app;
            import io.typedetcd.codec.KeySegmentCodec;
            public final class Upper implements KeySegmentCodec<String> {
              public String encode(String v) { return v.toUpperCase(); }
              public String decode(String s) { return s.toLowerCase(); }
            }
            """);
    JavaFileObject src =
        source(
            "app.Event",
            """
            package app;
            import io.typedetcd.annotation.*;
            import java.time.LocalDate;
            @EtcdEntity(prefix = "/events")
            public record Event(
                @Key(codec = Upper.class) LocalDate day,
                String title) {}
            """);
    assertOnlyError(
        compile(codec, src),
        src,
        "[EtcdKeyCodec] codec Upper of key property 'day' of Event encodes java.lang.String, not"
            + " java.time.LocalDate",
        "codec = Upper.class");
  }

  @Test
  void versionNotLong() {
    JavaFileObject src =
        source(
            "app.Stock",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/stock")
            public record Stock(
                @Key String sku,
                int count,
                @Version int version) {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdVersionType] @Version property 'version' of Stock has type int; a version is etcd's"
            + " mod_revision, declare it as long",
        "@Version int version");
  }

  @Test
  void twoVersions() {
    JavaFileObject src =
        source(
            "app.Stock",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/stock")
            public record Stock(
                @Key String sku,
                @Version long version,
                @Version long revision) {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdVersionTwice] Stock has a second @Version property 'revision' (the first is"
            + " 'version')",
        "@Version long revision");
  }

  @Test
  void keyThatIsAlsoTransient() {
    JavaFileObject src =
        source(
            "app.Stock",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/stock")
            public record Stock(
                @Key @Transient String sku,
                int count) {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdAnnotationConflict] property 'sku' of Stock is both @Key and @Transient",
        "@Key @Transient String sku");
  }

  @Test
  void classPropertyWithoutReadAccess() {
    JavaFileObject src =
        source(
            "app.Order",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/orders")
            public class Order {
              @Key public String id;
              private double total;
              public Order() {}
              public void setTotal(double total) { this.total = total; }
            }
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdEntityShape] property 'total' of Order cannot be read without reflection; make the"
            + " field non-private or add a getter getTotal()",
        "private double total");
  }

  @Test
  void classWithoutUsableConstructor() {
    JavaFileObject src =
        source(
            "app.Order",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/orders")
            public class Order {
              @Key private final String id;
              private final double total;
              public Order(String orderId, double amount) { this.id = orderId; this.total = amount; }
              public String getId() { return id; }
              public double getTotal() { return total; }
            }
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdEntityShape] Order cannot be created without reflection: it has no non-private"
            + " no-argument constructor and no non-private constructor whose parameters are named"
            + " after its properties (id, total); supported shapes are a record;",
        "public class Order");
  }

  @Test
  void classWithSettersMissing() {
    JavaFileObject src =
        source(
            "app.Order",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/orders")
            public class Order {
              @Key private String id;
              private double total;
              public Order() {}
              public String getId() { return id; }
              public void setId(String id) { this.id = id; }
              public double getTotal() { return total; }
            }
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdEntityShape] Order cannot be created without reflection: property 'total' has no"
            + " setter setTotal(..) and no non-final non-private field",
        "public class Order");
  }

  @Test
  void interfaceAsEntity() {
    JavaFileObject src =
        source(
            "app.Named",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/named")
            public interface Named {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdEntityKind] @EtcdEntity Named is an interface; annotate a record or a concrete class",
        "interface Named");
  }

  @Test
  void genericEntity() {
    JavaFileObject src =
        source(
            "app.Box",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/boxes")
            public record Box<T>(@Key String id, T content) {}
            """);
    assertOnlyError(
        compile(src), src, "[EtcdEntityGeneric] @EtcdEntity Box has type parameters", "record Box");
  }

  @Test
  void innerClassEntity() {
    JavaFileObject src =
        source(
            "app.Shop",
            """
            package app;
            import io.typedetcd.annotation.*;
            public class Shop {
              @EtcdEntity(prefix = "/items")
              public class Item {
                @Key public String id;
              }
            }
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdEntityAccess] @EtcdEntity Shop.Item is an inner class; make it static",
        "public class Item");
  }

  @ParameterizedTest
  @CsvSource({
    "'', is empty",
    "users, is relative",
    "/users//admins, contains an empty segment ('//')",
    "/users/, ends with '/'",
  })
  void invalidPrefix(String prefix, String problem) {
    JavaFileObject src =
        source(
            "app.User",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(
                prefix = "%s")
            public record User(@Key String name) {}
            """
                .formatted(prefix));
    assertOnlyError(
        compile(src),
        src,
        "[EtcdPrefix] prefix '" + prefix + "' of User " + problem,
        "prefix = \"" + prefix + "\"");
  }

  @Test
  void invalidTtl() {
    JavaFileObject src =
        source(
            "app.Session",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/sessions",
                ttl = "ten seconds")
            public record Session(@Key String id) {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdTtl] ttl 'ten seconds' of Session is not a positive duration",
        "ttl = \"ten seconds\"");
  }

  @Test
  void overlappingPrefixes() {
    JavaFileObject users =
        source(
            "app.User",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/users")
            public record User(@Key String name) {}
            """);
    JavaFileObject admins =
        source(
            "app.Admin",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/users/admins")
            public record Admin(@Key String name) {}
            """);
    assertOnlyError(
        compile(users, admins),
        admins,
        "[EtcdPrefixOverlap] prefix '/users/admins' of Admin lies inside prefix '/users' of User,"
            + " so a range read of User would return Admin's keys",
        "prefix = \"/users/admins\"");
  }

  @Test
  void siblingPrefixesThatShareTextDoNotOverlap() {
    Compilation c =
        compile(
            source(
                "app.User",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/users")
                public record User(@Key String name) {}
                """),
            source(
                "app.User2",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/users2")
                public record User2(@Key String name) {}
                """));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void duplicateStoredName() {
    JavaFileObject src =
        source(
            "app.Server",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/servers")
            public record Server(
                @Key String id,
                String host,
                @Name("host") String hostname) {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdNameDuplicate] property 'hostname' of Server is stored as 'host', like property"
            + " 'host'; stored names must be unique, rename one with @Name",
        "@Name(\"host\") String hostname");
  }

  @Test
  void slashInFieldsLayoutName() {
    JavaFileObject src =
        source(
            "app.Config",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/config", layout = Layout.FIELDS)
            public record Config(
                @Key String app,
                @Name("limits/max") int max) {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdNameValue] @Name(\"limits/max\") of property 'max' of Config contains '/'",
        "@Name(\"limits/max\")");
  }

  @Test
  void declaredIdRecordThatDoesNotMatchTheKeys() {
    JavaFileObject src =
        source(
            "app.Server",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/servers")
            public record Server(@Key String region, @Key String id, String host) {
              public record Id(String region, long id) {}
            }
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdIdType] Server.Id has component 2 'id' of type long, but key 2 'id' is"
            + " java.lang.String; the id record of Server must have one component per @Key, in key"
            + " order and of the key's type: record Id(java.lang.String region, java.lang.String"
            + " id)",
        "public record Id");
  }

  @Test
  void runtimeMissingFromClasspath() {
    JavaFileObject src =
        source(
            "app.User",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/users")
            public record User(@Key String name) {}
            """);
    Compilation c =
        Compilations.compileWithout(
            java.util.List.of("typed-etcd-runtime", "runtime/target/classes"), src);
    assertOnlyError(
        c,
        src,
        "[EtcdRuntimeMissing] User: io.typedetcd:typed-etcd-runtime is not on the compile"
            + " classpath",
        "record User");
  }
}
