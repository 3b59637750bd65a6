package io.typedetcd.processor.validate;

import io.typedetcd.processor.model.ValueKind;
import javax.lang.model.type.TypeMirror;

/** Which stored property types the generated code streams itself; the rest go through JSON. */
final class ValueKinds {
  private final Env env;

  ValueKinds(Env env) {
    this.env = env;
  }

  ValueKind of(TypeMirror type) {
    TypeMirror unboxed = type;
    if (!type.getKind().isPrimitive()) {
      if (env.isType(type, "java.lang.String")) {
        return ValueKind.STRING;
      }
      if (env.isEnum(type)) {
        return ValueKind.ENUM;
      }
      try {
        unboxed = env.types().unboxedType(type);
      } catch (IllegalArgumentException notABox) {
        return ValueKind.JSON;
      }
    }
    switch (unboxed.getKind()) {
      case BOOLEAN:
        return ValueKind.BOOLEAN;
      case BYTE:
        return ValueKind.BYTE;
      case SHORT:
        return ValueKind.SHORT;
      case INT:
        return ValueKind.INT;
      case LONG:
        return ValueKind.LONG;
      case FLOAT:
        return ValueKind.FLOAT;
      case DOUBLE:
        return ValueKind.DOUBLE;
      case CHAR:
        return ValueKind.CHAR;
      default:
        return ValueKind.JSON;
    }
  }
}
