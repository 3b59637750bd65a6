package io.typedetcd.processor.validate;

import com.palantir.javapoet.TypeName;
import io.typedetcd.processor.Messages;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import io.typedetcd.processor.model.QueryMethod;
import io.typedetcd.processor.model.QueryVerb;
import io.typedetcd.processor.model.ResultShape;
import io.typedetcd.processor.model.Role;
import io.typedetcd.processor.validate.QueryParameters.Trailing;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * Checks one derived query method against its entity and models it: a leading run of key components
 * (one prefix range read) or one {@code @Indexed} property (an index read), an optional limit and
 * order, a trailing {@code PageRequest} or watch listener, a supported return type. Reports at most
 * one error per method, the first that applies.
 */
final class QueryValidator {
  private final Env env;
  private final ReturnTypes returnTypes;
  private final QueryParameters parameters;

  QueryValidator(Env env) {
    this.env = env;
    this.returnTypes = new ReturnTypes(env);
    this.parameters = new QueryParameters(env);
  }

  /**
   * @param listener {@code EntityListener<T, ID>} of the repository, what a watch takes
   */
  Optional<QueryMethod> validate(
      ExecutableElement method,
      ExecutableType type,
      EntityModel entity,
      TypeMirror entityType,
      DeclaredType listener,
      Report report) {
    String name = method.getSimpleName().toString();
    List<String> propertyNames = entity.properties().stream().map(PropertyModel::name).toList();
    List<String> keyNames = entity.keys().stream().map(PropertyModel::name).toList();
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
    PropertyModel index = indexTarget(entity, criteria);
    String problem =
        index == null
            ? criteriaProblem(name, entity, criteria, keyNames)
            : indexProblem(name, entity, index, verb, parsed, keyNames);
    if (problem != null) {
      report.error(method, problem);
      return Optional.empty();
    }
    Trailing trailing = parameters.trailing(verb, type);
    boolean fullKey = index == null && criteria.size() == keyNames.size();
    problem = shapeProblem(name, entity, parsed, trailing, index, fullKey, ranged, keyNames);
    if (problem != null) {
      report.error(method, problem);
      return Optional.empty();
    }
    List<PropertyModel> bound =
        index != null
            ? List.of(index)
            : entity.keys().subList(0, Math.min(criteria.size(), keyNames.size()));
    QueryParameters.Bound params =
        parameters.bind(method, type, trailing, bound, index != null, listener, report);
    if (params == null) {
      return Optional.empty();
    }
    ReturnTypes.Classified result = returnTypes.classify(type.getReturnType(), entityType);
    if (parsed.asyncSuffix() && !result.async()) {
      report.error(method, Messages.finderAsyncSuffix(name, type.getReturnType().toString()));
      return Optional.empty();
    }
    boolean single = fullKey || (index != null && index.uniqueIndex());
    Set<ResultShape> allowed =
        QueryShapes.allowed(
            verb, trailing, single, index != null, parsed.limit(), parsed.orderBy() != null);
    if (result.shape() == null || !allowed.contains(result.shape())) {
      report.error(
          method,
          Messages.finderReturn(
              name,
              type.getReturnType().toString(),
              QueryShapes.describe(allowed, entity.displayName())));
      return Optional.empty();
    }
    return Optional.of(
        new QueryMethod(
            name,
            verb,
            TypeName.get(type.getReturnType()),
            result.shape(),
            result.async(),
            params.criteria(),
            index,
            fullKey,
            Math.max(parsed.limit(), 0),
            parsed.descending(),
            params.trailing()));
  }

  /**
   * The {@code @Indexed} property a one-criterion name reads through: one that is not the first key
   * component (a key query reads that one by prefix).
   */
  private static PropertyModel indexTarget(EntityModel entity, List<String> criteria) {
    if (criteria.size() != 1) {
      return null;
    }
    PropertyModel p = entity.property(criteria.get(0)).orElse(null);
    if (p == null || !p.indexed()) {
      return null;
    }
    boolean firstKey = !entity.keys().isEmpty() && entity.keys().get(0).name().equals(p.name());
    return firstKey ? null : p;
  }

  private static String criteriaProblem(
      String method, EntityModel entity, List<String> criteria, List<String> keys) {
    for (int i = 0; i < criteria.size(); i++) {
      String property = criteria.get(i);
      Optional<PropertyModel> found = entity.property(property);
      if (found.isEmpty()) {
        List<String> names = entity.properties().stream().map(PropertyModel::name).toList();
        return Messages.finderUnknownProperty(
            method, entity.displayName(), property, Similarity.suggest(property, names), keys);
      }
      PropertyModel p = found.get();
      if (p.role() != Role.KEY || keys.indexOf(property) != i) {
        if (p.indexed()) {
          return Messages.finderIndexCombination(method, entity.displayName(), property, keys);
        }
        if (p.role() != Role.KEY) {
          return Messages.finderNotKey(method, entity.displayName(), property, keys);
        }
        return Messages.finderKeyOrder(
            method,
            entity.displayName(),
            property,
            keys.indexOf(property),
            i < keys.size() ? "'" + keys.get(i) + "'" : "no more components");
      }
    }
    return null;
  }

  private static String indexProblem(
      String method,
      EntityModel entity,
      PropertyModel index,
      QueryVerb verb,
      MethodNameParser.Parsed parsed,
      List<String> keys) {
    if (verb == QueryVerb.WATCH) {
      return Messages.finderIndexWatch(method, entity.displayName(), index.name(), keys);
    }
    String order = parsed.orderBy();
    if (order != null && (!order.equals(keys.get(0)) || parsed.descending())) {
      return Messages.finderOrder(
          method,
          order,
          "an @Indexed query returns entities in key order (by '"
              + keys.get(0)
              + "', ascending) only; remove OrderBy, or sort in memory");
    }
    return null;
  }

  /** What the trailing parameters, limit and order forbid together; null when fine. */
  private static String shapeProblem(
      String method,
      EntityModel entity,
      MethodNameParser.Parsed parsed,
      Trailing trailing,
      PropertyModel index,
      boolean fullKey,
      boolean ranged,
      List<String> keys) {
    boolean page = trailing == Trailing.PAGE;
    if (page && fullKey) {
      return Messages.finderWholePage(method, entity.displayName());
    }
    if (fullKey && parsed.limit() > 0) {
      return Messages.finderLimitFullKey(method, entity.displayName());
    }
    if (page && parsed.limit() > 0) {
      return Messages.finderPageLimit(method);
    }
    if (parsed.orderBy() == null || index != null) {
      return null;
    }
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
}
