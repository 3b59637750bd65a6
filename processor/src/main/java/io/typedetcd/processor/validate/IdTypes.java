package io.typedetcd.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.typedetcd.processor.Messages;
import io.typedetcd.processor.model.IdModel;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * The repository ID type of an entity: the single key's type; for several keys, the entity's nested
 * {@code record Id} (checked against the keys), or else an {@code Entity_Id} record the processor
 * generates.
 */
final class IdTypes {
  private final Env env;

  IdTypes(Env env) {
    this.env = env;
  }

  Optional<IdModel> resolve(
      TypeElement entity, String display, List<RawProperty> keys, Report report) {
    if (keys.size() == 1) {
      return Optional.of(IdModel.single(TypeName.get(env.boxed(keys.get(0).type()))));
    }
    String expected =
        keys.stream()
            .map(k -> k.type() + " " + k.name())
            .collect(Collectors.joining(", ", "record Id(", ")"));
    Optional<TypeElement> declared = nestedId(entity);
    if (declared.isEmpty()) {
      ClassName type = ClassName.get(entity);
      ClassName generated = ClassName.get(type.packageName(), Env.flatName(type) + "_Id");
      return Optional.of(
          new IdModel(generated, true, true, keys.stream().map(RawProperty::name).toList()));
    }
    TypeElement id = declared.get();
    String idName = display + ".Id";
    String problem = problem(id, keys);
    if (problem != null) {
      report.error(id, Messages.idRecord(display, idName, problem, expected));
      return Optional.empty();
    }
    List<String> components =
        id.getRecordComponents().stream().map(c -> c.getSimpleName().toString()).toList();
    return Optional.of(new IdModel(ClassName.get(id), true, false, components));
  }

  private Optional<TypeElement> nestedId(TypeElement entity) {
    for (Element e : entity.getEnclosedElements()) {
      if (e instanceof TypeElement t && t.getSimpleName().contentEquals("Id")) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private String problem(TypeElement id, List<RawProperty> keys) {
    if (id.getKind() != ElementKind.RECORD) {
      return "is not a record";
    }
    if (id.getModifiers().contains(Modifier.PRIVATE)) {
      return "is private";
    }
    if (!id.getTypeParameters().isEmpty()) {
      return "has type parameters";
    }
    List<? extends RecordComponentElement> components = id.getRecordComponents();
    if (components.size() != keys.size()) {
      return "has " + components.size() + " components, but there are " + keys.size() + " keys";
    }
    for (int i = 0; i < keys.size(); i++) {
      RecordComponentElement c = components.get(i);
      RawProperty key = keys.get(i);
      if (!env.sameBoxed(c.asType(), key.type())) {
        return "has component "
            + (i + 1)
            + " '"
            + c.getSimpleName()
            + "' of type "
            + c.asType()
            + ", but key "
            + (i + 1)
            + " '"
            + key.name()
            + "' is "
            + key.type();
      }
    }
    return null;
  }
}
