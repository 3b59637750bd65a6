package io.typedetcd.processor;

import static io.typedetcd.processor.FinderDiagnosticsTest.assertQueryError;

import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic of page ({@code PageRequest}) and watch ({@code EntityListener}) queries
 * on {@link FinderDiagnosticsTest#SERVER}: exactly one error, on the method or parameter.
 */
class PageWatchDiagnosticsTest {
  @Test
  void pageOfAFullKey() {
    assertQueryError(
        "Page<Server> findByRegionAndId(String region, String id, PageRequest page);",
        "[EtcdFinderParams] findByRegionAndId: the parameters fix every key component of Server,"
            + " so there is one entity at most to page; page by fewer key components, or use"
            + " findById",
        "findByRegionAndId");
  }

  @Test
  void watchOfAFullKeyOrderedBy() {
    assertQueryError(
        "Subscription watchByRegionAndIdOrderByIdDesc(\n"
            + "      String region, String id, EntityListener<Server, Server.Id> listener);",
        "[EtcdFinderOrder] watchByRegionAndIdOrderByIdDesc: cannot order by 'id': only find and"
            + " stream queries return entities in an order",
        "Subscription watchByRegionAndIdOrderByIdDesc");
  }

  @Test
  void pageWithALimit() {
    assertQueryError(
        "Page<Server> findTop3ByRegion(String region, PageRequest page);",
        "[EtcdFinderLimit] findTop3ByRegion: a page's size comes from its PageRequest; remove"
            + " First/Top",
        "findTop3ByRegion");
  }

  @Test
  void pageOrderedByAKeyThatDoesNotComeNext() {
    assertQueryError(
        "Page<Server> findAllOrderByIdDesc(PageRequest page);",
        "[EtcdFinderOrder] findAllOrderByIdDesc: cannot order by 'id': results come back in key"
            + " order, so only the first key component after the fixed ones ('region') can order"
            + " them; use OrderByRegionDesc, or sort in memory",
        "findAllOrderByIdDesc");
  }

  @Test
  void pageRequestBeforeTheKeys() {
    assertQueryError(
        "List<Server> findByRegion(\n      PageRequest page, String region);",
        "[EtcdFinderParams] parameter 'page' of findByRegion is a PageRequest, which only a find"
            + " query takes, as its last parameter; move or remove it",
        "PageRequest page");
  }

  @Test
  void pageRequestOnACount() {
    assertQueryError(
        "long countByRegion(String region,\n      PageRequest page);",
        "[EtcdFinderParams] parameter 'page' of countByRegion is a PageRequest, which only a find"
            + " query takes, as its last parameter; move or remove it",
        "PageRequest page");
  }

  @Test
  void listenerOnAFind() {
    assertQueryError(
        "List<Server> findByRegion(String region,\n"
            + "      EntityListener<Server, Server.Id> listener);",
        "[EtcdFinderParams] parameter 'listener' of findByRegion is an EntityListener, which only a"
            + " watchBy query takes, right after the key components; move or remove it",
        "EntityListener<Server, Server.Id> listener");
  }

  @Test
  void pageThatReturnsAList() {
    assertQueryError(
        "List<Server> findByRegion(String region, PageRequest page);",
        "[EtcdFinderReturn] findByRegion returns java.util.List<app.Server>, which this query"
            + " cannot produce; return Page<Server>, or a CompletableFuture of it",
        "findByRegion");
  }

  @Test
  void watchWithoutAListener() {
    assertQueryError(
        "Subscription watchByRegion(String region);",
        "[EtcdFinderParams] watchByRegion needs 1 parameter for the key components in its name"
            + " (region), then an EntityListener<Server, Server.Id>, optionally followed by"
            + " EntityWatchOptions",
        "watchByRegion");
  }

  @Test
  void listenerOfTheWrongIdType() {
    assertQueryError(
        "Subscription watchByRegion(String region,\n"
            + "      EntityListener<Server, String> listener);",
        "[EtcdFinderParams] parameter 'listener' of watchByRegion has type"
            + " io.typedetcd.repository.EntityListener<app.Server,java.lang.String>; declare it as"
            + " EntityListener<Server, Server.Id>",
        "EntityListener<Server, String> listener");
  }

  @Test
  void watchOptionsOfTheWrongType() {
    assertQueryError(
        "Subscription watchByRegion(String region, EntityListener<Server, Server.Id> listener,\n"
            + "      long fromRevision);",
        "[EtcdFinderParams] parameter 'fromRevision' of watchByRegion has type long; declare it as"
            + " EntityWatchOptions",
        "long fromRevision");
  }

  @Test
  void watchOptionsBeforeTheListener() {
    assertQueryError(
        "Subscription watchByRegion(String region,\n"
            + "      EntityWatchOptions options, EntityListener<Server, Server.Id> listener);",
        "[EtcdFinderParams] parameter 'options' of watchByRegion is an EntityWatchOptions, which"
            + " only a watchBy query takes, right after its EntityListener; move or remove it",
        "EntityWatchOptions options");
  }

  @Test
  void watchInAFuture() {
    assertQueryError(
        "CompletableFuture<Subscription> watchByRegion(\n"
            + "      String region, EntityListener<Server, Server.Id> listener);",
        "[EtcdFinderReturn] watchByRegion returns"
            + " java.util.concurrent.CompletableFuture<io.typedetcd.repository.Subscription>, which"
            + " this query cannot produce; return Subscription (close it to stop watching)",
        "CompletableFuture<Subscription> watchByRegion");
  }

  @Test
  void watchWithALimit() {
    assertQueryError(
        "Subscription watchFirstByRegion(String region,"
            + " EntityListener<Server, Server.Id> listener);",
        "[EtcdFinderLimit] watchFirstByRegion: First/Top only limit find and stream queries",
        "watchFirstByRegion");
  }
}
