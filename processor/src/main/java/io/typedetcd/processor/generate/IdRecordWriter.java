package io.typedetcd.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import javax.lang.model.element.Modifier;

/** Writes {@code Entity_Id}, the id record of a composite-key entity that declares none. */
public final class IdRecordWriter {
  private IdRecordWriter() {}

  public static TypeSpec.Builder write(EntityModel entity) {
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    for (PropertyModel key : entity.keys()) {
      components.addParameter(key.type(), key.name());
    }
    TypeSpec.Builder type =
        TypeSpec.recordBuilder((ClassName) entity.id().type())
            .recordConstructor(components.build())
            .addJavadoc(
                "The id of {@link $T}: its {@code @Key} components in key path order.\n",
                entity.type());
    if (entity.isPublic()) {
      type.addModifiers(Modifier.PUBLIC);
    }
    return type;
  }
}
