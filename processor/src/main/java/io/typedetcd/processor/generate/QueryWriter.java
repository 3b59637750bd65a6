package io.typedetcd.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import io.typedetcd.processor.model.QueryMethod;
import io.typedetcd.processor.model.QueryParameter;
import io.typedetcd.processor.model.ResultShape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes one derived query as a call to a helper of {@code AbstractRepository}: a range, page or
 * watch of the prefix built from the fixed key components; when they fix the whole key, the CRUD
 * method (or the one-entity watch) of the id; for an {@code @Indexed} property, its {@code
 * IndexQuery}.
 */
final class QueryWriter {
  private QueryWriter() {}

  /**
   * @param codecField the static field of the implementation holding a key's custom codec
   */
  static MethodSpec write(
      QueryMethod query, EntityModel entity, Function<PropertyModel, CodeBlock> codecField) {
    NameAllocator names = new NameAllocator();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(query.name())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(query.returnType());
    // Own parameter names (an override may rename them), never capitalized, so a parameter
    // cannot obscure a type the body uses.
    List<String> params = new ArrayList<>();
    for (QueryParameter p : query.parameters()) {
      String name = names.newName(MapperContext.local(p.name()), p);
      params.add(name);
      method.addParameter(p.type(), name);
    }
    List<String> trailing = new ArrayList<>();
    for (QueryParameter p : query.trailing()) {
      String name = names.newName(MapperContext.local(p.name()), p);
      trailing.add(name);
      method.addParameter(p.type(), name);
    }
    String lambda = names.newName(lambdaName(query), "lambda");
    CodeBlock body;
    if (query.index() != null) {
      PropertyModel index = query.index();
      CodeBlock value = KeyCode.encode(index.indexCodec(), CodeBlock.of("$N", params.get(0)), null);
      body =
          IndexQueries.call(
              query, CodeBlock.of("index($S)", index.name()), value, trailing, lambda);
    } else if (query.fullKey()) {
      body = byId(query, id(params, entity), trailing, lambda);
    } else {
      String prefix = names.newName("prefix", "prefix");
      method.addStatement(
          "$T $N = $L", RuntimeTypes.BYTE_STRING, prefix, prefix(params, entity, codecField));
      body = byPrefix(query, CodeBlock.of("$N", prefix), trailing, lambda);
    }
    if (query.shape() == ResultShape.VOID && !query.async()) {
      return method.addStatement("$L", body).build();
    }
    return method.addStatement("return $L", body).build();
  }

  private static String lambdaName(QueryMethod query) {
    return query.verb().word().equals("delete") ? "deleted" : "found";
  }

  private static CodeBlock prefix(
      List<String> params, EntityModel entity, Function<PropertyModel, CodeBlock> codecField) {
    CodeBlock.Builder path = CodeBlock.builder().add("mapper().root()");
    List<PropertyModel> keys = entity.keys();
    for (int i = 0; i < params.size(); i++) {
      PropertyModel key = keys.get(i);
      CodeBlock value = CodeBlock.of("$N", params.get(i));
      path.add(".add($L)", KeyCode.encode(key.keyCodec(), value, codecField.apply(key)));
    }
    return path.add(".prefix()").build();
  }

  private static CodeBlock id(List<String> params, EntityModel entity) {
    CodeBlock args =
        params.stream().map(p -> CodeBlock.of("$N", p)).collect(CodeBlock.joining(", "));
    return entity.id().composite() ? CodeBlock.of("new $T($L)", entity.id().type(), args) : args;
  }

