package io.typedetcd.processor.validate;

import com.palantir.javapoet.ClassName;
import io.typedetcd.processor.Messages;
import io.typedetcd.processor.model.KeyCodec;
import io.typedetcd.processor.model.KeyKind;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Chooses the key segment encoding of a {@code @Key} property, or reports why there is none. */
final class KeyTypes {
  private final Env env;

  KeyTypes(Env env) {
    this.env = env;
  }

  /** The codec, or empty after reporting. */
  Optional<KeyCodec> codecOf(
      String entity,
      String property,
      Element element,
      TypeMirror type,
      AnnotationMirror key,
      Report report) {
    Optional<AnnotationValue> codecValue = env.mirrors().explicitValue(key, "codec");
    if (codecValue.isPresent()
        && codecValue.get().getValue() instanceof DeclaredType codec
        && !env.isType(codec, "java.lang.Void")) {
      return customCodec(entity, property, element, type, key, codecValue.get(), codec, report);
    }
    Optional<KeyCodec> builtIn = builtInCodec(type);
    if (builtIn.isEmpty()) {
      report.error(element, Messages.keyType(entity, property, type.toString()));
    }
    return builtIn;
  }

  /**
   * The built-in {@code KeySegments} encoding of the type (String, UUID, int, long, their boxes,
   * enums): what keys use without a codec, and what {@code @Indexed} values use.
   */
  Optional<KeyCodec> builtInCodec(TypeMirror type) {
    Optional<KeyKind> kind = builtIn(type);
    if (kind.isPresent() && kind.get() == KeyKind.ENUM) {
      TypeElement enumType = (TypeElement) ((DeclaredType) type).asElement();
      return Optional.of(new KeyCodec(KeyKind.ENUM, null, ClassName.get(enumType)));
    }
    return kind.map(KeyCodec::builtIn);
  }

  private Optional<KeyKind> builtIn(TypeMirror type) {
    switch (type.getKind()) {
      case INT:
        return Optional.of(KeyKind.INT);
      case LONG:
        return Optional.of(KeyKind.LONG);
      case DECLARED:
        break;
      default:
        return Optional.empty();
    }
    if (env.isType(type, "java.lang.String")) {
      return Optional.of(KeyKind.STRING);
    }
    if (env.isType(type, "java.lang.Integer")) {
      return Optional.of(KeyKind.INT);
    }
    if (env.isType(type, "java.lang.Long")) {
      return Optional.of(KeyKind.LONG);
    }
    if (env.isType(type, "java.util.UUID")) {
      return Optional.of(KeyKind.UUID);
    }
    if (env.isEnum(type)) {
      return Optional.of(KeyKind.ENUM);
    }
    return Optional.empty();
  }

  private Optional<KeyCodec> customCodec(
      String entity,
      String property,
      Element element,
      TypeMirror type,
      AnnotationMirror key,
      AnnotationValue value,
      DeclaredType codec,
      Report report) {
    TypeElement codecElement = (TypeElement) codec.asElement();
    String name = codecElement.getSimpleName().toString();
    String problem = codecProblem(codecElement, codec, type);
    if (problem != null) {
      report.error(element, key, value, Messages.keyCodec(entity, property, name, problem));
      return Optional.empty();
    }
    return Optional.of(new KeyCodec(KeyKind.CUSTOM, ClassName.get(codecElement), null));
  }

  private String codecProblem(TypeElement codec, DeclaredType codecType, TypeMirror keyType) {
    if (codec.getKind() != ElementKind.CLASS || codec.getModifiers().contains(Modifier.ABSTRACT)) {
      return "is not a concrete class";
    }
    if (!env.isPublicEverywhere(codec)) {
      return "is not public";
    }
    if (codec.getEnclosingElement() instanceof TypeElement
        && !codec.getModifiers().contains(Modifier.STATIC)) {
      return "is an inner class";
    }
    List<ExecutableElement> constructors =
        ElementFilter.constructorsIn(codec.getEnclosedElements());
    boolean noArg =
        constructors.stream()
            .anyMatch(
                c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
    if (!noArg) {
      return "has no public no-argument constructor";
    }
    Optional<TypeMirror> encoded = encodedType(codecType);
    if (encoded.isEmpty()) {
      return "does not implement KeySegmentCodec with a type argument";
    }
    if (!env.sameBoxed(encoded.get(), keyType)) {
      return "encodes " + encoded.get() + ", not " + keyType;
    }
    return null;
  }

  /** T of the codec's {@code KeySegmentCodec<T>} supertype. */
  private Optional<TypeMirror> encodedType(TypeMirror type) {
    if (env.isType(type, Names.KEY_SEGMENT_CODEC)) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      return args.size() == 1 && args.get(0).getKind() != TypeKind.WILDCARD
          ? Optional.of(args.get(0))
          : Optional.empty();
    }
    for (TypeMirror s : env.types().directSupertypes(type)) {
      Optional<TypeMirror> found = encodedType(s);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
