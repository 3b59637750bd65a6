package io.typedetcd.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.typedetcd.processor.Compilations.compile;
import static io.typedetcd.processor.FinderDiagnosticsTest.SERVER;
import static io.typedetcd.processor.FinderDiagnosticsTest.servers;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The runtime calls that pages of an index, descending pages and watches of one entity compile to,
 * on {@link FinderDiagnosticsTest#SERVER} (keys region, id; {@code @Indexed} zone).
 */
class PageWatchCodeTest {
  /** Compiles the repository with these members, without warnings; asserts its code has these. */
  private static void assertGenerates(String members, String... lines) {
    Compilation c = compile(SERVER, servers(members));
    assertThat(c).succeededWithoutWarnings();
    for (String line : lines) {
      assertThat(c).generatedSourceFile("app.Servers_Impl").contentsAsUtf8String().contains(line);
    }
  }

  @Test
  void aPageOfAnIndexedPropertyReadsThroughItsIndex() {
    assertGenerates(
        "Page<Server> findByZone(String zone, PageRequest page);\n"
            + "  CompletableFuture<Page<Server>> findByZoneAsync(String zone, PageRequest p);",
        "return index(\"zone\").findPage(KeySegments.string(zone), page);",
        "return index(\"zone\").findPageAsync(KeySegments.string(zone), p);");
  }

  @Test
  void aDescendingPageReadsItsPrefixBackwards() {
    assertGenerates(
        "Page<Server> findByRegionOrderByIdDesc(String region, PageRequest page);\n"
            + "  CompletableFuture<Page<Server>> findAllOrderByRegionDesc(PageRequest page);\n"
            + "  Page<Server> findByRegionOrderByIdAsc(String region, PageRequest page);",
        "return findPageByPrefix(prefix, page, true);",
        "return findPageByPrefixAsync(prefix, page, true);",
        "return findPageByPrefix(prefix, page);");
  }

  @Test
  void aWatchOfEveryKeyComponentWatchesThatOneEntity() {
    assertGenerates(
        "Subscription watchByRegionAndId(\n"
            + "      String region, String id, EntityListener<Server, Server.Id> listener);\n"
            + "  Subscription watchByRegionAndId(String region, String id,\n"
            + "      EntityListener<Server, Server.Id> listener, EntityWatchOptions options);",
        "return watchEntity(new Server.Id(region, id), listener, EntityWatchOptions.DEFAULT);",
        "return watchEntity(new Server.Id(region, id), listener, options);");
  }
}
