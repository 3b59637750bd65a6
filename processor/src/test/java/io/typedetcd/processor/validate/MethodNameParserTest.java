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
        .isEqualTo(new Parsed(QueryVerb.FIND, -1, List.of("region", "id"), null, false));
  }

  @Test
  void propertyContainingAndIsNotSplit() {
    assertThat(parse("countByBrandName").criteria()).containsExactly("brandName");
    assertThat(parse("countByBrandAndBrandName").criteria()).containsExactly("brand", "brandName");
  }

  @Test
  void limitsAndOrder() {
    assertThat(parse("findFirstByRegionOrderByIdDesc"))
        .isEqualTo(new Parsed(QueryVerb.FIND, 1, List.of("region"), "id", true));
    assertThat(parse("streamTop25ByRegionOrderByIdAsc"))
        .isEqualTo(new Parsed(QueryVerb.STREAM, 25, List.of("region"), "id", false));
    assertThat(parse("findAllOrderByRegion"))
        .isEqualTo(new Parsed(QueryVerb.FIND, -1, List.of(), "region", false));
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
            "findAllByRegion",
            "findByRegionOrderBy",
            "findOneByRegion",
            "deleteEverything")) {
      assertThat(parse(name)).as(name).isNull();
    }
  }
}
