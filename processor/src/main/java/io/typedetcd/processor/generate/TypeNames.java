package io.typedetcd.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/** Type names as a user reads them in a runtime message. */
final class TypeNames {
  private TypeNames() {}

  /** {@code Status} for {@code shop.Order.Status}, {@code List<String>} for the qualified one. */
  static String simple(TypeName type) {
    TypeName plain = type.withoutAnnotations();
    return plain instanceof ClassName c
        ? c.simpleName()
        : plain.toString().replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Z])", "");
  }
}
