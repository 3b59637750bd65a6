package io.typedetcd.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import io.typedetcd.processor.model.Construction;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Creates an entity instance the way its shape allows: constructor, or setters. */
final class Instances {
  private Instances() {}

  /**
   * Statements that build the entity from the given values and return it.
   *
   * @param values an expression per property name; properties without one get their Java default
   */
  static CodeBlock createAndReturn(
      EntityModel entity, Map<String, CodeBlock> values, NameAllocator names) {
    Construction construction = entity.construction();
    if (construction.kind() != Construction.Kind.SETTERS) {
      List<CodeBlock> args = new ArrayList<>();
      for (String parameter : construction.parameters()) {
        PropertyModel p = entity.property(parameter).orElseThrow();
        args.add(values.getOrDefault(parameter, CodeBlock.of("$L", p.defaultValue())));
      }
      return CodeBlock.builder()
          .addStatement("return new $T($L)", entity.type(), CodeBlock.join(args, ",$W"))
          .build();
    }
    String instance = names.newName("entity", new Object());
    CodeBlock.Builder code =
        CodeBlock.builder()
            .addStatement("$T $N = new $T()", entity.type(), instance, entity.type());
    for (PropertyModel p : entity.properties()) {
      CodeBlock value = values.get(p.name());
      if (value != null && p.write() != null) {
        code.addStatement("$L", MapperContext.write(p, instance, value));
      }
    }
    return code.addStatement("return $N", instance).build();
  }
}
