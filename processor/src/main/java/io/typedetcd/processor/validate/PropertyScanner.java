package io.typedetcd.processor.validate;

import io.typedetcd.processor.model.Access;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Lists an entity's properties in declaration order: a record's components, or a class's instance
 * fields (superclass fields first) with the getter, setter or field access generated code in the
 * entity's package can use.
 */
final class PropertyScanner {
  private final Env env;

  PropertyScanner(Env env) {
    this.env = env;
  }

  List<RawProperty> scan(TypeElement entity) {
    return entity.getKind() == ElementKind.RECORD ? recordComponents(entity) : classFields(entity);
  }

  /**
   * A record's components. Diagnostics go on the component's private field: javac gives record
   * component elements no source position, and our annotations (FIELD is one of their targets) are
   * propagated to the field.
   */
  private List<RawProperty> recordComponents(TypeElement entity) {
    List<RawProperty> result = new ArrayList<>();
    List<VariableElement> fields = ElementFilter.fieldsIn(entity.getEnclosedElements());
    for (RecordComponentElement c : entity.getRecordComponents()) {
      String name = c.getSimpleName().toString();
      javax.lang.model.element.Element field =
          fields.stream()
              .filter(f -> f.getSimpleName().contentEquals(name))
              .findFirst()
              .map(javax.lang.model.element.Element.class::cast)
              .orElse(c);
      result.add(
          new RawProperty(
              name, field, c.asType(), List.of(field, c), Access.method(name), null, false));
    }
    return result;
  }

  private List<RawProperty> classFields(TypeElement entity) {
    String pkg = env.packageOf(entity);
    List<ExecutableElement> methods = ElementFilter.methodsIn(env.elements().getAllMembers(entity));
    List<RawProperty> result = new ArrayList<>();
    for (TypeElement type : hierarchy(entity)) {
      for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
        if (field.getModifiers().contains(Modifier.STATIC)) {
          continue;
        }
        String name = field.getSimpleName().toString();
        TypeMirror fieldType = env.types().asMemberOf((DeclaredType) entity.asType(), field);
        ExecutableElement getter = getter(methods, name, fieldType, pkg);
        List<javax.lang.model.element.Element> annotated = new ArrayList<>();
        annotated.add(field);
        if (getter != null) {
          annotated.add(getter);
        }
        Access read =
            env.accessibleFrom(field, pkg)
                ? Access.field(name)
                : getter == null ? null : Access.method(getter.getSimpleName().toString());
        Access write = writer(methods, field, name, fieldType, pkg);
        result.add(
            new RawProperty(
                name,
                field,
                fieldType,
                annotated,
                read,
                write,
                field.getModifiers().contains(Modifier.TRANSIENT)));
      }
    }
    return result;
  }

  /** The entity and its superclasses up to (not including) Object, outermost first. */
  private Deque<TypeElement> hierarchy(TypeElement entity) {
    Deque<TypeElement> types = new ArrayDeque<>();
    TypeElement t = entity;
    while (t != null && !t.getQualifiedName().contentEquals("java.lang.Object")) {
      types.addFirst(t);
      TypeMirror s = t.getSuperclass();
      t = s.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) s).asElement() : null;
    }
    return types;
  }

  private ExecutableElement getter(
      List<ExecutableElement> methods, String name, TypeMirror type, String pkg) {
    String cap = capitalize(name);
    List<String> candidates = new ArrayList<>(List.of("get" + cap, name));
    if (type.getKind() == TypeKind.BOOLEAN) {
      candidates.add(1, "is" + cap);
    }
    for (String candidate : candidates) {
      for (ExecutableElement m : methods) {
        if (m.getSimpleName().contentEquals(candidate)
            && m.getParameters().isEmpty()
            && !m.getModifiers().contains(Modifier.STATIC)
            && env.accessibleFrom(m, pkg)
            && env.types().isSameType(m.getReturnType(), type)) {
          return m;
        }
      }
    }
    return null;
  }

  private Access writer(
      List<ExecutableElement> methods,
      VariableElement field,
      String name,
      TypeMirror type,
      String pkg) {
    String setter = "set" + capitalize(name);
    for (ExecutableElement m : methods) {
      if (m.getSimpleName().contentEquals(setter)
          && m.getParameters().size() == 1
          && !m.getModifiers().contains(Modifier.STATIC)
          && env.accessibleFrom(m, pkg)
          && env.types().isSameType(m.getParameters().get(0).asType(), type)) {
        return Access.method(setter);
      }
    }
    if (env.accessibleFrom(field, pkg) && !field.getModifiers().contains(Modifier.FINAL)) {
      return Access.field(name);
    }
    return null;
  }

  static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
