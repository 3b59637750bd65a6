package io.typedetcd.processor.model;

/** The built-in key segment encodings of {@code io.typedetcd.codec.KeySegments}, plus custom. */
public enum KeyKind {
  STRING,
  LONG,
  INT,
  UUID,
  ENUM,
  /** A user {@code KeySegmentCodec} named by {@code @Key(codec = ...)}. */
  CUSTOM
}
