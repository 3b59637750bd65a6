package io.typedetcd.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;

/**
 * What generated mappers use for JSON: Jackson's streaming API for the entity's own properties, and
 * one shared {@link ObjectMapper} (java.time supported) for property types they cannot stream
 * directly (nested records, collections of objects, maps). Configure the shared mapper once at
 * start-up with {@link #configure}.
 */
public final class Json {
  private Json() {}

  /** The shared mapper. */
  public static ObjectMapper mapper() {
    throw new UnsupportedOperationException("contract only");
  }

  /** Replaces the shared mapper, e.g. to add modules; call before creating repositories. */
  public static void configure(ObjectMapper mapper) {
    throw new UnsupportedOperationException("contract only");
  }

  /** A Jackson type for a generic property type, built once per mapper class. */
  public static JavaType type(TypeReference<?> reference) {
    throw new UnsupportedOperationException("contract only");
  }

  /** A Jackson type for a plain class. */
  public static JavaType type(Class<?> type) {
    throw new UnsupportedOperationException("contract only");
  }

  /** A generator writing into a buffer; {@link Writer#toByteString()} finishes it. */
  public static Writer writer() throws IOException {
    throw new UnsupportedOperationException("contract only");
  }

  /** A parser over a stored value. */
  public static JsonParser parser(ByteString value) throws IOException {
    throw new UnsupportedOperationException("contract only");
  }

  /** Writes a value the generated code cannot stream itself, through the shared mapper. */
  public static void writeObject(JsonGenerator generator, Object value) throws IOException {
    throw new UnsupportedOperationException("contract only");
  }

  /** Reads a value of {@code type} at the parser's current token, through the shared mapper. */
  public static <T> T readObject(JsonParser parser, JavaType type) throws IOException {
    throw new UnsupportedOperationException("contract only");
  }

  /** Text form of a non-string property (FIELDS layout): JSON through the shared mapper. */
  public static ByteString toText(Object value) {
    throw new UnsupportedOperationException("contract only");
  }

  /** Parses the text form of a non-string property (FIELDS layout). */
  public static <T> T fromText(ByteString text, JavaType type) throws IOException {
    throw new UnsupportedOperationException("contract only");
  }

  /** A JSON generator over a growable buffer. */
  public interface Writer extends AutoCloseable {
    JsonGenerator generator();

    /** Flushes the generator and returns the bytes written. */
    ByteString toByteString() throws IOException;

    @Override
    void close();
  }
}
