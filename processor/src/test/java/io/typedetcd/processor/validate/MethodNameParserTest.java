package io.typedetcd.processor.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.processor.model.QueryVerb;
import io.typedetcd.processor.validate.MethodNameParser.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodNameParserTest {
  private static final List<String> PROPERTIES =
      List.of("region", "id", "brandName", "brand", "nameDesc", "host");

  private static Parsed parse(String name) {
    return MethodNameParser.parse(name, PROPERTIES);
  }

  @Test
  void criteriaJoinedByAnd() {
    assertThat(parse("findByRegionAndId"))
        .isEqualTo(new Parsed(QueryVerb.FIND, -1, List.of("region", "id"), null, false, false));
  }

  @Test
  void propertyContainingAndIsNotSplit() {
    assertThat(parse("countByBrandName").criteria()).containsExactly("brandName");
    assertThat(parse("countByBrandAndBrandName").criteria()).containsExactly("brand", "brandName");
  }

  @Test
  void limitsAndOrder() {
    assertThat(parse("findFirstByRegionOrderByIdDesc"))
        .isEqualTo(new Parsed(QueryVerb.FIND, 1, List.of("region"), "id", true, false));
    assertThat(parse("streamTop25ByRegionOrderByIdAsc"))
        .isEqualTo(new Parsed(QueryVerb.STREAM, 25, List.of("region"), "id", false, false));
    assertThat(parse("findAllOrderByRegion"))
        .isEqualTo(new Parsed(QueryVerb.FIND, -1, List.of(), "region", false, false));
  }

  @Test
  void springDataSpellings() {
    assertThat(parse("findAllByRegion")).isEqualTo(parse("findByRegion"));
    assertThat(parse("findTop3ByOrderByIdDesc"))
        .isEqualTo(new Parsed(QueryVerb.FIND, 3, List.of(), "id", true, false));
  }

  @Test
  void asyncSuffix() {
    assertThat(parse("countByRegionAsync"))
        .isEqualTo(new Parsed(QueryVerb.COUNT, -1, List.of("region"), null, false, true));
    assertThat(parse("findAllByRegionAsync").asyncSuffix()).isTrue();
    assertThat(MethodNameParser.parse("findByHostAsync", List.of("hostAsync")).criteria())
        .containsExactly("hostAsync");
    assertThat(MethodNameParser.parse("findByHostAsync", List.of("hostAsync")).asyncSuffix())
        .isFalse();
  }

  @Test
  void propertyEndingInDescIsMatchedWhole() {
    assertThat(parse("findAllOrderByNameDesc").orderBy()).isEqualTo("nameDesc");
    assertThat(parse("findAllOrderByNameDesc").descending()).isFalse();
    assertThat(parse("findAllOrderByNameDescDesc").descending()).isTrue();
  }

  @Test
  void unknownPropertiesAreKeptForTheDiagnostic() {
    assertThat(parse("findByHotsAndRegion").criteria()).containsExactly("hots", "region");
    assertThat(parse("findAllOrderByZoneDesc").orderBy()).isEqualTo("zone");
  }

  @Test
  void namesOutsideTheGrammar() {
    for (String name :
        List.of(
            "rebalance",
            "find",
            "findBy",
            "findByregion",
            "findTopByRegion",
            "findByRegionOrderBy",
            "findOneByRegion",
            "deleteEverything")) {
      assertThat(parse(name)).as(name).isNull();
    }
  }
}
