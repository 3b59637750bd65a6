package io.typedetcd.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import io.typedetcd.processor.model.ValueKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code encode}/{@code decode} of a DOCUMENT mapper: the stored properties as one JSON
 * object, streamed with Jackson's generator and parser. Nulls are left out; on reading, unknown
 * fields are skipped, missing ones (and nulls) keep their Java default, and a value of the wrong
 * JSON type is a MappingException naming the property.
 */
final class DocumentCodecWriter {
  private DocumentCodecWriter() {}

  static void addTo(TypeSpec.Builder type, MapperContext context) {
    type.addMethod(encode(context));
    type.addMethod(decode(context));
  }

  private static MethodSpec encode(MapperContext context) {
    EntityModel entity = context.entity();
    NameAllocator names = new NameAllocator();
    for (String reserved : List.of("entity", "writer", "generator", "e")) {
      names.newName(reserved, reserved);
    }
    MethodSpec.Builder method =
        MapperWriter.override("encode", RuntimeTypes.BYTE_STRING)
            .addParameter(entity.type(), "entity")
            .beginControlFlow(
                "try ($T writer = $T.writer())", RuntimeTypes.JSON_WRITER, RuntimeTypes.JSON)
            .addStatement("$T generator = writer.generator()", RuntimeTypes.JSON_GENERATOR)
            .addStatement("generator.writeStartObject()");
    for (PropertyModel p : entity.values()) {
      CodeBlock read = MapperContext.read(p, "entity");
      if (p.isPrimitive()) {
        method.addCode(write(p, read));
        continue;
      }
      String local = names.newName(MapperContext.local(p.name()), p);
      // A null is left out: reading a missing property gives null back.
      method
          .addStatement("$T $N = $L", p.type(), local, read)
          .beginControlFlow("if ($N != null)", local)
          .addCode(write(p, CodeBlock.of("$N", local)))
          .endControlFlow();
    }
    return method
        .addStatement("generator.writeEndObject()")
        .addStatement("return writer.toByteString()")
        .nextControlFlow("catch ($T e)", RuntimeTypes.IO_EXCEPTION)
        .addStatement(
            "throw new $T($S, null, null, $S + e.getMessage(), e)",
            RuntimeTypes.MAPPING_EXCEPTION,
            entity.displayName(),
            "cannot encode: ")
        .endControlFlow()
        .build();
  }

  /** The generator calls writing a non-null value, as statements. */
  private static CodeBlock write(PropertyModel p, CodeBlock value) {
    String name = p.storedName();
    if (p.valueKind() == ValueKind.JSON && StringCollections.of(p.type()) != null) {
      return CodeBlock.builder()
          .addStatement("generator.writeFieldName($S)", name)
          .addStatement("$T.writeStrings(generator, $L)", RuntimeTypes.JSON, value)
          .build();
    }
    if (p.valueKind() == ValueKind.JSON) {
      return CodeBlock.builder()
          .addStatement("generator.writeFieldName($S)", name)
          .addStatement("$T.writeObject(generator, $L)", RuntimeTypes.JSON, value)
          .build();
    }
    return CodeBlock.builder().addStatement("$L", call(p, name, value)).build();
  }

  private static CodeBlock call(PropertyModel p, String name, CodeBlock value) {
    switch (p.valueKind()) {
      case STRING:
        return CodeBlock.of("generator.writeStringField($S, $L)", name, value);
      case BOOLEAN:
        return CodeBlock.of("generator.writeBooleanField($S, $L)", name, unboxed(p, value));
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
      case FLOAT:
      case DOUBLE:
        return CodeBlock.of("generator.writeNumberField($S, $L)", name, unboxed(p, value));
      case CHAR:
        return CodeBlock.of("generator.writeStringField($S, String.valueOf($L))", name, value);
      case ENUM:
        return CodeBlock.of("generator.writeStringField($S, $L.name())", name, value);
      default:
        throw new AssertionError(p.valueKind());
    }
  }

  private static CodeBlock unboxed(PropertyModel p, CodeBlock value) {
    return p.isPrimitive() ? value : CodeBlock.of("$L.$LValue()", value, p.type().unbox());
  }

  private static MethodSpec decode(MapperContext context) {
    EntityModel entity = context.entity();
    NameAllocator names = new NameAllocator();
    for (String reserved :
        List.of("key", "value", "modRevision", "id", "field", "parser", "token", "e")) {
      names.newName(reserved, reserved);
    }
    MethodSpec.Builder method =
        MapperWriter.override("decode", entity.type())
            .addParameter(RuntimeTypes.BYTE_STRING, "key")
            .addParameter(RuntimeTypes.BYTE_STRING, "value")
            .addParameter(long.class, "modRevision")
            .addStatement("$T id = idFromKey(key)", entity.id().type());
    Map<String, CodeBlock> values = new HashMap<>();
    List<PropertyModel> stored = entity.values();
    for (PropertyModel p : stored) {
      String local = names.newName(MapperContext.local(p.name()), p);
      method.addStatement("$T $N = $L", p.type(), local, p.defaultValue());
      values.put(p.name(), CodeBlock.of("$N", local));
    }
    method
        .addStatement("String field = null")
        .beginControlFlow(
            "try ($T parser = $T.parser(value))", RuntimeTypes.JSON_PARSER, RuntimeTypes.JSON)
        .beginControlFlow("if (parser.nextToken() != $T.START_OBJECT)", RuntimeTypes.JSON_TOKEN)
        .addStatement("throw problem(key, null, $S, null)", "the value is not a JSON object")
        .endControlFlow()
        .beginControlFlow("while (parser.nextToken() == $T.FIELD_NAME)", RuntimeTypes.JSON_TOKEN)
        .addStatement("field = parser.currentName()")
        .addStatement("$T token = parser.nextToken()", RuntimeTypes.JSON_TOKEN);
    if (stored.isEmpty()) {
      method.addStatement("parser.skipChildren()");
    } else {
      method.beginControlFlow("switch (field)");
      for (PropertyModel p : stored) {
        method.beginControlFlow("case $S ->", p.storedName());
        method.addCode(read(context, p, names.get(p)));
        method.endControlFlow();
      }
      method.addStatement("default -> parser.skipChildren()").endControlFlow();
    }
    method
        .endControlFlow()
        .nextControlFlow("catch ($T e)", RuntimeTypes.MAPPING_EXCEPTION)
        .addStatement("throw e")
        .nextControlFlow("catch ($T | $T e)", RuntimeTypes.IO_EXCEPTION, RuntimeException.class)
        .addStatement("throw problem(key, field, $S + e.getMessage(), e)", "malformed value: ")
        .endControlFlow();
    List<PropertyModel> keys = entity.keys();
    for (int i = 0; i < keys.size(); i++) {
      values.put(
          keys.get(i).name(),
          entity.id().composite()
              ? CodeBlock.of("id.$N()", entity.id().components().get(i))
              : CodeBlock.of("id"));
    }
    entity.version().ifPresent(v -> values.put(v.name(), CodeBlock.of("modRevision")));
    return method.addCode(Instances.createAndReturn(entity, values, names)).build();
  }

