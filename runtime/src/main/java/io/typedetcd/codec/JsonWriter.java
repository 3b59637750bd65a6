package io.typedetcd.codec;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collection;

/**
 * Writes a DOCUMENT value as UTF-8 JSON into a byte buffer reused by the thread, so encoding an
 * entity allocates little more than the final {@link ByteString}. Generated mappers write their
 * entity's own properties with it and hand other property types to the shared mapper ({@link
 * #object}).
 *
 * <pre>{@code
 * try (JsonWriter out = JsonWriter.open()) {
 *   out.beginObject();
 *   out.name(NAMES, 0).string("10.0.0.1");
 *   out.name(NAMES, 1).number(8080);
 *   return out.endObject().toByteString();          // {"host":"10.0.0.1","port":8080}
 * }
 * }</pre>
 *
 * <p>The output is what Jackson's default generator writes, byte for byte, with one exception:
 * characters outside the BMP are written as 4-byte UTF-8 where Jackson writes two {@code \\u}
 * escapes (both read back the same). Like Jackson, a lone surrogate is written as a {@code \\u}
 * escape, so it survives a round trip; control characters, {@code "} and {@code \\} are escaped;
 * NaN and the infinities are written as strings ({@code "NaN"}); doubles as {@link
 * Double#toString}. Generator features set on the shared mapper do not apply to these properties.
 *
 * <p>{@link #open()} hands out this thread's writer; one opened while it is in use (a nested
 * encode) is a private one. Close it (try-with-resources) to hand the buffer back.
 */
public final class JsonWriter implements AutoCloseable {
  private static final int INITIAL = 512;
  // A buffer that grew past this for one large value is not kept for the thread's lifetime.
  private static final int RETAINED_MAX = 64 * 1024;
  private static final ThreadLocal<JsonWriter> WRITERS = ThreadLocal.withInitial(JsonWriter::new);

  private static final byte[] HEX =
      "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  // For each ASCII byte: 0 written as is, -1 a \\u00XX escape, else the letter of a short escape.
  private static final byte[] ESCAPES = new byte[128];

  static {
    Arrays.fill(ESCAPES, 0, 0x20, (byte) -1);
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
  }

  private byte[] bytes = new byte[INITIAL];
  private int count;
  private boolean inUse;
  // What the shared mapper writes nested values into: this buffer, never closed by it.
  private final OutputStream sink =
      new OutputStream() {
        @Override
        public void write(int b) {
          ensure(1);
          bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
          ensure(len);
          System.arraycopy(b, off, bytes, count, len);
          count += len;
        }
      };

  private JsonWriter() {}

  /** This thread's writer, emptied; a fresh one when this thread's is already in use. */
  public static JsonWriter open() {
    JsonWriter writer = WRITERS.get();
    if (writer.inUse) {
      writer = new JsonWriter();
    }
    writer.inUse = true;
    writer.count = 0;
    return writer;
  }

  /** Writes {@code {}. */
  public JsonWriter beginObject() {
    ensure(1);
    bytes[count++] = '{';
    return this;
  }

  /** Writes {@code }}. */
  public JsonWriter endObject() {
    ensure(1);
    bytes[count++] = '}';
    return this;
  }

  /**
   * Writes name {@code index} of {@code names} (with the comma before it unless it comes first).
   */
  public JsonWriter name(JsonNames names, int index) {
    byte[] name = names.encoded(index);
    ensure(name.length + 1);
    if (bytes[count - 1] != '{') { // after a value: no value ends with '{'
      bytes[count++] = ',';
    }
    System.arraycopy(name, 0, bytes, count, name.length);
    count += name.length;
    return this;
  }

  /** Writes a string value. */
  public JsonWriter string(String value) {
    int n = value.length();
    // Worst case 6 bytes a char (a \\u escape); 3 bytes a char covers all but control chars.
    ensure(n * 3 + 2);
    byte[] b = bytes;
    int at = count;
    b[at++] = '"';
    int i = 0;
    for (; i < n; i++) { // the common case: printable ASCII
      char c = value.charAt(i);
      if (c >= 0x80 || ESCAPES[c] != 0) {
        break;
      }
      b[at++] = (byte) c;
    }
    count = at;
    if (i < n) {
      writeRest(value, i);
    }
    ensure(1);
    bytes[count++] = '"';
    return this;
  }

