package io.typedetcd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Realistic entities and repositories compile, with the generated code, without a single warning
 * under {@code -Xlint:all}. (What the code does is proven against etcd by the runtime's integration
 * tests.)
 */
class GeneratedCodeTest {
  static final JavaFileObject DAY_CODEC =
      source(
          "app.DayCodec",
          """
          package app;
          import io.typedetcd.codec.KeySegmentCodec;
          import java.time.LocalDate;
          public final class DayCodec implements KeySegmentCodec<LocalDate> {
            public String encode(LocalDate day) { return day.toString(); }
            public LocalDate decode(String segment) { return LocalDate.parse(segment); }
          }
          """);

  static final JavaFileObject EVERY_TYPE =
      source(
          "app.Everything",
          """
          package app;
          import io.typedetcd.annotation.*;
          import java.math.BigDecimal;
          import java.time.Instant;
          import java.time.LocalDate;
          import java.util.*;
          @EtcdEntity(prefix = "/everything")
          public record Everything(
              @Key Kind kind,
              @Key UUID uuid,
              @Key int shard,
              @Key Long sequence,
              @Key(codec = DayCodec.class) LocalDate day,
              String text,
              boolean flag,
              Boolean maybe,
              byte b,
              Byte boxedByte,
              short s,
              Short boxedShort,
              int i,
              Integer boxedInt,
              long l,
              Long boxedLong,
              float f,
              Float boxedFloat,
              double d,
              Double boxedDouble,
              char c,
              Character boxedChar,
              Kind other,
              BigDecimal amount,
              Instant at,
              List<String> tags,
              Map<String, List<Integer>> nested,
              int[] numbers,
              @Name("renamed") String original,
              @Transient String cached,
              @Indexed String indexed,
              @Version long version) {
            public enum Kind { A, B }
          }
          """);

  static final JavaFileObject EVERY_TYPE_FIELDS =
      source(
          "app.Settings",
          """
          package app;
          import io.typedetcd.annotation.*;
          import java.time.Duration;
          import java.util.List;
          @EtcdEntity(prefix = "/settings", layout = Layout.FIELDS)
          public record Settings(
              @Key String app,
              String text,
              boolean flag,
              Boolean maybe,
              byte b,
              short s,
              int i,
              long l,
              float f,
              double d,
              char c,
              Character boxedChar,
              Everything.Kind kind,
              Duration timeout,
              List<String> hosts,
              @Name("max-connections") int maxConnections,
              @Transient int cached,
              @Version long version) {}
          """);

  static final JavaFileObject EVERY_QUERY =
      source(
          "app.EverythingRepository",
          """
          package app;
          import io.typedetcd.annotation.EtcdRepository;
          import io.typedetcd.repository.CrudRepository;
          import java.time.LocalDate;
          import java.util.*;
          import java.util.concurrent.CompletableFuture;
          import java.util.stream.Stream;
          @EtcdRepository
          public interface EverythingRepository extends CrudRepository<Everything, Everything_Id> {
            List<Everything> findByKind(Everything.Kind kind);
            List<Everything> findAllOrderByKindDesc();
            CompletableFuture<List<Everything>> findAllByKindAsync(Everything.Kind kind);
            List<Everything> findTop3ByOrderByKindDesc();
            CompletableFuture<Long> countByKindAsync(Everything.Kind kind);
            CompletableFuture<List<Everything>> findByKindAndUuid(Everything.Kind kind, UUID uuid);
            List<Everything> findTop10ByKindAndUuidAndShardOrderBySequenceDesc(
                Everything.Kind kind, UUID uuid, int shard);
            Optional<Everything> findFirstByKind(Everything.Kind kind);
            Everything findFirstByKindOrderByUuidDesc(Everything.Kind kind);
            CompletableFuture<Optional<Everything>> findFirstByKindAndUuid(
                Everything.Kind kind, UUID uuid);
            CompletableFuture<Everything> findTop1ByKindAndUuidAndShard(
                Everything.Kind kind, UUID uuid, Integer shard);
            Optional<Everything> findByKindAndUuidAndShardAndSequence(
                Everything.Kind kind, UUID uuid, int shard, long sequence);
            CompletableFuture<Everything> findByKindAndUuidAndShard(
                Everything.Kind kind, UUID uuid, int shard);
            Everything findByKindAndUuidAndShardAndSequenceAndDay(
                Everything.Kind kind, UUID uuid, int shard, Long sequence, LocalDate day);
            Stream<Everything> streamByKind(Everything.Kind kind);
            Stream<Everything> streamTop5ByKindOrderByUuidDesc(Everything.Kind kind);
            Stream<Everything> streamAllOrderByKindDesc();
            long countByKind(Everything.Kind kind);
            Long countAll();
            CompletableFuture<Long> countByKindAndUuid(Everything.Kind kind, UUID uuid);
            long countByKindAndUuidAndShardAndSequenceAndDay(
                Everything.Kind kind, UUID uuid, int shard, long sequence, LocalDate day);
            boolean existsByKind(Everything.Kind kind);
            CompletableFuture<Boolean> existsByKindAndUuidAndShardAndSequenceAndDay(
                Everything.Kind kind, UUID uuid, int shard, long sequence, LocalDate day);
            long deleteByKind(Everything.Kind kind);
            void deleteByKindAndUuid(Everything.Kind kind, UUID uuid);
            CompletableFuture<Void> deleteByKindAndUuidAndShard(
                Everything.Kind kind, UUID uuid, int shard);
            boolean deleteByKindAndUuidAndShardAndSequenceAndDay(
                Everything.Kind kind, UUID uuid, int shard, long sequence, LocalDate day);
          }
          """);

