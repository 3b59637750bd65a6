package io.typedetcd.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * The repository ID type of an entity.
 *
 * @param type the single key's (boxed) type, or the composite id record
 * @param composite whether {@link #type} is a record of several keys
 * @param generated whether the processor writes the record ({@code Entity_Id})
 * @param components the record's component names, one per key in key order; empty for a single key
 */
public record IdModel(
    TypeName type, boolean composite, boolean generated, List<String> components) {
  public IdModel {
    components = List.copyOf(components);
  }

  public static IdModel single(TypeName boxedKeyType) {
    return new IdModel(boxedKeyType, false, false, List.of());
  }
}
