package io.typedetcd.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A validated derived query: the first {@code parameters.size()} key components are fixed by the
 * parameters, the rest of the key path is read as a range.
 *
 * @param name the method name
 * @param verb find, stream, count, exists or delete
 * @param returnType the declared return type, as written in the implementation
 * @param shape what the result is
 * @param async whether it returns a {@code CompletableFuture}
 * @param parameters one per fixed key component, in key order
 * @param fullKey whether the parameters fix every key component (one entity at most)
 * @param limit {@code First}/{@code TopN}; 0 for no limit
 * @param descending {@code OrderBy<NextKey>Desc}
 */
public record QueryMethod(
    String name,
    QueryVerb verb,
    TypeName returnType,
    ResultShape shape,
    boolean async,
    List<QueryParameter> parameters,
    boolean fullKey,
    int limit,
    boolean descending) {

  public QueryMethod {
    parameters = List.copyOf(parameters);
  }
}
