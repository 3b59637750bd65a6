package io.typedetcd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The shape of generated code, compared with a few golden files under {@code
 * src/test/resources/goldens/GoldenFilesTest/<method>/<type>.java}. After an intended change to the
 * output, run with {@code -Dgoldens.update=true} and review the diff.
 */
class GoldenFilesTest {
  private static final Path GOLDENS = Paths.get("src/test/resources/goldens/GoldenFilesTest");

  private static final JavaFileObject SERVICE =
      source(
          "registry.ServiceInstance",
          """
          package registry;
          import io.typedetcd.annotation.*;
          import java.time.Instant;
          import java.util.Map;
          @EtcdEntity(prefix = "/registry/services", ttl = "30s")
          public record ServiceInstance(
              @Key String region,
              @Key String id,
              @Indexed(unique = true) String host,
              int port,
              Boolean healthy,
              Map<String, String> labels,
              @Name("registered-at") Instant registeredAt,
              @Version long version) {}
          """);

  private static final JavaFileObject REPOSITORY =
      source(
          "registry.ServiceRepository",
          """
          package registry;
          import io.typedetcd.annotation.EtcdRepository;
          import io.typedetcd.repository.CrudRepository;
          import io.typedetcd.repository.EntityListener;
          import io.typedetcd.repository.EntityWatchOptions;
          import io.typedetcd.repository.Page;
          import io.typedetcd.repository.PageRequest;
          import io.typedetcd.repository.Subscription;
          import java.util.List;
          import java.util.Optional;
          import java.util.concurrent.CompletableFuture;
          import java.util.stream.Stream;
          @EtcdRepository
          public interface ServiceRepository
              extends CrudRepository<ServiceInstance, ServiceInstance_Id> {
            List<ServiceInstance> findByRegion(String region);
            Optional<ServiceInstance> findFirstByRegionOrderByIdDesc(String region);
            Stream<ServiceInstance> streamByRegion(String region);
            CompletableFuture<Long> countByRegion(String region);
            boolean existsByRegionAndId(String region, String id);
            long deleteByRegion(String region);
            Optional<ServiceInstance> findByHost(String host);
            Page<ServiceInstance> findByRegion(String region, PageRequest page);
            Page<ServiceInstance> findByRegionOrderByIdDesc(String region, PageRequest page);
            Subscription watchByRegion(
                String region, EntityListener<ServiceInstance, ServiceInstance_Id> listener);
            Subscription watchByRegionAndId(
                String region,
                String id,
                EntityListener<ServiceInstance, ServiceInstance_Id> listener,
                EntityWatchOptions options);
          }
          """);

  private static final JavaFileObject CONFIG =
      source(
          "config.AppConfig",
          """
          package config;
          import io.typedetcd.annotation.*;
          import java.util.List;
          public class AppConfig {
            @EtcdEntity(prefix = "/config/apps", layout = Layout.FIELDS)
            public static class Limits {
              @Key private String app;
              @Name("max-connections") private int maxConnections;
              private boolean maintenance;
              private @org.jspecify.annotations.Nullable String motd;
              private List<String> admins;
              public Limits() {}
              public String getApp() { return app; }
              public void setApp(String app) { this.app = app; }
              public int getMaxConnections() { return maxConnections; }
              public void setMaxConnections(int n) { this.maxConnections = n; }
              public boolean isMaintenance() { return maintenance; }
              public void setMaintenance(boolean maintenance) { this.maintenance = maintenance; }
              public String getMotd() { return motd; }
              public void setMotd(String motd) { this.motd = motd; }
              public List<String> getAdmins() { return admins; }
              public void setAdmins(List<String> admins) { this.admins = admins; }
            }
          }
          """);

  @Test
  void documentMapper(TestInfo test) {
    Compilation c = compile(SERVICE, REPOSITORY);
    assertThat(c).succeededWithoutWarnings();
    assertGolden(c, test, "registry.ServiceInstance_Mapper");
    assertGolden(c, test, "registry.ServiceInstance_Id");
  }

  @Test
  void repository(TestInfo test) {
    Compilation c = compile(SERVICE, REPOSITORY);
    assertThat(c).succeededWithoutWarnings();
    assertGolden(c, test, "registry.ServiceRepository_Impl");
  }

  @Test
  void fieldsMapper(TestInfo test) {
    Compilation c = compile(CONFIG);
    assertThat(c).succeededWithoutWarnings();
    assertGolden(c, test, "config.AppConfig_Limits_Mapper");
  }

  private static void assertGolden(Compilation c, TestInfo test, String type) {
    String actual = generated(c, type);
    Path golden =
        GOLDENS.resolve(test.getTestMethod().orElseThrow().getName()).resolve(type + ".java");
    try {
      if (Boolean.getBoolean("goldens.update")) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot read golden file " + golden, e);
    }
  }

  private static String generated(Compilation c, String type) {
    JavaFileObject file =
        c.generatedSourceFile(type).orElseThrow(() -> new AssertionError("no " + type));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
