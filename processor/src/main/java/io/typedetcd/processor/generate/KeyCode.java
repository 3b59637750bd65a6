package io.typedetcd.processor.generate;

import com.palantir.javapoet.CodeBlock;
import io.typedetcd.processor.model.KeyCodec;

/** The {@code KeySegments} calls that encode and decode one key component. */
final class KeyCode {
  private KeyCode() {}

  /**
   * Encodes a value into a path segment.
   *
   * @param codecField the static field holding a custom codec; ignored for built-in encodings
   */
  static CodeBlock encode(KeyCodec codec, CodeBlock value, CodeBlock codecField) {
    switch (codec.kind()) {
      case STRING:
        return CodeBlock.of("$T.string($L)", RuntimeTypes.KEY_SEGMENTS, value);
      case LONG:
        return CodeBlock.of("$T.longValue($L)", RuntimeTypes.KEY_SEGMENTS, value);
      case INT:
        return CodeBlock.of("$T.intValue($L)", RuntimeTypes.KEY_SEGMENTS, value);
      case UUID:
        return CodeBlock.of("$T.uuid($L)", RuntimeTypes.KEY_SEGMENTS, value);
      case ENUM:
        return CodeBlock.of("$T.enumValue($L)", RuntimeTypes.KEY_SEGMENTS, value);
      case CUSTOM:
        return CodeBlock.of("$T.custom($L, $L)", RuntimeTypes.KEY_SEGMENTS, codecField, value);
      default:
        throw new AssertionError(codec.kind());
    }
  }

  /** Decodes a path segment into a value. */
  static CodeBlock decode(KeyCodec codec, CodeBlock segment, CodeBlock codecField) {
    switch (codec.kind()) {
      case STRING:
        return CodeBlock.of("$T.decodeString($L)", RuntimeTypes.KEY_SEGMENTS, segment);
      case LONG:
        return CodeBlock.of("$T.decodeLong($L)", RuntimeTypes.KEY_SEGMENTS, segment);
      case INT:
        return CodeBlock.of("$T.decodeInt($L)", RuntimeTypes.KEY_SEGMENTS, segment);
      case UUID:
        return CodeBlock.of("$T.decodeUuid($L)", RuntimeTypes.KEY_SEGMENTS, segment);
      case ENUM:
        return CodeBlock.of(
            "$T.decodeEnum($T.class, $L)", RuntimeTypes.KEY_SEGMENTS, codec.enumType(), segment);
      case CUSTOM:
        return CodeBlock.of(
            "$T.decodeCustom($L, $L)", RuntimeTypes.KEY_SEGMENTS, codecField, segment);
      default:
        throw new AssertionError(codec.kind());
    }
  }
}
