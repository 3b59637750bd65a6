package io.typedetcd.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/** Collections of strings, which DOCUMENT mappers stream themselves instead of via the mapper. */
final class StringCollections {
  private static final ClassName STRING = ClassName.get(String.class);

  private StringCollections() {}

  /**
   * The {@code JsonReader} method that reads the property's type ({@code readStringList} or {@code
   * readStringSet}), or null when the type is not a List, Collection or Set of String.
   */
  static String of(TypeName type) {
    if (!(type instanceof ParameterizedTypeName p)
        || p.typeArguments().size() != 1
        || !p.typeArguments().get(0).equals(STRING)) {
      return null;
    }
    String raw = p.rawType().canonicalName();
    if (raw.equals("java.util.List") || raw.equals("java.util.Collection")) {
      return "readStringList";
    }
    if (raw.equals("java.util.Set")) {
      return "readStringSet";
    }
    return null;
  }
}
