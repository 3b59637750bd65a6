package io.typedetcd.processor.validate;

import io.typedetcd.processor.model.QueryVerb;
import io.typedetcd.processor.model.ResultShape;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which results a derived query can produce, and how to name them in a message. */
final class QueryShapes {
  private QueryShapes() {}

  /**
   * The shapes a query may return.
   *
   * @param single whether the query finds one entity at most (a full key, or a unique index)
   * @param index whether it reads an {@code @Indexed} property
   */
  static Set<ResultShape> allowed(
      QueryVerb verb,
      QueryParameters.Trailing trailing,
      boolean single,
      boolean index,
      int limit,
      boolean ordered) {
    if (trailing == QueryParameters.Trailing.PAGE) {
      return EnumSet.of(ResultShape.PAGE);
    }
    switch (verb) {
      case FIND:
        if (single && !index) {
          return EnumSet.of(ResultShape.ENTITY, ResultShape.OPTIONAL);
        }
        if (limit > 1 || (ordered && limit < 0) || (index && !single && limit != 1)) {
          return EnumSet.of(ResultShape.LIST);
        }
        return EnumSet.of(ResultShape.LIST, ResultShape.OPTIONAL, ResultShape.ENTITY);
      case STREAM:
        return EnumSet.of(ResultShape.STREAM);
      case COUNT:
        return EnumSet.of(ResultShape.COUNT);
      case EXISTS:
        return EnumSet.of(ResultShape.BOOLEAN);
      case DELETE:
        return single && !index
            ? EnumSet.of(ResultShape.COUNT, ResultShape.VOID, ResultShape.BOOLEAN)
            : EnumSet.of(ResultShape.COUNT, ResultShape.VOID);
      case WATCH:
        return EnumSet.of(ResultShape.SUBSCRIPTION);
      default:
        throw new AssertionError(verb);
    }
  }

  /** Whether the shapes may also come in a {@code CompletableFuture}. */
  static boolean asyncAllowed(Set<ResultShape> shapes) {
    return !shapes.contains(ResultShape.STREAM) && !shapes.contains(ResultShape.SUBSCRIPTION);
  }

  static String describe(Set<ResultShape> shapes, String entity) {
    List<String> names = new ArrayList<>();
    for (ResultShape s : shapes) {
      switch (s) {
        case ENTITY:
          names.add(entity + " (null when absent)");
          break;
        case OPTIONAL:
          names.add("Optional<" + entity + ">");
          break;
        case LIST:
          names.add("List<" + entity + ">");
          break;
        case STREAM:
          names.add("Stream<" + entity + "> (close it)");
          break;
        case COUNT:
          names.add("long");
          break;
        case BOOLEAN:
          names.add("boolean");
          break;
        case VOID:
          names.add("void");
          break;
        case PAGE:
          names.add("Page<" + entity + ">");
          break;
        case SUBSCRIPTION:
          names.add("Subscription (close it to stop watching)");
          break;
      }
    }
    return String.join(", ", names)
        + (asyncAllowed(shapes)
            ? ", or a CompletableFuture of " + (names.size() == 1 ? "it" : "one of them")
            : "");
  }
}
