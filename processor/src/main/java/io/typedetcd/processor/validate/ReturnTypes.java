package io.typedetcd.processor.validate;

import io.typedetcd.processor.model.ResultShape;
import java.util.List;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Classifies what a derived query returns. */
final class ReturnTypes {
  /** The shape, whether it is in a future; shape null when unsupported. */
  record Classified(ResultShape shape, boolean async) {}

  private final Env env;

  ReturnTypes(Env env) {
    this.env = env;
  }

  Classified classify(TypeMirror type, TypeMirror entity) {
    if (env.isType(type, "java.util.concurrent.CompletableFuture")) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      if (args.size() != 1 || args.get(0).getKind() != TypeKind.DECLARED) {
        return new Classified(null, true);
      }
      TypeMirror inner = args.get(0);
      ResultShape shape =
          env.isType(inner, "java.lang.Void") ? ResultShape.VOID : shape(inner, entity);
      boolean blockingOnly = shape == ResultShape.STREAM || shape == ResultShape.SUBSCRIPTION;
      return new Classified(blockingOnly ? null : shape, true);
    }
    return new Classified(
        type.getKind() == TypeKind.VOID ? ResultShape.VOID : shape(type, entity), false);
  }

  private ResultShape shape(TypeMirror type, TypeMirror entity) {
    if (env.types().isSameType(type, entity)) {
      return ResultShape.ENTITY;
    }
    if (type.getKind() == TypeKind.LONG || env.isType(type, "java.lang.Long")) {
      return ResultShape.COUNT;
    }
    if (type.getKind() == TypeKind.BOOLEAN || env.isType(type, "java.lang.Boolean")) {
      return ResultShape.BOOLEAN;
    }
    if (ofEntity(type, "java.util.Optional", entity)) {
      return ResultShape.OPTIONAL;
    }
    if (ofEntity(type, "java.util.List", entity)) {
      return ResultShape.LIST;
    }
    if (ofEntity(type, "java.util.stream.Stream", entity)) {
      return ResultShape.STREAM;
    }
    if (ofEntity(type, Names.PAGE, entity)) {
      return ResultShape.PAGE;
    }
    if (env.isType(type, Names.SUBSCRIPTION)) {
      return ResultShape.SUBSCRIPTION;
    }
    return null;
  }

  private boolean ofEntity(TypeMirror type, String container, TypeMirror entity) {
    if (!env.isType(type, container)) {
      return false;
    }
    List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
    return args.size() == 1 && env.types().isSameType(args.get(0), entity);
  }
}
