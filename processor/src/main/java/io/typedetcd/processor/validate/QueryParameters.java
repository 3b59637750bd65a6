package io.typedetcd.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.typedetcd.processor.Messages;
import io.typedetcd.processor.model.PropertyModel;
import io.typedetcd.processor.model.QueryParameter;
import io.typedetcd.processor.model.QueryVerb;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;

/**
 * Binds the parameters of a derived query: one value per criterion (a key component or the indexed
 * property), then, for a page, a {@code PageRequest}, or, for a watch, an {@code EntityListener<T,
 * ID>} and optionally {@code EntityWatchOptions}.
 */
final class QueryParameters {
  /** What follows the criteria. */
  enum Trailing {
    NONE,
    PAGE,
    WATCH
  }

  /** The bound parameters. */
  record Bound(List<QueryParameter> criteria, List<QueryParameter> trailing) {}

  private final Env env;

  QueryParameters(Env env) {
    this.env = env;
  }

  /** A watch by its verb; a page when a find query's last parameter is a PageRequest. */
  Trailing trailing(QueryVerb verb, ExecutableType type) {
    if (verb == QueryVerb.WATCH) {
      return Trailing.WATCH;
    }
    List<? extends TypeMirror> params = type.getParameterTypes();
    return verb == QueryVerb.FIND
            && !params.isEmpty()
            && env.isType(params.get(params.size() - 1), Names.PAGE_REQUEST)
        ? Trailing.PAGE
        : Trailing.NONE;
  }

  /**
   * The parameters, or null after reporting.
   *
   * @param criteria the properties the name queries by, in order
   * @param index whether the criterion is an {@code @Indexed} property (for messages)
   * @param listener the listener type a watch takes: {@code EntityListener<T, ID>}
   */
  Bound bind(
      ExecutableElement method,
      ExecutableType type,
      Trailing trailing,
      List<PropertyModel> criteria,
      boolean index,
      DeclaredType listener,
      Report report) {
    String name = method.getSimpleName().toString();
    List<? extends VariableElement> params = method.getParameters();
    List<? extends TypeMirror> types = type.getParameterTypes();
    int n = criteria.size();
    List<String> criteriaNames = criteria.stream().map(PropertyModel::name).toList();
    for (int i = 0; i < params.size(); i++) {
      String misplaced = misplaced(types.get(i), i, n, params.size(), trailing);
      if (misplaced != null) {
        report.error(
            params.get(i),
            Messages.finderTrailingMisplaced(
                name, params.get(i).getSimpleName().toString(), misplaced));
        return null;
      }
    }
    int extra = trailing == Trailing.PAGE ? 1 : 0;
    if (trailing == Trailing.WATCH) {
      if (params.size() != n + 1 && params.size() != n + 2) {
        report.error(
            method, Messages.finderWatchParameters(name, n, criteriaNames, display(listener)));
        return null;
      }
      extra = params.size() - n;
    }
    if (params.size() - extra != n) {
      report.error(
          method,
          Messages.finderParameterCount(name, n, criteriaNames, trailing == Trailing.PAGE, index));
      return null;
    }
    List<QueryParameter> bound = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TypeMirror paramType = types.get(i);
      PropertyModel property = criteria.get(i);
      TypeName actual = TypeName.get(env.boxed(paramType)).withoutAnnotations();
      if (!actual.equals(property.type().box().withoutAnnotations())) {
        report.error(
            params.get(i),
            Messages.finderParameterType(
                name,
                params.get(i).getSimpleName().toString(),
                paramType.toString(),
                (index ? "@Indexed property '" : "key component '") + property.name() + "'",
                property.type().toString()));
        return null;
      }
      bound.add(
          new QueryParameter(params.get(i).getSimpleName().toString(), TypeName.get(paramType)));
    }
    List<QueryParameter> rest = new ArrayList<>();
    for (int i = n; i < params.size(); i++) {
      TypeMirror paramType = types.get(i);
      boolean ok =
          i == n && trailing == Trailing.WATCH
              ? listener != null && env.types().isSameType(paramType, listener)
              : env.isType(paramType, i == n ? Names.PAGE_REQUEST : Names.ENTITY_WATCH_OPTIONS);
      if (!ok) {
        String expected =
            trailing == Trailing.PAGE
                ? "PageRequest"
                : i == n ? display(listener) : "EntityWatchOptions";
        report.error(
            params.get(i),
            Messages.finderTrailingType(
                name, params.get(i).getSimpleName().toString(), paramType.toString(), expected));
        return null;
      }
      rest.add(
          new QueryParameter(params.get(i).getSimpleName().toString(), TypeName.get(paramType)));
    }
    return new Bound(bound, rest);
  }

  /** Why a PageRequest, listener or watch options parameter is out of place; null when fine. */
  private String misplaced(TypeMirror type, int i, int criteria, int count, Trailing trailing) {
    if (env.isType(type, Names.PAGE_REQUEST) && !(trailing == Trailing.PAGE && i == count - 1)) {
      return "a PageRequest, which only a find query takes, as its last parameter";
    }
    if (env.isType(type, Names.ENTITY_LISTENER) && !(trailing == Trailing.WATCH && i == criteria)) {
      return "an EntityListener, which only a watchBy query takes, right after the key components";
    }
    if (env.isType(type, Names.ENTITY_WATCH_OPTIONS)
        && !(trailing == Trailing.WATCH && i == criteria + 1)) {
      return "an EntityWatchOptions, which only a watchBy query takes, right after its"
          + " EntityListener";
    }
    return null;
  }

  /** {@code EntityListener<Server, Server.Id>}: the type as a user writes it. */
  static String display(DeclaredType type) {
    if (type == null) {
      return "EntityListener<T, ID>";
    }
    StringBuilder b = new StringBuilder(type.asElement().getSimpleName());
    List<? extends TypeMirror> args = type.getTypeArguments();
    if (!args.isEmpty()) {
      b.append('<');
      for (int i = 0; i < args.size(); i++) {
        TypeMirror a = args.get(i);
        b.append(i == 0 ? "" : ", ");
        TypeName t = TypeName.get(a);
        b.append(t instanceof ClassName c ? String.join(".", c.simpleNames()) : t.toString());
      }
      b.append('>');
    }
    return b.toString();
  }
}
