package io.typedetcd.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * How one key component becomes a path segment.
 *
 * @param kind the encoding
 * @param codec the user codec class for {@link KeyKind#CUSTOM}, else null
 * @param enumType the enum class for {@link KeyKind#ENUM} (decoding needs it), else null
 */
public record KeyCodec(KeyKind kind, ClassName codec, ClassName enumType) {
  public static KeyCodec builtIn(KeyKind kind) {
    return new KeyCodec(kind, null, null);
  }
}
