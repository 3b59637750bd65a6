package io.typedetcd.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One property of an entity, in declaration order.
 *
 * @param name the Java name ({@code maxConnections})
 * @param storedName the JSON field name or field key segment, after {@code @Name}
 * @param role key, version, transient or stored value
 * @param type the declared type
 * @param nullable a reference type annotated {@code @Nullable} (any annotation of that simple name,
 *     declaration or type use); FIELDS layout reads a missing key of any other property as an error
 * @param valueKind how a {@link Role#VALUE} is written; null for other roles
 * @param keyCodec how a {@link Role#KEY} is encoded; null for other roles
 * @param indexed whether it is {@code @Indexed}
 * @param uniqueIndex {@code @Indexed(unique = true)}
 * @param indexCodec how an {@code @Indexed} value becomes an index key segment (a built-in
 *     encoding, never {@link KeyKind#CUSTOM}); null when not indexed
 * @param read how to read it from an instance; null when it cannot be read (only allowed for
 *     transient properties of classes)
 * @param write how to set it after a no-argument constructor; null unless the entity is built by
 *     {@link Construction.Kind#SETTERS}
 */
public record PropertyModel(
    String name,
    String storedName,
    Role role,
    TypeName type,
    boolean nullable,
    ValueKind valueKind,
    KeyCodec keyCodec,
    boolean indexed,
    boolean uniqueIndex,
    KeyCodec indexCodec,
    Access read,
    Access write) {

  public boolean isPrimitive() {
    return type.isPrimitive();
  }

  /** The Java default of the type, as source text: what a transient or missing value becomes. */
  public String defaultValue() {
    if (!type.isPrimitive()) {
      return "null";
    }
    if (type.equals(TypeName.BOOLEAN)) {
      return "false";
    }
    if (type.equals(TypeName.LONG)) {
      return "0L";
    }
    if (type.equals(TypeName.FLOAT)) {
      return "0.0f";
    }
    if (type.equals(TypeName.DOUBLE)) {
      return "0.0";
    }
    if (type.equals(TypeName.INT)) {
      return "0";
    }
    return "(" + type + ") 0";
  }
}
