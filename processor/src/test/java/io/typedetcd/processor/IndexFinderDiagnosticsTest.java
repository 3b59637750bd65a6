package io.typedetcd.processor;

import static io.typedetcd.processor.FinderDiagnosticsTest.assertQueryError;

import org.junit.jupiter.api.Test;

/**
 * One test per diagnostic of derived queries on an {@code @Indexed} property ({@code zone} of
 * {@link FinderDiagnosticsTest#SERVER}): exactly one error, on the method or parameter.
 */
class IndexFinderDiagnosticsTest {
  @Test
  void indexedPropertyCombinedWithAnother() {
    assertQueryError(
        "List<Server> findByRegionAndZone(String region, String zone);",
        "[EtcdFinderIndexed] findByRegionAndZone: 'zone' of Server is @Indexed, and an index query"
            + " reads one index by one value; query by 'zone' alone (findByZone) and filter in"
            + " memory, or by a leading run of the @Key components (region, id)",
        "findByRegionAndZone");
  }

  @Test
  void watchOfAnIndexedProperty() {
    assertQueryError(
        "Subscription watchByZone(String zone, EntityListener<Server, Server.Id> listener);",
        "[EtcdFinderIndexed] watchByZone: 'zone' of Server is @Indexed, but a watch reads a key"
            + " prefix, never an index; watch by a leading run of the @Key components (region, id),"
            + " or watch them all and filter the events",
        "watchByZone");
  }

  @Test
  void pageOfAnIndexedPropertyInDescendingOrder() {
    assertQueryError(
        "Page<Server> findByZoneOrderByRegionDesc(String zone, PageRequest page);",
        "[EtcdFinderOrder] findByZoneOrderByRegionDesc: cannot order by 'region': an @Indexed"
            + " query returns entities in key order (by 'region', ascending) only; remove OrderBy,"
            + " or sort in memory",
        "findByZoneOrderByRegionDesc");
  }

  @Test
  void pageOfAnIndexedPropertyAsAList() {
    assertQueryError(
        "List<Server> findByZone(String zone, PageRequest page);",
        "[EtcdFinderReturn] findByZone returns java.util.List<app.Server>, which this query"
            + " cannot produce; return Page<Server>, or a CompletableFuture of it",
        "findByZone");
  }

  @Test
  void indexQueryOrderedDescending() {
    assertQueryError(
        "List<Server> findByZoneOrderByRegionDesc(String zone);",
        "[EtcdFinderOrder] findByZoneOrderByRegionDesc: cannot order by 'region': an @Indexed"
            + " query returns entities in key order (by 'region', ascending) only; remove OrderBy,"
            + " or sort in memory",
        "findByZoneOrderByRegionDesc");
  }

  @Test
  void optionalOfANonUniqueIndex() {
    assertQueryError(
        "Optional<Server> findByZone(String zone);",
        "[EtcdFinderReturn] findByZone returns java.util.Optional<app.Server>, which this query"
            + " cannot produce; return List<Server>, or a CompletableFuture of it",
        "findByZone");
  }

  @Test
  void indexQueryWithoutItsValue() {
    assertQueryError(
        "long countByZone();",
        "[EtcdFinderParams] countByZone needs 1 parameter, the value of @Indexed property 'zone'",
        "countByZone");
  }

  @Test
  void indexValueOfTheWrongType() {
    assertQueryError(
        "boolean existsByZone(\n      int zoneNumber);",
        "[EtcdFinderParams] parameter 'zoneNumber' of existsByZone has type int, but @Indexed"
            + " property 'zone' is java.lang.String; declare it as java.lang.String",
        "int zoneNumber");
  }
}
