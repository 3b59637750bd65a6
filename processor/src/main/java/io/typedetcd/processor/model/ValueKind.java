package io.typedetcd.processor.model;

/**
 * How a stored property is written: streamed directly by the generated code, or through the shared
 * {@code ObjectMapper} ({@link #JSON}).
 */
public enum ValueKind {
  STRING,
  BOOLEAN,
  BYTE,
  SHORT,
  INT,
  LONG,
  FLOAT,
  DOUBLE,
  CHAR,
  /** Written as its constant name. */
  ENUM,
  /** Anything else: collections, maps, nested objects, java.time, arrays. */
  JSON
}
