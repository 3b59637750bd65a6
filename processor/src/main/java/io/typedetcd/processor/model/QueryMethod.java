package io.typedetcd.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A validated derived query: either the first {@code parameters.size()} key components are fixed by
 * the parameters and the rest of the key path is read as a range, or ({@link #index} set) the one
 * parameter is a value of an {@code @Indexed} property.
 *
 * @param name the method name
 * @param verb find, stream, count, exists or delete
 * @param returnType the declared return type, as written in the implementation
 * @param shape what the result is
 * @param async whether it returns a {@code CompletableFuture}
 * @param parameters one per fixed key component, in key order; or the one indexed value
 * @param index the {@code @Indexed} property the query reads through; null for a key query
 * @param fullKey whether the parameters fix every key component (one entity at most)
 * @param limit {@code First}/{@code TopN}; 0 for no limit
 * @param descending {@code OrderBy<NextKey>Desc}
 * @param trailing after the criteria: the {@code PageRequest} of a {@link ResultShape#PAGE} query,
 *     or the {@code EntityListener} (and {@code EntityWatchOptions}) of a watch; else empty
 */
public record QueryMethod(
    String name,
    QueryVerb verb,
    TypeName returnType,
    ResultShape shape,
    boolean async,
    List<QueryParameter> parameters,
    PropertyModel index,
    boolean fullKey,
    int limit,
    boolean descending,
    List<QueryParameter> trailing) {

  public QueryMethod {
    parameters = List.copyOf(parameters);
    trailing = List.copyOf(trailing);
  }
}
