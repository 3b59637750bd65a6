package io.typedetcd.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import io.typedetcd.processor.model.ValueKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the codec of a FIELDS mapper: one text value per stored property (strings raw, numbers,
 * booleans and enum constants as text, anything else as JSON), so other tools can read and edit
 * them. Null is an absent key, so only {@code @Nullable} properties may be null: a missing key of
 * any other property means the entity is partly stored, which is reported, not half-filled.
 */
final class FieldsCodecWriter {
  private static final TypeName FIELD_MAP =
      ParameterizedTypeName.get(
          RuntimeTypes.MAP, ClassName.get(String.class), RuntimeTypes.BYTE_STRING);

  private FieldsCodecWriter() {}

  static void addTo(TypeSpec.Builder type, MapperContext context) {
    EntityModel entity = context.entity();
    CodeBlock names =
        entity.values().stream()
            .map(p -> CodeBlock.of("$S", p.storedName()))
            .collect(CodeBlock.joining(", "));
    type.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(RuntimeTypes.LIST, ClassName.get(String.class)),
                MapperContext.FIELD_NAMES,
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", RuntimeTypes.LIST, names)
            .build());
    type.addMethod(
        MapperWriter.override(
                "fieldNames",
                ParameterizedTypeName.get(RuntimeTypes.LIST, ClassName.get(String.class)))
            .addStatement("return $N", MapperContext.FIELD_NAMES)
            .build());
    type.addMethod(encode(context));
    type.addMethod(decode(context));
    if (context.usesHelper("parseBoolean")) {
      type.addMethod(parseBoolean());
    }
    if (context.usesHelper("parseChar")) {
      type.addMethod(parseChar());
    }
    type.addMethod(fieldProblem(entity));
  }

  private static MethodSpec encode(MapperContext context) {
    EntityModel entity = context.entity();
    NameAllocator names = new NameAllocator();
    names.newName("entity", "entity");
    String fields = names.newName("fields", "fields");
    MethodSpec.Builder method =
        MapperWriter.override("encodeFields", FIELD_MAP)
            .addParameter(entity.type(), "entity")
            .addStatement("$T $N = new $T<>()", FIELD_MAP, fields, RuntimeTypes.LINKED_HASH_MAP);
    for (PropertyModel p : entity.values()) {
      CodeBlock read = MapperContext.read(p, "entity");
      if (p.isPrimitive()) {
        method.addStatement("$N.put($S, $L)", fields, p.storedName(), text(p, read));
        continue;
      }
      String local = names.newName(MapperContext.local(p.name()), p);
      method.addStatement("$T $N = $L", p.type(), local, read);
      if (p.nullable()) {
        method.addStatement(
            "$N.put($S, $N == null ? null : $L)",
            fields,
            p.storedName(),
            local,
            text(p, CodeBlock.of("$N", local)));
        continue;
      }
      // Stored as an absent key, a null would read back as a partly stored entity: refuse it.
      method
          .beginControlFlow("if ($N == null)", local)
          .addStatement(
              "throw fieldProblem(id(entity), $S, $S, $S, null)",
              p.storedName(),
              p.name(),
              "is null but not @Nullable; a FIELDS entity stores null as an absent key, so give it"
                  + " a value or mark it @Nullable")
          .endControlFlow()
          .addStatement(
              "$N.put($S, $L)", fields, p.storedName(), text(p, CodeBlock.of("$N", local)));
    }
    return method.addStatement("return $N", fields).build();
  }

  /** The stored text of a non-null value. */
  private static CodeBlock text(PropertyModel p, CodeBlock value) {
    switch (p.valueKind()) {
      case STRING:
        return CodeBlock.of("$T.copyFromUtf8($L)", RuntimeTypes.BYTE_STRING, value);
      case ENUM:
        return CodeBlock.of("$T.copyFromUtf8($L.name())", RuntimeTypes.BYTE_STRING, value);
      case JSON:
        return CodeBlock.of("$T.toText($L)", RuntimeTypes.JSON, value);
      default:
        return CodeBlock.of("$T.copyFromUtf8(String.valueOf($L))", RuntimeTypes.BYTE_STRING, value);
    }
  }

  private static MethodSpec decode(MapperContext context) {
    EntityModel entity = context.entity();
    NameAllocator names = new NameAllocator();
    for (String reserved : List.of("id", "fields", "version", "e")) {
      names.newName(reserved, reserved);
    }
    MethodSpec.Builder method =
        MapperWriter.override("decodeFields", entity.type())
            .addParameter(entity.id().type(), "id")
            .addParameter(FIELD_MAP, "fields")
            .addParameter(long.class, "version");
    Map<String, CodeBlock> values = new HashMap<>();
    for (PropertyModel p : entity.values()) {
      String local = names.newName(MapperContext.local(p.name()), p);
      String text = names.newName(MapperContext.local(p.name()) + "Text", p.name() + "#text");
      values.put(p.name(), CodeBlock.of("$N", local));
      method.addStatement("$T $N = fields.get($S)", RuntimeTypes.BYTE_STRING, text, p.storedName());
      if (p.nullable()) {
        method
            .addStatement("$T $N = null", p.type(), local)
            .beginControlFlow("if ($N != null)", text);
      } else {
        method
            .beginControlFlow("if ($N == null)", text)
            .addStatement(
                "throw fieldProblem(id, $S, $S, $S, null)",
                p.storedName(),
                p.name(),
                "is missing; the entity is only partly stored")
            .endControlFlow()
            .addStatement("$T $N", p.type(), local);
      }
      if (p.valueKind() == ValueKind.STRING) {
        method.addStatement("$N = $N.toStringUtf8()", local, text);
      } else {
        boolean json = p.valueKind() == ValueKind.JSON;
        method
            .beginControlFlow("try")
            .addStatement("$N = $L", local, parse(context, p, text))
            .nextControlFlow(
                json ? "catch ($T | $T e)" : "catch ($T e)",
                json
                    ? new Object[] {RuntimeTypes.IO_EXCEPTION, RuntimeException.class}
                    : new Object[] {RuntimeException.class})
            .addStatement(
                "throw fieldProblem(id, $S, $S, $S + $N.toStringUtf8() + $S + e.getMessage(), e)",
                p.storedName(),
                p.name(),
                "'",
                text,
                "' does not parse as " + TypeNames.simple(p.type()) + ": ")
            .endControlFlow();
      }
      if (p.nullable()) {
        method.endControlFlow();
      }
    }
    List<PropertyModel> keys = entity.keys();
    for (int i = 0; i < keys.size(); i++) {
      values.put(
          keys.get(i).name(),
          entity.id().composite()
              ? CodeBlock.of("id.$N()", entity.id().components().get(i))
              : CodeBlock.of("id"));
    }
    entity.version().ifPresent(v -> values.put(v.name(), CodeBlock.of("version")));
    return method.addCode(Instances.createAndReturn(entity, values, names)).build();
  }

  /** The MappingException of one property key: {@code {entityKey}/{name}}. */
  private static MethodSpec fieldProblem(EntityModel entity) {
    return MethodSpec.methodBuilder("fieldProblem")
        .addModifiers(Modifier.PRIVATE)
        .returns(RuntimeTypes.MAPPING_EXCEPTION)
        .addParameter(entity.id().type(), "id")
        .addParameter(String.class, "name")
        .addParameter(String.class, "property")
        .addParameter(String.class, "problem")
        .addParameter(Throwable.class, "cause")
        .addStatement(
            "return new $T($S, key(id).toStringUtf8() + $S + name, property, problem, cause)",
            RuntimeTypes.MAPPING_EXCEPTION,
            entity.displayName(),
            "/")
        .build();
  }

  /** Parses the text into the property's type; may throw. */
  private static CodeBlock parse(MapperContext context, PropertyModel p, String text) {
    CodeBlock s = CodeBlock.of("$N.toStringUtf8()", text);
    switch (p.valueKind()) {
      case BOOLEAN:
        context.useHelper("parseBoolean");
        return CodeBlock.of("parseBoolean($L)", s);
      case CHAR:
        context.useHelper("parseChar");
        return CodeBlock.of("parseChar($L)", s);
      case BYTE:
        return CodeBlock.of("Byte.parseByte($L)", s);
      case SHORT:
        return CodeBlock.of("Short.parseShort($L)", s);
      case INT:
        return CodeBlock.of("Integer.parseInt($L)", s);
      case LONG:
        return CodeBlock.of("Long.parseLong($L)", s);
      case FLOAT:
        return CodeBlock.of("Float.parseFloat($L)", s);
      case DOUBLE:
        return CodeBlock.of("Double.parseDouble($L)", s);
      case ENUM:
        return CodeBlock.of("$T.valueOf($L)", p.type(), s);
      case JSON:
        return CodeBlock.of("$T.fromText($N, $L)", RuntimeTypes.JSON, text, context.javaType(p));
      default:
        throw new AssertionError(p.valueKind());
    }
  }

  /** Stricter than Boolean.parseBoolean, which reads any typo as false. */
  private static MethodSpec parseBoolean() {
    return MethodSpec.methodBuilder("parseBoolean")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(String.class, "text")
        .beginControlFlow("if (text.equals($S) || text.equals($S))", "true", "false")
        .addStatement("return text.equals($S)", "true")
        .endControlFlow()
        .addStatement("throw new $T($S)", IllegalArgumentException.class, "not true or false")
        .build();
  }

  private static MethodSpec parseChar() {
    return MethodSpec.methodBuilder("parseChar")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(char.class)
        .addParameter(String.class, "text")
        .beginControlFlow("if (text.length() == 1)")
        .addStatement("return text.charAt(0)")
        .endControlFlow()
        .addStatement("throw new $T($S)", IllegalArgumentException.class, "not one character")
        .build();
  }
}
