package io.typedetcd.processor.generate;

import com.palantir.javapoet.CodeBlock;
import io.typedetcd.processor.model.QueryMethod;
import io.typedetcd.processor.model.ResultShape;
import java.util.List;

/** Writes a derived query on an {@code @Indexed} property as a call to its {@code IndexQuery}. */
final class IndexQueries {
  private IndexQueries() {}

  /**
   * @param index the {@code index("property")} call
   * @param value the queried value, encoded as an index key segment
   * @param trailing the names of the parameters after the value: a page's {@code PageRequest}
   * @param x the name of a lambda parameter that cannot clash with the method's
   */
  static CodeBlock call(
      QueryMethod q, CodeBlock index, CodeBlock value, List<String> trailing, String x) {
    String async = q.async() ? "Async" : "";
    if (q.shape() == ResultShape.PAGE) {
      return CodeBlock.of("$L.findPage$L($L, $N)", index, async, value, trailing.get(0));
    }
    switch (q.verb()) {
      case FIND:
        if (q.shape() == ResultShape.LIST) {
          return q.limit() > 0
              ? CodeBlock.of("$L.find$L($L, $L)", index, async, value, q.limit())
              : CodeBlock.of("$L.find$L($L)", index, async, value);
        }
        String orElse = q.shape() == ResultShape.ENTITY ? ".orElse(null)" : "";
        if (q.limit() == 1) {
          return q.async()
              ? CodeBlock.of(
                  "$L.findAsync($L, 1).thenApply($N -> $N.stream().findFirst()$L)",
                  index,
                  value,
                  x,
                  x,
                  orElse)
              : CodeBlock.of("$L.find($L, 1).stream().findFirst()$L", index, value, orElse);
        }
        if (q.async() && q.shape() == ResultShape.ENTITY) {
          return CodeBlock.of(
              "$L.findOneAsync($L).thenApply($N -> $N.orElse(null))", index, value, x, x);
        }
        return CodeBlock.of("$L.findOne$L($L)$L", index, async, value, q.async() ? "" : orElse);
      case STREAM:
        CodeBlock stream = CodeBlock.of("$L.stream($L)", index, value);
        return q.limit() > 0 ? CodeBlock.of("$L.limit($L)", stream, q.limit()) : stream;
      case COUNT:
        return CodeBlock.of("$L.count$L($L)", index, async, value);
      case EXISTS:
        return CodeBlock.of("$L.exists$L($L)", index, async, value);
      case DELETE:
        CodeBlock delete = CodeBlock.of("$L.delete$L($L)", index, async, value);
        return q.shape() == ResultShape.VOID && q.async()
            ? CodeBlock.of("$L.thenApply($N -> null)", delete, x)
            : delete;
      default:
        throw new AssertionError(q.verb());
    }
  }
}
