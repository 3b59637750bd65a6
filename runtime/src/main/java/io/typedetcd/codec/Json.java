package io.typedetcd.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The shared {@link ObjectMapper} (java.time supported) that generated mappers use for property
 * types they cannot write themselves (nested records, collections of objects, maps). Configure it
 * once at start-up with {@link #configure}. The entity's own properties (strings, numbers,
 * booleans, enums, collections of strings) are written and read by {@link JsonWriter} and {@link
 * JsonReader}, which follow Jackson's defaults whatever the mapper's parser and generator features
 * say (so a mapper configured to accept comments does not make them acceptable in documents).
 *
 * <p>{@link #writer()} and {@link #parser} give Jackson's streaming API over the same kind of
 * reused buffer, for mappers written by hand:
 *
 * <pre>{@code
 * try (Json.Writer w = Json.writer()) {
 *   JsonGenerator g = w.generator();
 *   g.writeStartObject();
 *   g.writeNumberField("port", 8080);
 *   g.writeFieldName("since");
 *   Json.writeObject(g, Instant.now());     // "2024-05-01T10:15:30Z"
 *   g.writeEndObject();
 *   ByteString value = w.toByteString();
 * }
 * }</pre>
 *
 * <p>The default mapper ignores unknown properties (older and newer writers coexist), writes dates
 * and durations as ISO-8601 strings. {@link #fromText} rejects trailing garbage after a value.
 */
public final class Json {
  private static volatile ObjectMapper mapper = defaultMapper();

  private Json() {}

  /** The shared mapper. */
  public static ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Replaces the shared mapper, e.g. to add modules; call before creating repositories. Start from
   * {@code Json.mapper().copy()} to keep typed-etcd's settings. Leave {@code
   * FAIL_ON_TRAILING_TOKENS} off: {@link #readObject} reads one value in the middle of a document.
   */
  public static void configure(ObjectMapper mapper) {
    Json.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /** A Jackson type for a generic property type, built once per mapper class. */
  public static JavaType type(TypeReference<?> reference) {
    return mapper.getTypeFactory().constructType(Objects.requireNonNull(reference, "reference"));
  }

  /** A Jackson type for a plain class. */
  public static JavaType type(Class<?> type) {
    return mapper.getTypeFactory().constructType(Objects.requireNonNull(type, "type"));
  }

  /**
   * A generator writing into a buffer reused by this thread; {@link Writer#toByteString()} finishes
   * it. Close the writer (try-with-resources) to hand the buffer back.
   */
  public static Writer writer() throws IOException {
    return JsonBuffer.writer(mapper);
  }

  /** A parser over a stored value. */
  public static JsonParser parser(ByteString value) throws IOException {
    // Values are small: one copy into an array feeds Jackson's fastest parser, which an
    // InputStream-backed one would copy into its own buffer anyway.
    return mapper.createParser(Objects.requireNonNull(value, "value").toByteArray());
  }

  /** Writes strings as a JSON array without going through the mapper (a common property type). */
  public static void writeStrings(JsonGenerator generator, Collection<String> values)
      throws IOException {
    generator.writeStartArray(values, values.size());
    for (String v : values) {
      if (v == null) {
        generator.writeNull();
      } else {
        generator.writeString(v);
      }
    }
    generator.writeEndArray();
  }

  /** Reads the JSON array of strings the parser is at (its START_ARRAY is current). */
  public static List<String> readStringList(JsonParser parser) throws IOException {
    return readStrings(parser, new ArrayList<>());
  }

  /** Like {@link #readStringList}, keeping the array's order. */
  public static Set<String> readStringSet(JsonParser parser) throws IOException {
    return readStrings(parser, new LinkedHashSet<>());
  }

  private static <C extends Collection<String>> C readStrings(JsonParser parser, C into)
      throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == JsonToken.VALUE_STRING) {
        into.add(parser.getText());
      } else if (token == JsonToken.VALUE_NULL) {
        into.add(null);
      } else {
        throw new JsonParseException(parser, "expected a string in the array, found " + token);
      }
    }
    return into;
  }

  /** Writes a value the generated code cannot stream itself, through the shared mapper. */
  public static void writeObject(JsonGenerator generator, Object value) throws IOException {
    mapper.writeValue(generator, value);
  }

  /** Reads a value of {@code type} at the parser's current token, through the shared mapper. */
  public static <T> T readObject(JsonParser parser, JavaType type) throws IOException {
    return mapper.readValue(parser, type);
  }

  /**
   * Text form of a non-string property (FIELDS layout): JSON through the shared mapper. An {@link
   * IllegalArgumentException} when the mapper cannot write the value.
   */
  public static ByteString toText(Object value) {
    try {
      // The array is fresh and never touched again, so wrapping it without a copy is safe.
      return UnsafeByteOperations.unsafeWrap(mapper.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
    }
  }

  /** Parses the text form of a non-string property (FIELDS layout); trailing garbage fails. */
  public static <T> T fromText(ByteString text, JavaType type) throws IOException {
    return mapper
        .readerFor(type)
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .readValue(Objects.requireNonNull(text, "text").newInput());
  }

  private static ObjectMapper defaultMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        // Nested values are written into a Writer's buffer; flushing after each one is waste.
        .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
        .build();
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
