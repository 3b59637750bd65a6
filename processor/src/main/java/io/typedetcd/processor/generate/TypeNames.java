package io.typedetcd.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/** Type names as a user reads them in a runtime message. */
final class TypeNames {
  private TypeNames() {}

  /** {@code Status} rather than {@code shop.Order.Status}; generic types as written. */
  static String simple(TypeName type) {
    TypeName plain = type.withoutAnnotations();
    return plain instanceof ClassName c ? c.simpleName() : plain.toString();
  }
}
