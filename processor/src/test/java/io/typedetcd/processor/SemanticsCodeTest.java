package io.typedetcd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every shape of the repository semantics compiles, with the generated code, without a warning:
 * default TTLs, indexes of every indexable type, index queries, pages and watches. (What they do is
 * proven against etcd by the examples' integration tests.)
 */
class SemanticsCodeTest {
  static final JavaFileObject DEVICE =
      source(
          "app.Device",
          """
          package app;
          import io.typedetcd.annotation.*;
          import java.util.UUID;
          @EtcdEntity(prefix = "/devices", ttl = "1500ms")
          public record Device(
              @Key String site,
              @Key @Indexed long serial,
              @Indexed String owner,
              @Indexed(unique = true) @org.jspecify.annotations.Nullable String mac,
              @Indexed Kind kind,
              @Indexed int rack,
              @Indexed Integer slot,
              @Indexed Long batch,
              @Indexed(unique = true) UUID uuid,
              @Version long version) {
            public enum Kind { PHONE, LAPTOP }
          }
          """);

  static final JavaFileObject DEVICES =
      source(
          "app.Devices",
          """
          package app;
          import io.typedetcd.annotation.EtcdRepository;
          import io.typedetcd.repository.*;
          import java.util.*;
          import java.util.concurrent.CompletableFuture;
          import java.util.stream.Stream;
          @EtcdRepository
          public interface Devices extends CrudRepository<Device, Device_Id> {
            List<Device> findByOwner(String owner);
            List<Device> findTop2ByOwner(String owner);
            Optional<Device> findFirstByOwner(String owner);
            Device findFirstByOwnerOrderBySite(String owner);
            CompletableFuture<List<Device>> findByOwnerAsync(String owner);
            CompletableFuture<List<Device>> findTop3ByKind(Device.Kind kind);
            CompletableFuture<Optional<Device>> findFirstByRack(int rack);
            CompletableFuture<Device> findFirstBySlot(Integer slot);
            Optional<Device> findByMac(String mac);
            Device findByUuid(UUID uuid);
            CompletableFuture<Optional<Device>> findByMacAsync(String mac);
            CompletableFuture<Device> findByUuidAsync(UUID uuid);
            List<Device> findBySerial(long serial);
            List<Device> findByBatch(Long batch);
            Stream<Device> streamByOwner(String owner);
            Stream<Device> streamTop5ByKind(Device.Kind kind);
            long countByOwner(String owner);
            CompletableFuture<Long> countByRackAsync(int rack);
            boolean existsByMac(String mac);
            CompletableFuture<Boolean> existsByOwnerAsync(String owner);
            long deleteByOwner(String owner);
            void deleteByKind(Device.Kind kind);
            CompletableFuture<Long> deleteBySlotAsync(Integer slot);
            CompletableFuture<Void> deleteByBatchAsync(Long batch);

            Page<Device> findAll(PageRequest page);
            CompletableFuture<Page<Device>> findAllAsync(PageRequest page);
            Page<Device> findBySite(String site, PageRequest page);
            Page<Device> findBySiteOrderBySerial(String site, PageRequest request);
            CompletableFuture<Page<Device>> findBySiteAsync(String site, PageRequest page);

            Subscription watchAll(EntityListener<Device, Device_Id> listener);
            Subscription watchBySite(String site, EntityListener<Device, Device_Id> listener);
            Subscription watchBySite(
                String site,
                EntityListener<Device, Device_Id> listener,
                EntityWatchOptions options);
          }
          """);

  /** A FIELDS entity with a TTL in whole minutes and an index, watched and paged. */
  static final JavaFileObject LEASE =
      source(
          "app.Lease",
          """
          package app;
          import io.typedetcd.annotation.*;
          @EtcdEntity(prefix = "/leases", layout = Layout.FIELDS, ttl = "PT2M")
          public class Lease {
            @Key public String pool;
            @Key public String name;
            @Indexed public String holder;
            public int renewals;
          }
          """);

  static final JavaFileObject LEASES =
      source(
          "app.Leases",
          """
          package app;
          import io.typedetcd.annotation.EtcdRepository;
          import io.typedetcd.repository.*;
          import java.util.List;
          @EtcdRepository
          interface Leases extends CrudRepository<Lease, Lease_Id> {
            List<Lease> findByHolder(String holder);
            Page<Lease> findByPool(String pool, PageRequest page);
            Subscription watchByPool(
                String pool, EntityListener<Lease, Lease_Id> listener, EntityWatchOptions options);
          }
          """);

  @Test
  void indexesPagesWatchesAndTtlsCompileWithoutWarnings() {
    Compilation c = compile(DEVICE, DEVICES, LEASE, LEASES);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("app.Device_Mapper")
        .contentsAsUtf8String()
        .contains("private static final Duration TTL = Duration.ofMillis(1500L);");
    assertThat(c)
        .generatedSourceFile("app.Lease_Mapper")
        .contentsAsUtf8String()
        .contains("private static final Duration TTL = Duration.ofMinutes(2);");
    assertThat(c)
        .generatedSourceFile("app.Device_Mapper")
        .contentsAsUtf8String()
        .contains("new IndexDefinition<>(\"rack\", false, e -> KeySegments.intValue(e.rack()))");
    assertThat(c)
        .generatedSourceFile("app.Devices_Impl")
        .contentsAsUtf8String()
        .contains("return index(\"mac\").findOne(KeySegments.string(mac));");
  }

  @Test
  void entityWithoutTtlOrIndexesKeepsTheDefaults() {
    Compilation c =
        compile(
            source(
                "app.Plain",
                """
                package app;
                import io.typedetcd.annotation.*;
                @EtcdEntity(prefix = "/plain")
                public record Plain(@Key String id, String value) {}
                """));
    assertThat(c).succeededWithoutWarnings();
    String mapper = "app.Plain_Mapper";
    assertThat(c).generatedSourceFile(mapper).contentsAsUtf8String().doesNotContain("defaultTtl");
    assertThat(c).generatedSourceFile(mapper).contentsAsUtf8String().doesNotContain("indexes");
  }
}