  /** Reads the current token into the property's local, or throws naming the property. */
  private static CodeBlock read(MapperContext context, PropertyModel p, String local) {
    String token = "$T.";
    CodeBlock.Builder code = CodeBlock.builder();
    ValueKind kind = p.valueKind();
    switch (kind) {
      case STRING:
        code.beginControlFlow("if (token == " + token + "VALUE_STRING)", RuntimeTypes.JSON_TOKEN)
            .addStatement("$N = parser.getText()", local);
        break;
      case BOOLEAN:
        code.beginControlFlow("if (token.isBoolean())")
            .addStatement("$N = parser.getBooleanValue()", local);
        break;
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
        code.beginControlFlow(
                "if (token == " + token + "VALUE_NUMBER_INT)", RuntimeTypes.JSON_TOKEN)
            .addStatement("$N = parser.get$LValue()", local, numberName(kind));
        break;
      case FLOAT:
      case DOUBLE:
        // Jackson writes NaN and infinities as strings.
        code.beginControlFlow("if (token.isNumeric())")
            .addStatement("$N = parser.get$LValue()", local, numberName(kind))
            .nextControlFlow(
                "else if (token == " + token + "VALUE_STRING)", RuntimeTypes.JSON_TOKEN)
            .addStatement(
                "$N = $T.parse$L(parser.getText())", local, p.type().box(), numberName(kind));
        break;
      case CHAR:
        code.beginControlFlow(
                "if (token == " + token + "VALUE_STRING && parser.getTextLength() == 1)",
                RuntimeTypes.JSON_TOKEN)
            .addStatement("$N = parser.getText().charAt(0)", local);
        break;
      case ENUM:
        code.beginControlFlow("if (token == " + token + "VALUE_STRING)", RuntimeTypes.JSON_TOKEN)
            .addStatement("$N = $T.valueOf(parser.getText())", local, p.type());
        break;
      case JSON:
        String reader = StringCollections.of(p.type());
        if (reader != null) {
          // A collection of strings is streamed too: the mapper's per-call setup costs more.
          return code.beginControlFlow(
                  "if (token == " + token + "START_ARRAY)", RuntimeTypes.JSON_TOKEN)
              .addStatement("$N = $T.$L(parser)", local, RuntimeTypes.JSON, reader)
              .nextControlFlow(
                  "else if (token == " + token + "VALUE_NULL)", RuntimeTypes.JSON_TOKEN)
              .addStatement("$N = null", local)
              .nextControlFlow("else")
              .addStatement(
                  "throw problem(key, $S, $S + token, null)",
                  p.name(),
                  "expected an array of strings, found ")
              .endControlFlow()
              .build();
        }
        code.beginControlFlow("if (token != " + token + "VALUE_NULL)", RuntimeTypes.JSON_TOKEN)
            .addStatement(
                "$N = $T.readObject(parser, $L)", local, RuntimeTypes.JSON, context.javaType(p))
            .nextControlFlow("else")
            .addStatement("$N = null", local)
            .endControlFlow();
        return code.build();
      default:
        throw new AssertionError(kind);
    }
    if (p.isPrimitive()) {
      code.nextControlFlow("else if (token != " + token + "VALUE_NULL)", RuntimeTypes.JSON_TOKEN);
    } else {
      code.nextControlFlow("else if (token == " + token + "VALUE_NULL)", RuntimeTypes.JSON_TOKEN)
          .addStatement("$N = null", local)
          .nextControlFlow("else");
    }
    return code.addStatement(
            "throw problem(key, $S, $S + token, null)",
            p.name(),
            "expected " + expected(p) + ", found ")
        .endControlFlow()
        .build();
  }

  private static String numberName(ValueKind kind) {
    switch (kind) {
      case BYTE:
        return "Byte";
      case SHORT:
        return "Short";
      case INT:
        return "Int";
      case LONG:
        return "Long";
      case FLOAT:
        return "Float";
      default:
        return "Double";
    }
  }

  private static String expected(PropertyModel p) {
    switch (p.valueKind()) {
      case STRING:
        return "a string";
      case BOOLEAN:
        return "true or false";
      case CHAR:
        return "a one-character string";
      case ENUM:
        return "a constant name of " + TypeNames.simple(p.type());
      case FLOAT:
      case DOUBLE:
        return "a number";
      default:
        return "an integer";
    }
  }
}
