package io.typedetcd.processor.validate;

import com.palantir.javapoet.TypeName;
import io.typedetcd.processor.Messages;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import io.typedetcd.processor.model.QueryMethod;
import io.typedetcd.processor.model.QueryParameter;
import io.typedetcd.processor.model.QueryVerb;
import io.typedetcd.processor.model.ResultShape;
import io.typedetcd.processor.model.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * Checks one derived query method against its entity and models it: a leading run of key components
 * (one prefix range read), an optional limit and order, a supported return type. Reports at most
 * one error per method, the first that applies.
 */
final class QueryValidator {
  private final Env env;
  private final ReturnTypes returnTypes;

  QueryValidator(Env env) {
    this.env = env;
    this.returnTypes = new ReturnTypes(env);
  }

  Optional<QueryMethod> validate(
      ExecutableElement method,
      ExecutableType type,
      EntityModel entity,
      TypeMirror entityType,
      Report report) {
    String name = method.getSimpleName().toString();
    List<String> propertyNames = entity.properties().stream().map(PropertyModel::name).toList();
    List<PropertyModel> keys = entity.keys();
    List<String> keyNames = keys.stream().map(PropertyModel::name).toList();
    MethodNameParser.Parsed parsed = MethodNameParser.parse(name, propertyNames);
    if (parsed == null || !method.getTypeParameters().isEmpty()) {
      report.error(method, Messages.finderName(name));
      return Optional.empty();
    }
    QueryVerb verb = parsed.verb();
    boolean ranged = verb == QueryVerb.FIND || verb == QueryVerb.STREAM;
    if (parsed.limit() >= 0 && !ranged) {
      report.error(method, Messages.finderLimitVerb(name));
      return Optional.empty();
    }
    if (parsed.limit() == 0) {
      report.error(method, Messages.finderLimitZero(name));
      return Optional.empty();
    }
    List<String> criteria = parsed.criteria();
    for (int i = 0; i < criteria.size(); i++) {
      String problem = criterionProblem(name, entity, criteria.get(i), i, keyNames);
      if (problem != null) {
        report.error(method, problem);
        return Optional.empty();
      }
    }
    boolean fullKey = criteria.size() == keys.size();
    if (fullKey && parsed.limit() > 0) {
      report.error(method, Messages.finderLimitFullKey(name, entity.displayName()));
      return Optional.empty();
    }
    if (parsed.orderBy() != null) {
      String problem = orderProblem(name, entity, parsed, keyNames, ranged, fullKey);
      if (problem != null) {
        report.error(method, problem);
        return Optional.empty();
      }
    }
    List<QueryParameter> parameters = parameters(method, type, keys, criteria, report);
    if (parameters == null) {
      return Optional.empty();
    }
    ReturnTypes.Classified result = returnTypes.classify(type.getReturnType(), entityType);
    if (parsed.asyncSuffix() && !result.async()) {
      report.error(method, Messages.finderAsyncSuffix(name, type.getReturnType().toString()));
      return Optional.empty();
    }
    Set<ResultShape> allowed = allowed(verb, fullKey, parsed.limit(), parsed.orderBy() != null);
    if (result.shape() == null || !allowed.contains(result.shape())) {
      report.error(
          method,
          Messages.finderReturn(
              name,
              type.getReturnType().toString(),
              describe(allowed, entity.displayName(), verb != QueryVerb.STREAM)));
      return Optional.empty();
    }
    return Optional.of(
        new QueryMethod(
            name,
            verb,
            TypeName.get(type.getReturnType()),
            result.shape(),
            result.async(),
            parameters,
            fullKey,
            Math.max(parsed.limit(), 0),
            parsed.descending()));
  }

  private String criterionProblem(
      String method, EntityModel entity, String property, int position, List<String> keys) {
    Optional<PropertyModel> found = entity.property(property);
    if (found.isEmpty()) {
      List<String> names = entity.properties().stream().map(PropertyModel::name).toList();
      return Messages.finderUnknownProperty(
          method, entity.displayName(), property, Similarity.suggest(property, names), keys);
    }
    PropertyModel p = found.get();
    if (p.role() != Role.KEY) {
      return p.indexed()
          ? Messages.finderIndexed(method, entity.displayName(), property, keys)
          : Messages.finderNotKey(method, entity.displayName(), property, keys);
    }
    int index = keys.indexOf(property);
    if (index != position) {
      return Messages.finderKeyOrder(
          method,
          entity.displayName(),
          property,
          index,
          position < keys.size() ? "'" + keys.get(position) + "'" : "no more components");
    }
    return null;
  }

  private String orderProblem(
      String method,
      EntityModel entity,
      MethodNameParser.Parsed parsed,
      List<String> keys,
      boolean ranged,
      boolean fullKey) {
    String property = parsed.orderBy();
    if (entity.property(property).isEmpty()) {
      List<String> names = entity.properties().stream().map(PropertyModel::name).toList();
      return Messages.finderUnknownProperty(
          method, entity.displayName(), property, Similarity.suggest(property, names), keys);
    }
    if (!ranged) {
      return Messages.finderOrder(
          method, property, "only find and stream queries return entities in an order");
    }
    if (fullKey) {
      return Messages.finderOrder(
          method, property, "the parameters fix every key component, there is nothing to order");
    }
    String next = keys.get(parsed.criteria().size());
    if (!property.equals(next)) {
      return Messages.finderOrder(
          method,
          property,
          "results come back in key order, so only the first key component after the fixed ones"
              + " ('"
              + next
              + "') can order them; use OrderBy"
              + PropertyScanner.capitalize(next)
              + "Desc, or sort in memory");
    }
    return null;
  }

  /** The parameters bound to key components, or null after reporting. */
  private List<QueryParameter> parameters(
      ExecutableElement method,
      ExecutableType type,
      List<PropertyModel> keys,
      List<String> criteria,
      Report report) {
    String name = method.getSimpleName().toString();
    List<? extends VariableElement> params = method.getParameters();
    if (params.size() != criteria.size()) {
      report.error(method, Messages.finderParameterCount(name, criteria.size(), criteria));
      return null;
    }
    List<QueryParameter> result = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      TypeMirror paramType = type.getParameterTypes().get(i);
      PropertyModel key = keys.get(i);
      TypeName actual = TypeName.get(env.boxed(paramType)).withoutAnnotations();
      if (!actual.equals(key.type().box().withoutAnnotations())) {
        report.error(
            params.get(i),
            Messages.finderParameterType(
                name,
                params.get(i).getSimpleName().toString(),
                paramType.toString(),
                key.name(),
                key.type().toString()));
        return null;
      }
      result.add(
          new QueryParameter(params.get(i).getSimpleName().toString(), TypeName.get(paramType)));
    }
    return result;
  }

  private static Set<ResultShape> allowed(
      QueryVerb verb, boolean fullKey, int limit, boolean ordered) {
    switch (verb) {
      case FIND:
        if (fullKey) {
          return EnumSet.of(ResultShape.ENTITY, ResultShape.OPTIONAL);
        }
        if (limit > 1 || (ordered && limit < 0)) {
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
        return fullKey
            ? EnumSet.of(ResultShape.COUNT, ResultShape.VOID, ResultShape.BOOLEAN)
            : EnumSet.of(ResultShape.COUNT, ResultShape.VOID);
      default:
        throw new AssertionError(verb);
    }
  }

  private static String describe(Set<ResultShape> shapes, String entity, boolean futures) {
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
      }
    }
    return String.join(", ", names)
        + (futures
            ? ", or a CompletableFuture of " + (names.size() == 1 ? "it" : "one of them")
            : "");
  }
}
