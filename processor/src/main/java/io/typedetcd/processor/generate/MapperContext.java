package io.typedetcd.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.typedetcd.processor.model.Access;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * What the parts of one mapper share: the entity, and the static fields (codec instances, Jackson
 * types) created on first use, named so they cannot clash.
 */
final class MapperContext {
  static final String ROOT = "ROOT";
  static final String FIELD_NAMES = "FIELD_NAMES";
  static final String JSON_NAMES = "NAMES";
  static final String TTL = "TTL";
  static final String INDEXES = "INDEXES";

  private final EntityModel entity;
  private final NameAllocator staticNames = new NameAllocator();
  private final Map<String, String> codecs = new HashMap<>();
  private final Map<String, String> javaTypes = new HashMap<>();
  private final List<FieldSpec> fields = new ArrayList<>();
  private final Map<String, Boolean> helpers = new HashMap<>();

  MapperContext(EntityModel entity) {
    this.entity = entity;
    for (String reserved : List.of(ROOT, FIELD_NAMES, JSON_NAMES, TTL, INDEXES)) {
      staticNames.newName(reserved, reserved);
    }
  }

  EntityModel entity() {
    return entity;
  }

  ClassName mapper() {
    return entity.mapper();
  }

  /** The static field holding the key codec of a custom-encoded key. */
  CodeBlock codec(PropertyModel key) {
    ClassName codec = key.keyCodec().codec();
    if (codec == null) {
      return null;
    }
    String name =
        codecs.computeIfAbsent(
            key.name(),
            k -> {
              String n = staticNames.newName(constantName(k) + "_CODEC", "codec:" + k);
              fields.add(
                  FieldSpec.builder(codec, n, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                      .initializer("new $T()", codec)
                      .build());
              return n;
            });
    return CodeBlock.of("$N", name);
  }

  /** The static field holding the Jackson type of a JSON-written property. */
  CodeBlock javaType(PropertyModel property) {
    String name =
        javaTypes.computeIfAbsent(
            property.name(),
            k -> {
              String n = staticNames.newName(constantName(k) + "_TYPE", "type:" + k);
              TypeName type = property.type();
              CodeBlock init =
                  type instanceof ParameterizedTypeName
                      ? CodeBlock.of(
                          "$T.type(new $T<$T>() {})",
                          RuntimeTypes.JSON,
                          RuntimeTypes.TYPE_REFERENCE,
                          type)
                      : CodeBlock.of("$T.type($T.class)", RuntimeTypes.JSON, type);
              fields.add(
                  FieldSpec.builder(
                          RuntimeTypes.JAVA_TYPE,
                          n,
                          Modifier.PRIVATE,
                          Modifier.STATIC,
                          Modifier.FINAL)
                      .initializer(init)
                      .build());
              return n;
            });
    return CodeBlock.of("$N", name);
  }

  /** Marks a private helper method as used by the generated code. */
  void useHelper(String name) {
    helpers.put(name, true);
  }

  boolean usesHelper(String name) {
    return helpers.containsKey(name);
  }

  void addFieldsTo(TypeSpec.Builder type) {
    fields.forEach(type::addField);
  }

  /** Reads the property from the named instance: {@code entity.host()} or {@code entity.host}. */
  static CodeBlock read(PropertyModel property, String instance) {
    Access read = property.read();
    return read.kind() == Access.Kind.METHOD
        ? CodeBlock.of("$N.$N()", instance, read.name())
        : CodeBlock.of("$N.$N", instance, read.name());
  }

  /** Sets the property on the named instance: {@code entity.setHost(v)} or a field assignment. */
  static CodeBlock write(PropertyModel property, String instance, CodeBlock value) {
    Access write = property.write();
    return write.kind() == Access.Kind.METHOD
        ? CodeBlock.of("$N.$N($L)", instance, write.name(), value)
        : CodeBlock.of("$N.$N = $L", instance, write.name(), value);
  }

  /**
   * A local variable name for a property: never capitalized, so it cannot obscure a type the
   * generated code refers to (a property named {@code ByteString}).
   */
  static String local(String name) {
    return name.isEmpty() || Character.isLowerCase(name.charAt(0))
        ? name
        : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  static String constantName(String property) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < property.length(); i++) {
      char c = property.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        b.append('_');
      }
      b.append(c);
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