  private static CodeBlock byId(QueryMethod q, CodeBlock id, List<String> trailing, String x) {
    String crud = q.async() ? "async()." : "";
    switch (q.verb()) {
      case FIND:
        CodeBlock find = CodeBlock.of("$LfindById($L)", crud, id);
        if (q.shape() == ResultShape.OPTIONAL) {
          return find;
        }
        return q.async()
            ? CodeBlock.of("$L.thenApply($N -> $N.orElse(null))", find, x, x)
            : CodeBlock.of("$L.orElse(null)", find);
      case COUNT:
        CodeBlock exists = CodeBlock.of("$LexistsById($L)", crud, id);
        return q.async()
            ? CodeBlock.of("$L.thenApply($N -> $N ? 1L : 0L)", exists, x, x)
            : CodeBlock.of("$L ? 1L : 0L", exists);
      case EXISTS:
        return CodeBlock.of("$LexistsById($L)", crud, id);
      case DELETE:
        CodeBlock delete = CodeBlock.of("$LdeleteById($L)", crud, id);
        if (q.shape() == ResultShape.BOOLEAN || (q.shape() == ResultShape.VOID && !q.async())) {
          return delete;
        }
        if (q.shape() == ResultShape.VOID) {
          return CodeBlock.of("$L.thenApply($N -> null)", delete, x);
        }
        return q.async()
            ? CodeBlock.of("$L.thenApply($N -> $N ? 1L : 0L)", delete, x, x)
            : CodeBlock.of("$L ? 1L : 0L", delete);
      case WATCH:
        return CodeBlock.of("watchEntity($L, $N, $L)", id, trailing.get(0), watchOptions(trailing));
      default:
        throw new AssertionError(q.verb());
    }
  }

  private static CodeBlock byPrefix(
      QueryMethod q, CodeBlock prefix, List<String> trailing, String x) {
    String async = q.async() ? "Async" : "";
    if (q.shape() == ResultShape.PAGE) {
      return q.descending()
          ? CodeBlock.of("findPageByPrefix$L($L, $N, true)", async, prefix, trailing.get(0))
          : CodeBlock.of("findPageByPrefix$L($L, $N)", async, prefix, trailing.get(0));
    }
    switch (q.verb()) {
      case FIND:
        if (q.shape() == ResultShape.LIST) {
          return CodeBlock.of(
              "findByPrefix$L($L, $L, $L)", async, prefix, q.limit(), q.descending());
        }
        String orElse = q.shape() == ResultShape.ENTITY ? ".orElse(null)" : "";
        if (q.limit() == 1) {
          return q.async()
              ? CodeBlock.of(
                  "findByPrefixAsync($L, 1, $L).thenApply($N -> $N.stream().findFirst()$L)",
                  prefix,
                  q.descending(),
                  x,
                  x,
                  orElse)
              : CodeBlock.of(
                  "findByPrefix($L, 1, $L).stream().findFirst()$L", prefix, q.descending(), orElse);
        }
        if (q.async() && q.shape() == ResultShape.ENTITY) {
          return CodeBlock.of(
              "findOneByPrefixAsync($L).thenApply($N -> $N.orElse(null))", prefix, x, x);
        }
        return CodeBlock.of("findOneByPrefix$L($L)$L", async, prefix, q.async() ? "" : orElse);
      case STREAM:
        CodeBlock stream = CodeBlock.of("streamByPrefix($L, $L)", prefix, q.descending());
        return q.limit() > 0 ? CodeBlock.of("$L.limit($L)", stream, q.limit()) : stream;
      case COUNT:
        return CodeBlock.of("countByPrefix$L($L)", async, prefix);
      case EXISTS:
        return CodeBlock.of("existsByPrefix$L($L)", async, prefix);
      case DELETE:
        CodeBlock delete = CodeBlock.of("deleteByPrefix$L($L)", async, prefix);
        return q.shape() == ResultShape.VOID && q.async()
            ? CodeBlock.of("$L.thenApply($N -> null)", delete, x)
            : delete;
      case WATCH:
        return CodeBlock.of(
            "watchByPrefix($L, $N, $L)", prefix, trailing.get(0), watchOptions(trailing));
      default:
        throw new AssertionError(q.verb());
    }
  }

  /** The watch's options parameter, or the defaults. */
  private static CodeBlock watchOptions(List<String> trailing) {
    return trailing.size() > 1
        ? CodeBlock.of("$N", trailing.get(1))
        : CodeBlock.of("$T.DEFAULT", RuntimeTypes.ENTITY_WATCH_OPTIONS);
  }
}
