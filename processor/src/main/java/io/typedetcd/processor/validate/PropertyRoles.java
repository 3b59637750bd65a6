package io.typedetcd.processor.validate;

import io.typedetcd.processor.Messages;
import io.typedetcd.processor.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.TypeKind;

/**
 * Interprets the marker annotations of a property ({@code @Key}, {@code @Version}, {@code
 * Transient}, {@code @Indexed}, {@code @Nullable}) and reports the combinations that make no sense.
 */
final class PropertyRoles {
  private final Env env;

  PropertyRoles(Env env) {
    this.env = env;
  }

  Role role(RawProperty raw, String display, Report report) {
    Mirrors m = env.mirrors();
    List<RawProperty.Found> found = new ArrayList<>();
    for (String a : List.of(Names.KEY, Names.VERSION, Names.TRANSIENT)) {
      raw.annotation(m, a).ifPresent(found::add);
    }
    if (found.size() > 1) {
      report.error(
          found.get(1).element(),
          found.get(1).mirror(),
          Messages.annotationConflict(
              display, raw.name(), simpleName(found.get(0)), simpleName(found.get(1))));
    }
    Optional<RawProperty.Found> indexed = raw.annotation(m, Names.INDEXED);
    if (indexed.isPresent() && found.size() == 1 && !isKey(found.get(0))) {
      report.error(
          indexed.get().element(),
          indexed.get().mirror(),
          Messages.annotationConflict(display, raw.name(), simpleName(found.get(0)), "Indexed"));
    }
    if (found.isEmpty()) {
      return raw.javaTransient() ? Role.TRANSIENT : Role.VALUE;
    }
    String first = simpleName(found.get(0));
    return first.equals("Key") ? Role.KEY : first.equals("Version") ? Role.VERSION : Role.TRANSIENT;
  }

  private static boolean isKey(RawProperty.Found found) {
    return simpleName(found).equals("Key");
  }

  private static String simpleName(RawProperty.Found found) {
    return found.mirror().getAnnotationType().asElement().getSimpleName().toString();
  }

  void checkVersions(
      List<RawProperty> raws, Map<String, Role> roles, String display, Report report) {
    RawProperty first = null;
    for (RawProperty raw : raws) {
      if (roles.get(raw.name()) != Role.VERSION) {
        continue;
      }
      if (first != null) {
        RawProperty.Found a = raw.annotation(env.mirrors(), Names.VERSION).orElseThrow();
        report.error(
            a.element(), a.mirror(), Messages.versionTwice(display, raw.name(), first.name()));
      } else if (raw.type().getKind() != TypeKind.LONG) {
        report.error(
            raw.element(), Messages.versionType(display, raw.name(), raw.type().toString()));
        first = raw;
      } else {
        first = raw;
      }
    }
  }

  /** Whether any of the property's elements or its type carries an annotation named Nullable. */
  static boolean nullable(RawProperty raw) {
    if (raw.type().getKind().isPrimitive()) {
      return false;
    }
    List<AnnotationMirror> annotations = new ArrayList<>(raw.type().getAnnotationMirrors());
    for (javax.lang.model.element.Element e : raw.annotated()) {
      annotations.addAll(e.getAnnotationMirrors());
      annotations.addAll(e.asType().getAnnotationMirrors());
    }
    return annotations.stream()
        .anyMatch(a -> a.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable"));
  }
}
