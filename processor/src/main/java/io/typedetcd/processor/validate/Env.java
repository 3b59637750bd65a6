package io.typedetcd.processor.validate;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The compiler utilities validators share, and the type questions they keep asking. */
public final class Env {
  private final Elements elements;
  private final Types types;
  private final Mirrors mirrors;

  public Env(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.mirrors = new Mirrors(elements);
  }

  public Elements elements() {
    return elements;
  }

  public Types types() {
    return types;
  }

  public Mirrors mirrors() {
    return mirrors;
  }

  public boolean isType(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  public boolean isEnum(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
  }

  /** The type with primitives boxed, for comparisons that accept either. */
  public TypeMirror boxed(TypeMirror type) {
    return type.getKind().isPrimitive()
        ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType()
        : type;
  }

  public boolean sameBoxed(TypeMirror a, TypeMirror b) {
    return types.isSameType(boxed(a), boxed(b));
  }

  public String packageOf(Element element) {
    PackageElement p = elements.getPackageOf(element);
    return p.getQualifiedName().toString();
  }

  /**
   * Whether generated code in {@code packageName} can use this member or type: public, or not
   * private and in the same package.
   */
  public boolean accessibleFrom(Element member, String packageName) {
    Element e = member;
    while (e != null && e.getKind() != ElementKind.PACKAGE) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!e.getModifiers().contains(Modifier.PUBLIC) && !packageOf(e).equals(packageName)) {
        return false;
      }
      e = e.getEnclosingElement();
      if (e != null && !(e instanceof TypeElement)) {
        break;
      }
    }
    return true;
  }

  /** Whether the type and every enclosing type is public. */
  public boolean isPublicEverywhere(TypeElement type) {
    Element e = type;
    while (e instanceof TypeElement) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
      e = e.getEnclosingElement();
    }
    return true;
  }

  /** {@code Outer.Inner}: how a user reads the type's name. */
  public static String displayName(TypeElement type) {
    return String.join(".", ClassName.get(type).simpleNames());
  }

  /** {@code Outer_Inner}: the prefix of generated type names. */
  public static String flatName(ClassName type) {
    return String.join("_", type.simpleNames());
  }
}
