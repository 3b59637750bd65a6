package io.typedetcd.processor.validate;

import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Finds types that do not resolve yet. Another processor may generate them in a later round, so an
 * element that refers to one is deferred instead of reported.
 */
public final class UnresolvedTypes {
  private UnresolvedTypes() {}

  /** The first unresolved type among the type's members, supertypes and annotations. */
  public static Optional<String> in(TypeElement type) {
    return in(type, Set.of());
  }

  /**
   * The same, not counting the types named in {@code ignored} (simple or qualified names): those
   * that processing this very type generates, such as an entity's own {@code Entity_Id}, which its
   * members may well use. Waiting for them would wait forever.
   */
  public static Optional<String> in(TypeElement type, Set<String> ignored) {
    Optional<String> found = in(type.getSuperclass(), ignored);
    for (TypeMirror i : type.getInterfaces()) {
      found = found.or(() -> in(i, ignored));
    }
    for (Element member : type.getEnclosedElements()) {
      found = found.or(() -> inMember(member, ignored));
    }
    return found;
  }

  private static Optional<String> inMember(Element member, Set<String> ignored) {
    Optional<String> found = annotations(member);
    if (member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.RECORD_COMPONENT) {
      found = found.or(() -> in(member.asType(), ignored));
    } else if (member instanceof ExecutableElement method) {
      found = found.or(() -> in(method.getReturnType(), ignored));
      for (VariableElement p : method.getParameters()) {
        found = found.or(() -> in(p.asType(), ignored)).or(() -> annotations(p));
      }
    }
    return found;
  }

  private static Optional<String> annotations(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
        // An unknown annotation is javac's to report; it cannot be one of ours.
        continue;
      }
      for (AnnotationValue value : mirror.getElementValues().values()) {
        if (value.getValue() instanceof TypeMirror t) {
          Optional<String> found = in(t);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  public static Optional<String> in(TypeMirror type) {
    return in(type, Set.of());
  }

  private static Optional<String> in(TypeMirror type, Set<String> ignored) {
    if (type == null) {
      return Optional.empty();
    }
    if (type.getKind() == TypeKind.ERROR) {
      String name = type.toString();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      return ignored.contains(name) || ignored.contains(simple)
          ? Optional.empty()
          : Optional.of(name);
    }
    if (type instanceof ArrayType array) {
      return in(array.getComponentType(), ignored);
    }
    if (type instanceof WildcardType wildcard) {
      return in(wildcard.getExtendsBound(), ignored)
          .or(() -> in(wildcard.getSuperBound(), ignored));
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        Optional<String> found = in(argument, ignored);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
