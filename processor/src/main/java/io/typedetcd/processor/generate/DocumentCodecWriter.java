package io.typedetcd.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import io.typedetcd.processor.model.ValueKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code encode}/{@code decode} of a DOCUMENT mapper: the stored properties as one JSON
 * object, written with {@code JsonWriter} and read with {@code JsonReader} (property names encoded
 * once, in a static {@code JsonNames}); property types those cannot handle go through the shared
 * mapper. Nulls are left out; on reading, unknown fields are skipped, missing ones (and nulls) keep
 * their Java default, and a value of the wrong JSON type is a MappingException naming the property.
 */
final class DocumentCodecWriter {
  private DocumentCodecWriter() {}

  static void addTo(TypeSpec.Builder type, MapperContext context) {
    List<PropertyModel> stored = context.entity().values();
    CodeBlock names =
        stored.stream()
            .map(p -> CodeBlock.of("$S", p.storedName()))
            .collect(CodeBlock.joining(", "));
    type.addField(
        FieldSpec.builder(
                RuntimeTypes.JSON_NAMES,
                MapperContext.JSON_NAMES,
                Modifier.PRIVATE,
                Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", RuntimeTypes.JSON_NAMES, names)
            .build());
    type.addMethod(encode(context));
    type.addMethod(decode(context));
  }

  private static MethodSpec encode(MapperContext context) {
    EntityModel entity = context.entity();
    NameAllocator names = new NameAllocator();
    for (String reserved : List.of("entity", "out", "e")) {
      names.newName(reserved, reserved);
    }
    MethodSpec.Builder method =
        MapperWriter.override("encode", RuntimeTypes.BYTE_STRING)
            .addParameter(entity.type(), "entity")
            .beginControlFlow(
                "try ($T out = $T.open())", RuntimeTypes.JSON_WRITER, RuntimeTypes.JSON_WRITER)
            .addStatement("out.beginObject()");
    List<PropertyModel> stored = entity.values();
    boolean throwsIo = false;
    for (int i = 0; i < stored.size(); i++) {
      PropertyModel p = stored.get(i);
      throwsIo |= p.valueKind() == ValueKind.JSON && StringCollections.of(p.type()) == null;
      CodeBlock read = MapperContext.read(p, "entity");
      if (p.isPrimitive()) {
        method.addStatement("$L", write(p, i, read));
        continue;
      }
      String local = names.newName(MapperContext.local(p.name()), p);
      // A null is left out: reading a missing property gives null back.
      method
          .addStatement("$T $N = $L", p.type(), local, read)
          .beginControlFlow("if ($N != null)", local)
          .addStatement("$L", write(p, i, CodeBlock.of("$N", local)))
          .endControlFlow();
    }
    method.addStatement("return out.endObject().toByteString()");
    if (throwsIo) { // only the shared mapper can fail
      method
          .nextControlFlow("catch ($T e)", RuntimeTypes.IO_EXCEPTION)
          .addStatement(
              "throw new $T($S, null, null, $S + e.getMessage(), e)",
              RuntimeTypes.MAPPING_EXCEPTION,
              entity.displayName(),
              "cannot encode: ");
    }
    return method.endControlFlow().build();
  }

  /** Writes the name and the non-null value of property {@code index}. */
  private static CodeBlock write(PropertyModel p, int index, CodeBlock value) {
    CodeBlock name = CodeBlock.of("out.name($N, $L)", MapperContext.JSON_NAMES, index);
    switch (p.valueKind()) {
      case STRING:
        return CodeBlock.of("$L.string($L)", name, value);
      case BOOLEAN:
        return CodeBlock.of("$L.bool($L)", name, unboxed(p, value));
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
      case FLOAT:
      case DOUBLE:
        return CodeBlock.of("$L.number($L)", name, unboxed(p, value));
      case CHAR:
        return CodeBlock.of("$L.string(String.valueOf($L))", name, value);
      case ENUM:
        return CodeBlock.of("$L.string($L.name())", name, value);
      case JSON:
        return StringCollections.of(p.type()) != null
            ? CodeBlock.of("$L.strings($L)", name, value)
            : CodeBlock.of("$L.object($L)", name, value);
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
        List.of("key", "value", "modRevision", "id", "in", "field", "token", "text", "e")) {
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
        .addStatement("$T in = $T.of(value)", RuntimeTypes.JSON_READER, RuntimeTypes.JSON_READER)
        .beginControlFlow("try")
        .beginControlFlow("if (!in.beginObject())")
        .addStatement("throw problem(key, null, $S, null)", "the value is not a JSON object")
        .endControlFlow()
        .addStatement("int field")
        .beginControlFlow(
            "while ((field = in.nextField($N)) != $T.END)",
            MapperContext.JSON_NAMES,
            RuntimeTypes.JSON_READER);
    if (stored.isEmpty()) {
      method.addStatement("in.skipValue()");
    } else {
      method
          .addStatement("$T token = in.peek()", RuntimeTypes.JSON_TOKEN)
          .beginControlFlow("switch (field)");
      for (int i = 0; i < stored.size(); i++) {
        PropertyModel p = stored.get(i);
        // The stored name as a Java literal, so no name can end the comment.
        method.addCode("case $L -> { // $L\n$>", i, CodeBlock.of("$S", p.storedName()));
        method.addCode(read(context, p, names.get(p)));
        method.addCode("$<}\n");
      }
      method.addStatement("default -> in.skipValue()").endControlFlow();
    }
    method
        .endControlFlow()
        .nextControlFlow("catch ($T e)", RuntimeTypes.MAPPING_EXCEPTION)
        .addStatement("throw e")
        .nextControlFlow("catch ($T | $T e)", RuntimeTypes.IO_EXCEPTION, RuntimeException.class)
        .addStatement(
            "throw problem(key, in.currentName(), $S + e.getMessage(), e)", "malformed value: ")
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

  /** Reads the value of {@code token} into the property's local, or throws naming the property. */
  private static CodeBlock read(MapperContext context, PropertyModel p, String local) {
    ClassName tokens = RuntimeTypes.JSON_TOKEN;
    CodeBlock.Builder code = CodeBlock.builder();
    ValueKind kind = p.valueKind();
    switch (kind) {
      case STRING:
        code.beginControlFlow("if (token == $T.VALUE_STRING)", tokens)
            .addStatement("$N = in.readString()", local);
        break;
      case BOOLEAN:
        code.beginControlFlow("if (token.isBoolean())")
            .addStatement("$N = in.readBoolean()", local);
        break;
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
        code.beginControlFlow("if (token == $T.VALUE_NUMBER_INT)", tokens)
            .addStatement("$N = in.read$L()", local, numberName(kind));
        break;
      case FLOAT:
      case DOUBLE:
        // NaN and infinities are written as strings.
        code.beginControlFlow("if (token.isNumeric())")
            .addStatement("$N = in.read$L()", local, numberName(kind))
            .nextControlFlow("else if (token == $T.VALUE_STRING)", tokens)
            .addStatement(
                "$N = $T.parse$L(in.readString())", local, p.type().box(), numberName(kind));
        break;
      case CHAR:
        code.addStatement("String text = token == $T.VALUE_STRING ? in.readString() : null", tokens)
            .beginControlFlow("if (text != null && text.length() == 1)")
            .addStatement("$N = text.charAt(0)", local);
        break;
      case ENUM:
        code.beginControlFlow("if (token == $T.VALUE_STRING)", tokens)
            .addStatement("$N = $T.valueOf(in.readString())", local, p.type());
        break;
      case JSON:
        String reader = StringCollections.of(p.type());
        if (reader != null) {
          // A collection of strings is read here too: the mapper's per-call setup costs more.
          return code.beginControlFlow("if (token == $T.START_ARRAY)", tokens)
              .addStatement("$N = in.$L()", local, reader)
              .nextControlFlow("else if (token == $T.VALUE_NULL)", tokens)
              .addStatement("in.skipValue()")
              .addStatement("$N = null", local)
              .nextControlFlow("else")
              .addStatement(
                  "throw problem(key, $S, $S + token, null)",
                  p.name(),
                  "expected an array of strings, found ")
              .endControlFlow()
              .build();
        }
        return code.beginControlFlow("if (token != $T.VALUE_NULL)", tokens)
            .addStatement("$N = in.readObject($L)", local, context.javaType(p))
            .nextControlFlow("else")
            .addStatement("in.skipValue()")
            .addStatement("$N = null", local)
            .endControlFlow()
            .build();
      default:
        throw new AssertionError(kind);
    }
    code.nextControlFlow("else if (token == $T.VALUE_NULL)", tokens).addStatement("in.skipValue()");
    if (!p.isPrimitive()) {
      code.addStatement("$N = null", local);
    }
    return code.nextControlFlow("else")
        .addStatement(
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
