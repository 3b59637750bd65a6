package io.typedetcd.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import java.time.Duration;
import javax.lang.model.element.Modifier;

/**
 * Writes the mapper's {@code indexes()} (one {@code IndexDefinition} per {@code @Indexed} property,
 * encoding values as the index finders do) and the literal of its default TTL.
 */
final class IndexWriter {
  private IndexWriter() {}

  /** {@code private static final List<IndexDefinition<T>> INDEXES = List.of(...)}. */
  static FieldSpec indexesField(EntityModel entity) {
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n$>$>", RuntimeTypes.LIST);
    boolean first = true;
    for (PropertyModel p : entity.indexed()) {
      if (!first) {
        list.add(",\n");
      }
      first = false;
      list.add(
          "new $T<>($S, $L, e -> $L)",
          RuntimeTypes.INDEX_DEFINITION,
          p.name(),
          p.uniqueIndex(),
          encodedValue(p));
    }
    list.add(")$<$<");
    return FieldSpec.builder(
            indexesType(entity), MapperContext.INDEXES, Modifier.PRIVATE, Modifier.STATIC)
        .addModifiers(Modifier.FINAL)
        .initializer(list.build())
        .build();
  }

  static MethodSpec indexesMethod(EntityModel entity) {
    return MapperWriter.override("indexes", indexesType(entity))
        .addStatement("return $N", MapperContext.INDEXES)
        .build();
  }

  /** The entity's value as an index key segment; null when a reference-typed value is absent. */
  private static CodeBlock encodedValue(PropertyModel p) {
    CodeBlock value = MapperContext.read(p, "e");
    CodeBlock encoded = KeyCode.encode(p.indexCodec(), value, null);
    return p.isPrimitive() ? encoded : CodeBlock.of("$L == null ? null : $L", value, encoded);
  }

  private static TypeName indexesType(EntityModel entity) {
    return ParameterizedTypeName.get(
        RuntimeTypes.LIST, ParameterizedTypeName.get(RuntimeTypes.INDEX_DEFINITION, entity.type()));
  }

  /** The shortest exact {@code Duration} factory call for a TTL. */
  static CodeBlock duration(Duration ttl) {
    if (ttl.getNano() == 0) {
      long s = ttl.getSeconds();
      if (s % 3600 == 0) {
        return CodeBlock.of("$T.ofHours($L)", RuntimeTypes.DURATION, s / 3600);
      }
      if (s % 60 == 0) {
        return CodeBlock.of("$T.ofMinutes($L)", RuntimeTypes.DURATION, s / 60);
      }
      return CodeBlock.of("$T.ofSeconds($L)", RuntimeTypes.DURATION, s);
    }
    if (ttl.getNano() % 1_000_000 == 0) {
      return CodeBlock.of("$T.ofMillis($LL)", RuntimeTypes.DURATION, ttl.toMillis());
    }
    return CodeBlock.of("$T.ofNanos($LL)", RuntimeTypes.DURATION, ttl.toNanos());
  }
}
