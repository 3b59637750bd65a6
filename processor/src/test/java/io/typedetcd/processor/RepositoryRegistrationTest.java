package io.typedetcd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** How generated repositories are found: ServiceLoader registration and injectable constructors. */
class RepositoryRegistrationTest {
  @Test
  void constructorIsInjectableWhenInjectIsOnTheClasspath() {
    Compilation c = compile(RepositoryFixtures.SERVER, RepositoryFixtures.SERVERS);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("app.Servers_Impl")
        .contentsAsUtf8String()
        .contains("  @Inject\n  @javax.inject.Inject\n  public Servers_Impl(EtcdClient client) {");
  }

  @Test
  void constructorIsPlainWithoutInject() {
    Compilation c =
        Compilations.compileWithout(
            List.of("jakarta.inject", "javax.inject", "javax/inject"),
            RepositoryFixtures.SERVER,
            RepositoryFixtures.SERVERS);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("app.Servers_Impl")
        .contentsAsUtf8String()
        .doesNotContain("Inject");
  }

  @Test
  void everyRepositoryIsRegisteredForServiceLoader() {
    Compilation c =
        compile(
            RepositoryFixtures.SERVER,
            RepositoryFixtures.SERVERS,
            source(
                "app.admin.Registry",
                """
                package app.admin;
                import app.Server;
                import io.typedetcd.annotation.EtcdRepository;
                import io.typedetcd.repository.CrudRepository;
                public class Registry {
                  @EtcdRepository
                  public interface Everything extends CrudRepository<Server, Server.Id> {}
                }
                """));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedFile(StandardLocation.CLASS_OUTPUT, ServicesFile.PATH)
        .contentsAsUtf8String()
        .isEqualTo("app.Servers_Impl$Provider\napp.admin.Registry_Everything_Impl$Provider\n");
  }
}
