package io.typedetcd.processor;

import static io.typedetcd.processor.Compilations.assertOnlyError;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic on entity properties: exactly one error, on the element that explains it.
 */
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
  void indexOfUnsupportedType() {
    JavaFileObject src =
        source(
            "app.Parcel",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/parcels")
            public record Parcel(
                @Key String id,
                @Indexed double weight) {}
            """);
    assertOnlyError(
        compile(src),
        src,
        "[EtcdIndexType] @Indexed property 'weight' of Parcel has type double, which has no index"
            + " key encoding; index a String, UUID, int, long (or their boxes) or an enum property,"
            + " or remove @Indexed",
        "@Indexed double weight");
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
