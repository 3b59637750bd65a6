package io.typedetcd.processor;

import static io.typedetcd.processor.Compilations.assertOnlyError;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.Compilations.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per derived-query diagnostic: exactly one error, on the method or parameter. */
class FinderDiagnosticsTest {
  static final JavaFileObject SERVER =
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

  /** A repository of Server with these members. */
  static JavaFileObject servers(String members) {
    return source(
        "app.Servers",
        """
        package app;
        import io.typedetcd.annotation.EtcdRepository;
        import io.typedetcd.repository.*;
        import java.util.*;
        import java.util.concurrent.CompletableFuture;
        import java.util.stream.Stream;
        @EtcdRepository
        public interface Servers extends CrudRepository<Server, Server.Id> {
        %s
        }
        """
            .formatted(members));
  }

  static void assertQueryError(String member, String message, String line) {
    JavaFileObject repo = servers(member);
    assertOnlyError(compile(SERVER, repo), repo, message, line);
  }

  @Test
  void finderOnAMisspelledProperty() {
    assertQueryError(
        "List<Server> findByRegoin(String region);",
        "[EtcdFinderProperty] findByRegoin: Server has no property 'regoin'; did you mean"
            + " 'region'? Finder properties must be a leading run of the @Key components (region,"
            + " id) or @Indexed",
        "findByRegoin");
  }

  @Test
  void finderOnAPropertyThatIsNotAKey() {
    assertQueryError(
        "List<Server> findByHost(String host);",
        "[EtcdFinderProperty] findByHost: property 'host' of Server is neither a @Key component"
            + " nor @Indexed, so no range read can find it; query by a leading run of the @Key"
            + " components (region, id), or mark 'host' @Indexed",
        "findByHost");
  }

  @Test
  void finderThatSkipsTheFirstKey() {
    assertQueryError(
        "Optional<Server> findById(String id);",
        "[EtcdFinderKeyOrder] findById: 'id' is @Key component 2 of Server, but a derived query"
            + " fixes the key components from the first one in order, because it reads one prefix"
            + " range; expected 'region' here",
        "findById");
  }

  @Test
  void orderByAPropertyThatIsNotTheNextKey() {
    assertQueryError(
        "List<Server> findByRegionOrderByPortDesc(String region);",
        "[EtcdFinderOrder] findByRegionOrderByPortDesc: cannot order by 'port': results come back"
            + " in key order, so only the first key component after the fixed ones ('id') can"
            + " order them; use OrderByIdDesc, or sort in memory",
        "findByRegionOrderByPortDesc");
  }

  @Test
  void missingParameter() {
    assertQueryError(
        "List<Server> findByRegion();",
        "[EtcdFinderParams] findByRegion needs 1 parameter, one per key component in its name"
            + " (region), in that order",
        "findByRegion");
  }

  @Test
  void parameterOfTheWrongType() {
    assertQueryError(
        "List<Server> findByRegion(\n      int regionNumber);",
        "[EtcdFinderParams] parameter 'regionNumber' of findByRegion has type int, but key"
            + " component 'region' is java.lang.String; declare it as java.lang.String",
        "int regionNumber");
  }

  @Test
  void unsupportedReturnType() {
    assertQueryError(
        "Set<Server> findByRegion(String region);",
        "[EtcdFinderReturn] findByRegion returns java.util.Set<app.Server>, which this query"
            + " cannot produce; return Server (null when absent), Optional<Server>, List<Server>,"
            + " or a CompletableFuture of one of them",
        "findByRegion");
  }

  @Test
  void streamInAFuture() {
    assertQueryError(
        "CompletableFuture<Stream<Server>> streamByRegion(String region);",
        "[EtcdFinderReturn] streamByRegion returns"
            + " java.util.concurrent.CompletableFuture<java.util.stream.Stream<app.Server>>, which"
            + " this query cannot produce; return Stream<Server> (close it)",
        "streamByRegion");
  }

  @Test
  void methodThatIsNotAQuery() {
    assertQueryError(
        "void rebalance(String region);",
        "[EtcdFinderName] rebalance is not a derived query; name it"
            + " findBy/streamBy/countBy/existsBy/deleteBy/watchBy",
        "rebalance");
  }

  @Test
  void limitOnACount() {
    assertQueryError(
        "long countTop3ByRegion(String region);",
        "[EtcdFinderLimit] countTop3ByRegion: First/Top only limit find and stream queries",
        "countTop3ByRegion");
  }

  @Test
  void limitOnAFullKey() {
    assertQueryError(
        "Optional<Server> findFirstByRegionAndId(String region, String id);",
        "[EtcdFinderLimit] findFirstByRegionAndId: the parameters fix every key component of"
            + " Server, so there is at most one result; remove First/Top",
        "findFirstByRegionAndId");
  }

  @Test
  void asyncSuffixOnABlockingMethod() {
    assertQueryError(
        "long countByRegionAsync(String region);",
        "[EtcdFinderReturn] countByRegionAsync ends in Async but returns long; return a"
            + " CompletableFuture of it, or drop the suffix",
        "countByRegionAsync");
  }

  @Test
  void limitOfZero() {
    assertQueryError(
        "List<Server> findTop0ByRegion(String region);",
        "[EtcdFinderLimit] findTop0ByRegion: Top0 returns nothing; use a limit of 1 or more",
        "findTop0ByRegion");
  }
}
