package io.typedetcd.processor;

import static io.typedetcd.processor.Compilations.assertOnlyError;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics of @EtcdRepository interfaces as a whole: kind, supertype, entity and ID type. */
class RepositoryTypeDiagnosticsTest {
  private static final JavaFileObject SERVER =
      source(
          "app.Server",
          """
          package app;
          import io.typedetcd.annotation.*;
          @EtcdEntity(prefix = "/servers")
          public record Server(
              @Key String region,
              @Key String id,
              String host,
              int port,
              @Indexed String zone,
              @Version long version) {
            public record Id(String region, String id) {}
          }
          """);

  @Test
  void classAsRepository() {
    JavaFileObject repo =
        source(
            "app.Servers",
            """
            package app;
            import io.typedetcd.annotation.EtcdRepository;
            @EtcdRepository
            public abstract class Servers {}
            """);
    assertOnlyError(
        compile(SERVER, repo),
        repo,
        "[EtcdRepositoryKind] @EtcdRepository Servers is not an interface",
        "abstract class Servers");
  }

  @Test
  void repositoryWithoutCrudRepository() {
    JavaFileObject repo =
        source(
            "app.Servers",
            """
            package app;
            import io.typedetcd.annotation.EtcdRepository;
            @EtcdRepository
            public interface Servers {}
            """);
    assertOnlyError(
        compile(SERVER, repo),
        repo,
        "[EtcdRepositoryType] @EtcdRepository Servers does not extend CrudRepository<Entity, Id>",
        "interface Servers");
  }

  @Test
  void repositoryOfSomethingThatIsNotAnEntity() {
    JavaFileObject repo =
        source(
            "app.Names",
            """
            package app;
            import io.typedetcd.annotation.EtcdRepository;
            import io.typedetcd.repository.CrudRepository;
            @EtcdRepository
            public interface Names extends CrudRepository<String, String> {}
            """);
    assertOnlyError(
        compile(repo),
        repo,
        "[EtcdRepositoryEntity] the entity type argument java.lang.String of Names is not an"
            + " @EtcdEntity",
        "interface Names");
  }

  @Test
  void idTypeThatDoesNotMatchTheKeys() {
    JavaFileObject repo =
        source(
            "app.Servers",
            """
            package app;
            import io.typedetcd.annotation.EtcdRepository;
            import io.typedetcd.repository.CrudRepository;
            @EtcdRepository
            public interface Servers extends CrudRepository<Server, String> {}
            """);
    assertOnlyError(
        compile(SERVER, repo),
        repo,
        "[EtcdIdType] the ID type argument java.lang.String of Servers does not match Server's"
            + " key; use app.Server.Id (record of its @Key components region, id)",
        "interface Servers");
  }

  @Test
  void idTypeOfASingleKey() {
    JavaFileObject user =
        source(
            "app.User",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/users")
            public record User(@Key long number, String name) {}
            """);
    JavaFileObject repo =
        source(
            "app.Users",
            """
            package app;
            import io.typedetcd.annotation.EtcdRepository;
            import io.typedetcd.repository.CrudRepository;
            @EtcdRepository
            public interface Users extends CrudRepository<User, String> {}
            """);
    assertOnlyError(
        compile(user, repo),
        repo,
        "[EtcdIdType] the ID type argument java.lang.String of Users does not match User's key;"
            + " use java.lang.Long (the type of its @Key 'number')",
        "interface Users");
  }

  @Test
  void genericRepository() {
    JavaFileObject repo =
        source(
            "app.Servers",
            """
            package app;
            import io.typedetcd.annotation.EtcdRepository;
            import io.typedetcd.repository.CrudRepository;
            @EtcdRepository
            public interface Servers<T> extends CrudRepository<Server, Server.Id> {}
            """);
    assertOnlyError(
        compile(SERVER, repo),
        repo,
        "[EtcdRepositoryGeneric] @EtcdRepository Servers has type parameters",
        "interface Servers");
  }

  @Test
  void privateRepository() {
    JavaFileObject repo =
        source(
            "app.Registry",
            """
            package app;
            import io.typedetcd.annotation.EtcdRepository;
            import io.typedetcd.repository.CrudRepository;
            public class Registry {
              @EtcdRepository
              private interface Servers extends CrudRepository<Server, Server.Id> {}
            }
            """);
    assertOnlyError(
        compile(SERVER, repo),
        repo,
        "[EtcdRepositoryAccess] @EtcdRepository Registry.Servers is private",
        "private interface Servers");
  }

  @Test
  void anInvalidEntityIsNotReportedAgainThroughItsRepository() {
    JavaFileObject user =
        source(
            "app.User",
            """
            package app;
            import io.typedetcd.annotation.*;
            @EtcdEntity(prefix = "/users")
            public record User(String name) {}
            """);
    JavaFileObject users =
        source(
            "app.Users",
            """
            package app;
            import io.typedetcd.annotation.EtcdRepository;
            import io.typedetcd.repository.CrudRepository;
            import java.util.List;
            @EtcdRepository
            public interface Users extends CrudRepository<User, String> {
              List<User> findByName(String name);
            }
            """);
    assertOnlyError(
        compile(user, users), user, "[EtcdNoKey] User has no @Key property", "record User");
  }
}