  private void writeRest(String value, int from) {
    int n = value.length();
    for (int i = from; i < n; i++) {
      ensure(6);
      byte[] b = bytes;
      char c = value.charAt(i);
      if (c < 0x80) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
          b[count++] = (byte) c;
        } else if (escape > 0) {
          b[count++] = '\\';
          b[count++] = escape;
        } else {
          unicodeEscape(c);
        }
      } else if (c < 0x800) {
        b[count++] = (byte) (0xC0 | c >> 6);
        b[count++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        b[count++] = (byte) (0xE0 | c >> 12);
        b[count++] = (byte) (0x80 | (c >> 6 & 0x3F));
        b[count++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, value.charAt(++i));
        b[count++] = (byte) (0xF0 | cp >> 18);
        b[count++] = (byte) (0x80 | (cp >> 12 & 0x3F));
        b[count++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        b[count++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        unicodeEscape(c); // a lone surrogate has no UTF-8 form; Jackson escapes it too
      }
    }
  }

  private void unicodeEscape(char c) {
    byte[] b = bytes;
    b[count++] = '\\';
    b[count++] = 'u';
    b[count++] = HEX[c >> 12];
    b[count++] = HEX[c >> 8 & 0xF];
    b[count++] = HEX[c >> 4 & 0xF];
    b[count++] = HEX[c & 0xF];
  }

  /** Writes an int. */
  public JsonWriter number(int value) {
    return number((long) value);
  }

  /** Writes a long. */
  public JsonWriter number(long value) {
    ensure(20);
    if (value == Long.MIN_VALUE) {
      ascii("-9223372036854775808");
      return this;
    }
    byte[] b = bytes;
    if (value < 0) {
      b[count++] = '-';
      value = -value;
    }
    int end = count + digits(value);
    for (int at = end - 1; at >= count; at--) {
      b[at] = (byte) ('0' + value % 10);
      value /= 10;
    }
    count = end;
    return this;
  }

  private static int digits(long value) {
    int n = 1;
    for (long limit = 10; n < 19 && value >= limit; limit *= 10) {
      n++;
    }
    return n;
  }

  /** Writes a double like {@link Double#toString}; NaN and the infinities as strings. */
  public JsonWriter number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return string(Double.toString(value));
    }
    if (value == (long) value && Math.abs(value) < 1e7 && !isNegativeZero(value)) {
      number((long) value); // Double.toString: "8443.0"
      ascii(".0");
      return this;
    }
    ascii(Double.toString(value));
    return this;
  }

  private static boolean isNegativeZero(double value) {
    return value == 0 && Double.doubleToRawLongBits(value) != 0;
  }

  /** Writes a float like {@link Float#toString}; NaN and the infinities as strings. */
  public JsonWriter number(float value) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      return string(Float.toString(value));
    }
    ascii(Float.toString(value));
    return this;
  }

  /** Writes {@code true} or {@code false}. */
  public JsonWriter bool(boolean value) {
    ascii(value ? "true" : "false");
    return this;
  }

  /** Writes {@code null}. */
  public JsonWriter nullValue() {
    ascii("null");
    return this;
  }

  /** Writes strings (nulls included) as an array. */
  public JsonWriter strings(Collection<String> values) {
    ensure(2);
    bytes[count++] = '[';
    boolean first = true;
    for (String v : values) {
      if (!first) {
        ensure(1);
        bytes[count++] = ',';
      }
      first = false;
      if (v == null) {
        nullValue();
      } else {
        string(v);
      }
    }
    ensure(1);
    bytes[count++] = ']';
    return this;
  }

  /** Writes a value the generated code cannot write itself, through the shared mapper. */
  public JsonWriter object(Object value) throws IOException {
    Json.mapper().writeValue(sink, value);
    return this;
  }

  /**
   * The buffer as a stream, for Jackson's generators ({@link Json#writer()}); closing it is a
   * no-op.
   */
  OutputStream sink() {
    return sink;
  }

  /** The bytes written, copied once. */
  public ByteString toByteString() {
    if (!inUse) {
      throw new IllegalStateException("the writer is closed");
    }
    return ByteString.copyFrom(bytes, 0, count);
  }

  /** Hands the buffer back to the thread. */
  @Override
  public void close() {
    inUse = false;
    count = 0;
    if (bytes.length > RETAINED_MAX) {
      bytes = new byte[INITIAL];
    }
  }

  private void ascii(String s) {
    int n = s.length();
    ensure(n);
    byte[] b = bytes;
    for (int i = 0; i < n; i++) {
      b[count + i] = (byte) s.charAt(i);
    }
    count += n;
  }

  private void ensure(int more) {
    int needed = count + more;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }

  /** The UTF-8 JSON string of {@code s}, escaped as {@link #string} writes it. */
  static byte[] encodeString(String s) {
    JsonWriter w = new JsonWriter();
    w.string(s);
    return Arrays.copyOf(w.bytes, w.count);
  }
}