  @Test
  void everyPropertyTypeAndQueryShapeCompilesWithoutWarnings() {
    Compilation c = compile(DAY_CODEC, EVERY_TYPE, EVERY_TYPE_FIELDS, EVERY_QUERY);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void classesOfEveryShapeCompileWithoutWarnings() {
    Compilation c =
        compile(
            source(
                "app.Bean",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/beans")
                public class Bean {
                  @Key private String id;
                  private boolean active;
                  @Version private long version;
                  private transient String cache;
                  public Bean() {}
                  public String getId() { return id; }
                  public void setId(String id) { this.id = id; }
                  public boolean isActive() { return active; }
                  public void setActive(boolean active) { this.active = active; }
                  public long getVersion() { return version; }
                  public void setVersion(long version) { this.version = version; }
                }
                """),
            source(
                "app.Fields",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/fields", layout = Layout.FIELDS)
                public class Fields {
                  @Key public int id;
                  public String name;
                  @Version public long version;
                }
                """),
            source(
                "app.Immutable",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/immutable")
                public final class Immutable {
                  @Key private final String region;
                  @Key private final String id;
                  private final int size;
                  @Version private final long version;
                  @Transient private int hits;
                  public Immutable(String region, String id, int size, long version) {
                    this.region = region;
                    this.id = id;
                    this.size = size;
                    this.version = version;
                  }
                  public String region() { return region; }
                  public String getId() { return id; }
                  public int getSize() { return size; }
                  public long getVersion() { return version; }
                  public int hits() { return hits; }
                }
                """),
            source(
                "app.Sub",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/subs")
                public class Sub extends Base {
                  public String extra;
                }
                """),
            source(
                "app.Base",
                """
                package app;
                import io.typedetcd.annotation.*;
                public class Base {
                  @Key public String id;
                }
                """),
            source(
                "app.Beans",
                """
                package app;
                import io.typedetcd.annotation.EtcdRepository;
                import io.typedetcd.repository.CrudRepository;
                import java.util.List;
                @EtcdRepository
                interface Beans extends CrudRepository<Bean, String> {
                  List<Bean> findAllOrderByIdDesc();
                }
                """),
            source(
                "app.Immutables",
                """
                package app;
                import io.typedetcd.annotation.EtcdRepository;
                import io.typedetcd.repository.CrudRepository;
                import java.util.List;
                @EtcdRepository
                public interface Immutables extends CrudRepository<Immutable, Immutable_Id> {
                  List<Immutable> findByRegion(String region);
                }
                """));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("app.Immutable_Mapper")
        .contentsAsUtf8String()
        .contains(
            "return new Immutable(entity.region(), entity.getId(), entity.getSize(), version);");
    assertThat(c)
        .generatedSourceFile("app.Bean_Mapper")
        .contentsAsUtf8String()
        .contains("entity.setVersion(version);");
  }
}
