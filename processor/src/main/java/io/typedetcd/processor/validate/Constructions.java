package io.typedetcd.processor.validate;

import io.typedetcd.processor.Messages;
import io.typedetcd.processor.model.Construction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Decides how generated code creates and reads an entity without reflection, or reports which
 * supported shape it misses.
 */
final class Constructions {
  private final Env env;

  Constructions(Env env) {
    this.env = env;
  }

  /**
   * The construction of the entity, or empty after reporting.
   *
   * @param transients the names of properties that are not stored (need no access)
   */
  Optional<Construction> resolve(
      TypeElement entity,
      String display,
      List<RawProperty> properties,
      Set<String> transients,
      Report report) {
    List<String> all = properties.stream().map(RawProperty::name).toList();
    if (entity.getKind() == ElementKind.RECORD) {
      return Optional.of(new Construction(Construction.Kind.RECORD, all));
    }
    List<RawProperty> stored =
        properties.stream().filter(p -> !transients.contains(p.name())).toList();
    boolean readable = true;
    for (RawProperty p : stored) {
      if (p.read() == null) {
        report.error(
            p.element(),
            Messages.unreadable(display, p.name(), "get" + PropertyScanner.capitalize(p.name())));
        readable = false;
      }
    }
    String pkg = env.packageOf(entity);
    List<ExecutableElement> constructors =
        ElementFilter.constructorsIn(entity.getEnclosedElements()).stream()
            .filter(c -> env.accessibleFrom(c, pkg))
            .toList();
    Optional<List<String>> byName = namedConstructor(constructors, properties, stored);
    if (byName.isPresent()) {
      return readable
          ? Optional.of(new Construction(Construction.Kind.CONSTRUCTOR, byName.get()))
          : Optional.empty();
    }
    List<String> storedNames = stored.stream().map(RawProperty::name).toList();
    boolean noArg = constructors.stream().anyMatch(c -> c.getParameters().isEmpty());
    if (!noArg) {
      report.error(
          entity,
          Messages.notConstructible(
              display,
              "it has no non-private no-argument constructor and no non-private constructor"
                  + " whose parameters are named after its properties ("
                  + String.join(", ", storedNames)
                  + ")"));
      return Optional.empty();
    }
    List<String> unwritable =
        stored.stream().filter(p -> p.write() == null).map(RawProperty::name).toList();
    if (!unwritable.isEmpty()) {
      report.error(
          entity,
          Messages.notConstructible(
              display,
              "property '"
                  + unwritable.get(0)
                  + "' has no setter set"
                  + PropertyScanner.capitalize(unwritable.get(0))
                  + "(..) and no non-final non-private field"
                  + (unwritable.size() > 1
                      ? " (nor " + String.join(", ", unwritable.subList(1, unwritable.size())) + ")"
                      : "")
                  + ", and no non-private constructor has parameters named after its properties ("
                  + String.join(", ", storedNames)
                  + ")"));
      return Optional.empty();
    }
    return readable
        ? Optional.of(new Construction(Construction.Kind.SETTERS, List.of()))
        : Optional.empty();
  }

  /**
   * The parameters, as property names, of a constructor that takes every stored property (and
   * possibly transient ones) by name and type.
   */
  private Optional<List<String>> namedConstructor(
      List<ExecutableElement> constructors, List<RawProperty> all, List<RawProperty> stored) {
    Map<String, RawProperty> byName = new HashMap<>();
    all.forEach(p -> byName.put(p.name(), p));
    for (ExecutableElement c : constructors) {
      if (c.getParameters().isEmpty() || c.getParameters().size() < stored.size()) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (VariableElement param : c.getParameters()) {
        RawProperty p = byName.get(param.getSimpleName().toString());
        if (p == null || !env.types().isSameType(p.type(), param.asType())) {
          break;
        }
        names.add(p.name());
      }
      if (names.size() == c.getParameters().size()
          && names.containsAll(stored.stream().map(RawProperty::name).toList())) {
        return Optional.of(names);
      }
    }
    return Optional.empty();
  }
}
