package io.typedetcd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import org.junit.jupiter.api.Test;

/**
 * Names that could clash with what the generated code declares or imports: they only need to
 * compile (without warnings).
 */
class CompileOnlyFixturesTest {
  @Test
  void propertiesNamedLikeGeneratedLocalsAndMembers() {
    assertThat(
            compile(
                source(
                    "names.Clash",
                    """
                    package names;
                    import io.typedetcd.annotation.*;
                    import java.util.List;
                    @EtcdEntity(prefix = "/clash")
                    public record Clash(
                        @Key String key,
                        @Key long id,
                        String value,
                        int entity,
                        String field,
                        String parser,
                        String token,
                        String generator,
                        String writer,
                        String segments,
                        String e,
                        String fields,
                        String prefix,
                        String mapper,
                        String client,
                        String found,
                        String problem,
                        String modRevision,
                        List<String> INSTANCE,
                        List<String> ROOT,
                        String keyText,
                        String record,
                        String var,
                        long version,
                        @Version long revision) {}
                    """),
                source(
                    "names.Clashes",
                    """
                    package names;
                    import io.typedetcd.annotation.EtcdRepository;
                    import io.typedetcd.repository.CrudRepository;
                    import java.util.List;
                    import java.util.Optional;
                    import java.util.concurrent.CompletableFuture;
                    @EtcdRepository
                    public interface Clashes extends CrudRepository<Clash, Clash_Id> {
                      List<Clash> findByKey(String prefix);
                      CompletableFuture<Clash> findFirstByKey(String found);
                      Optional<Clash> findByKeyAndId(String mapper, long client);
                      CompletableFuture<Long> deleteByKeyAndId(String deleted, long prefix);
                      CompletableFuture<Void> deleteByKey(String deleted);
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void fieldsLayoutPropertiesNamedLikeGeneratedLocals() {
    assertThat(
            compile(
                source(
                    "names.FieldClash",
                    """
                    package names;
                    import io.typedetcd.annotation.*;
                    import java.util.List;
                    @EtcdEntity(prefix = "/field-clash", layout = Layout.FIELDS)
                    public record FieldClash(
                        @Key String id,
                        int fields,
                        String version,
                        boolean e,
                        List<String> idText,
                        char key,
                        String entity) {}
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void typesNamedLikeImportedTypes() {
    assertThat(
            compile(
                source(
                    "names.Json",
                    """
                    package names;
                    import io.typedetcd.annotation.*;
                    @EtcdEntity(prefix = "/json")
                    public record Json(@Key String id, List list, Map map, KeyPath path) {}
                    """),
                source("names.List", "package names; public record List(String x) {}"),
                source("names.Map", "package names; public record Map(String y) {}"),
                source("names.KeyPath", "package names; public record KeyPath(String z) {}"),
                source(
                    "names.Layout",
                    """
                    package names;
                    import io.typedetcd.annotation.*;
                    @EtcdEntity(prefix = "/layout", layout = io.typedetcd.annotation.Layout.FIELDS)
                    public record Layout(@Key String id, List list, String ByteString) {}
                    """),
                source(
                    "names.Optional",
                    """
                    package names;
                    import io.typedetcd.annotation.EtcdRepository;
                    import io.typedetcd.repository.CrudRepository;
                    @EtcdRepository
                    public interface Optional extends CrudRepository<Json, String> {
                      java.util.Optional<Json> findById(String id);
                      java.util.List<Json> findAllOrderByIdDesc();
                    }
                    """)))
        .succeededWithoutWarnings();
  }

  @Test
  void nestedEntitiesAndRepositories() {
    assertThat(
            compile(
                source(
                    "names.Outer",
                    """
                    package names;
                    import io.typedetcd.annotation.*;
                    import io.typedetcd.repository.CrudRepository;
                    import java.util.List;
                    public class Outer {
                      public static class Middle {
                        @EtcdEntity(prefix = "/outer/inner")
                        public record Inner(@Key Kind kind, @Key int n, Inner child) {
                          public enum Kind { X, Y }
                          public record Id(Kind kind, Integer n) {}
                        }
                        @EtcdEntity(prefix = "/outer/other")
                        static final class Hidden {
                          @Key String name;
                          int size;
                        }
                      }
                      @EtcdRepository
                      public interface Inners extends CrudRepository<Middle.Inner, Middle.Inner.Id> {
                        List<Middle.Inner> findByKind(Middle.Inner.Kind kind);
                      }
                      @EtcdRepository
                      interface Hiddens extends CrudRepository<Middle.Hidden, String> {}
                    }
                    """)))
        .succeededWithoutWarnings();
  }
}
