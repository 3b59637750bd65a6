package io.typedetcd.codec;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a DOCUMENT value: one JSON object, property by property, straight from its UTF-8 bytes.
 * Generated mappers read their entity's own properties with it and hand other property types to the
 * shared mapper ({@link #readObject}).
 *
 * <pre>{@code
 * JsonReader in = JsonReader.of(value);
 * if (!in.beginObject()) { ...not an object... }
 * for (int field; (field = in.nextField(NAMES)) != JsonReader.END; ) {
 *   switch (field) {
 *     case 0 -> host = in.readString();     // after checking in.peek() == VALUE_STRING
 *     default -> in.skipValue();            // an unknown property
 *   }
 * }
 * }</pre>
 *
 * <p>It accepts what Jackson's default parser accepts and rejects what it rejects (RFC 8259: no
 * comments, trailing commas, unquoted names, leading zeros, NaN literals or unescaped control
 * characters; UTF-8 decoded as Jackson decodes it; at most 1000 levels of nesting and 1000
 * characters a number), so values written by either read the same. Like the Jackson-based code it
 * replaces, it stops at the end of the top-level object and ignores what follows. Malformed input
 * is a {@link MalformedJsonException} saying what and where. Not thread-safe; one per value.
 */
public final class JsonReader {
  /** What {@link #nextField} returns at the end of the object. */
  public static final int END = -2;

  /** What {@link #nextField} returns for a property the names do not list. */
  public static final int UNKNOWN = -1;

  private static final char[] NO_CHARS = {};
  private static final int MAX_DEPTH = 1000;
  private static final int MAX_NUMBER_LENGTH = 1000;
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private final byte[] b;
  private final int end;
  private int pos;
  private boolean inMembers; // a name was read: the next one follows a comma
  private int lastIndex = -1;
  private int nameAt = -1; // the opening quote of the last name read, for currentName()
  private JsonToken token; // the peeked, not yet consumed, value
  private int tokenEnd; // the end of a peeked number or literal
  private char[] chars = NO_CHARS; // grown when a string needs decoding

  private JsonReader(byte[] bytes) {
    this.b = bytes;
    this.end = bytes.length;
  }

  /** A reader over a stored value (one copy of its bytes). */
  public static JsonReader of(ByteString value) {
    return new JsonReader(value.toByteArray());
  }

  /** A reader over {@code bytes}, which it does not copy. */
  public static JsonReader of(byte[] bytes) {
    return new JsonReader(bytes);
  }

  /**
   * Enters the top-level object: false when the value is empty or another JSON value (only its
   * first token is read, as Jackson did); a malformed first token fails.
   */
  public boolean beginObject() throws IOException {
    if (end >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
      pos = 3; // a UTF-8 byte order mark
    }
    if (skipWhitespace() < 0) {
      return false;
    }
    if (peek() != JsonToken.START_OBJECT) {
      return false;
    }
    pos++;
    token = null;
    return true;
  }

  /**
   * Reads the next property name of the top-level object and the colon after it: its index in
   * {@code names}, {@link #UNKNOWN}, or {@link #END} after the closing brace. The property's value
   * must be consumed (read or skipped) before the next call.
   */
  public int nextField(JsonNames names) throws IOException {
    token = null;
    int c = skipWhitespace();
    if (c == '}' && !inMembers) {
      pos++;
      return END;
    }
    if (inMembers) {
      if (c == '}') {
        pos++;
        return END;
      }
      if (c != ',') {
        throw unexpected(c, "',' or '}' after a property");
      }
      pos++;
      c = skipWhitespace();
    }
    if (c != '"') {
      throw unexpected(c, "a property name in double quotes");
    }
    int quote = pos;
    int from = pos + 1;
    int i = from;
    // Fast path: printable ASCII without escapes matches the name table by bytes.
    while (i < end) {
      byte x = b[i];
      if (x == '"' || x < 0x20 || x == '\\') { // bytes >= 0x80 are negative
        break;
      }
      i++;
    }
    int index;
    if (i < end && b[i] == '"') {
      index = names.indexOf(b, from, i, lastIndex + 1);
      pos = i + 1;
    } else {
      pos = from;
      index = names.indexOf(readStringBody(true));
    }
    nameAt = quote;
    inMembers = true;
    c = skipWhitespace();
    if (c != ':') {
      throw unexpected(c, "':' after a property name");
    }
    pos++;
    if (index >= 0) {
      lastIndex = index;
    }
    return index;
  }

  /** The last property name {@link #nextField} read, or null before the first. */
  public String currentName() {
    if (nameAt < 0) {
      return null;
    }
    int saved = pos;
    try {
      pos = nameAt + 1;
      return readStringBody(true);
    } catch (IOException e) {
      return null; // cannot happen: the name was read once
    } finally {
      pos = saved;
    }
  }

  /**
   * The kind of the next value, without consuming it: {@code VALUE_STRING}, {@code
   * VALUE_NUMBER_INT}, {@code VALUE_NUMBER_FLOAT}, {@code VALUE_TRUE}, {@code VALUE_FALSE}, {@code
   * VALUE_NULL}, {@code START_OBJECT} or {@code START_ARRAY}.
   */
  public JsonToken peek() throws IOException {
    if (token != null) {
      return token;
    }
    int c = skipWhitespace();
    switch (c) {
      case '"':
        token = JsonToken.VALUE_STRING;
        break;
      case '{':
        token = JsonToken.START_OBJECT;
        break;
      case '[':
        token = JsonToken.START_ARRAY;
        break;
      case 't':
        token = literal("true", JsonToken.VALUE_TRUE);
        break;
      case 'f':
        token = literal("false", JsonToken.VALUE_FALSE);
        break;
      case 'n':
        token = literal("null", JsonToken.VALUE_NULL);
        break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          token = number();
        } else {
          throw unexpected(c, "a value");
        }
    }
    return token;
  }

  /** Reads a string value. */
  public String readString() throws IOException {
    expect(JsonToken.VALUE_STRING);
    pos++;
    token = null;
    int from = pos;
    for (int i = from; i < end; i++) {
      byte x = b[i];
      if (x == '"') {
        pos = i + 1;
        return new String(b, from, i - from, StandardCharsets.ISO_8859_1); // ASCII
      }
      if (x < 0x20 || x == '\\') {
        break;
      }
    }
    return readStringBody(true);
  }

  /** Reads an integer in the range of int. */
  public int readInt() throws IOException {
    return (int) readInteger(Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
  }

  /** Reads an integer in the range of long. */
  public long readLong() throws IOException {
    return readInteger(Long.MIN_VALUE, Long.MAX_VALUE, "long");
  }

  /** Reads an integer in the range of short. */
  public short readShort() throws IOException {
    return (short) readInteger(Short.MIN_VALUE, Short.MAX_VALUE, "short");
  }

  /** Reads an integer from -128 to 255 (as Jackson does, 128 to 255 wrap to negative bytes). */
  public byte readByte() throws IOException {
    return (byte) readInteger(Byte.MIN_VALUE, 255, "byte");
  }

  /** Reads a number (integer or not) as the nearest double. */
  public double readDouble() throws IOException {
    JsonToken t = peek();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw mismatch("a number", t);
    }
    double v = fastDouble();
    if (Double.isNaN(v)) { // not exactly computable in one step
      v = Double.parseDouble(numberText());
    }
    consumeToken();
    return v;
  }

  /** Reads a number (integer or not) as the nearest float. */
  public float readFloat() throws IOException {
    JsonToken t = peek();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw mismatch("a number", t);
    }
    float v = Float.parseFloat(numberText());
    consumeToken();
    return v;
  }

  /** Reads {@code true} or {@code false}. */
  public boolean readBoolean() throws IOException {
    JsonToken t = peek();
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw mismatch("true or false", t);
    }
    consumeToken();
    return t == JsonToken.VALUE_TRUE;
  }

  /** Skips the next value, nested objects and arrays included, checking that it is well formed. */
  public void skipValue() throws IOException {
    skipValue(1);
  }

  /** Reads an array of strings (nulls allowed) into a list. */
  public List<String> readStringList() throws IOException {
    return readStrings(new ArrayList<>());
  }

  /** Reads an array of strings (nulls allowed) into a set keeping their order. */
  public Set<String> readStringSet() throws IOException {
    return readStrings(new LinkedHashSet<>());
  }

  /** Reads the next value through the shared mapper. */
  public <T> T readObject(JavaType type) throws IOException {
    peek();
    int from = pos;
    skipValue();
    return Json.mapper().readValue(b, from, pos - from, type);
  }

  private <C extends Collection<String>> C readStrings(C into) throws IOException {
    expect(JsonToken.START_ARRAY);
    pos++;
    token = null;
    int c = skipWhitespace();
    if (c == ']') {
      pos++;
      return into;
    }
    while (true) {
      JsonToken t = peek();
      if (t == JsonToken.VALUE_STRING) {
        into.add(readString());
      } else if (t == JsonToken.VALUE_NULL) {
        consumeToken();
        into.add(null);
      } else {
        throw new MalformedJsonException("expected a string in the array, found " + t + at());
      }
      c = skipWhitespace();
      if (c == ']') {
        pos++;
        return into;
      }
      if (c != ',') {
        throw unexpected(c, "',' or ']' in an array");
      }
      pos++;
    }
  }

  private void skipValue(int depth) throws IOException {
    JsonToken t = peek();
    token = null;
    if (t == JsonToken.VALUE_STRING) {
      pos++;
      readStringBody(false);
    } else if (t == JsonToken.START_OBJECT) {
      skipObject(depth + 1);
    } else if (t == JsonToken.START_ARRAY) {
      skipArray(depth + 1);
    } else {
      pos = tokenEnd;
    }
  }

  private void skipObject(int depth) throws IOException {
    checkDepth(depth);
    pos++;
    int c = skipWhitespace();
    if (c == '}') {
      pos++;
      return;
    }
    while (true) {
      if (c != '"') {
        throw unexpected(c, "a property name in double quotes");
      }
      pos++;
      readStringBody(false);
      c = skipWhitespace();
      if (c != ':') {
        throw unexpected(c, "':' after a property name");
      }
      pos++;
      skipValue(depth);
      c = skipWhitespace();
      if (c == '}') {
        pos++;
        return;
      }
      if (c != ',') {
        throw unexpected(c, "',' or '}' after a property");
      }
      pos++;
      c = skipWhitespace();
    }
  }

  private void skipArray(int depth) throws IOException {
    checkDepth(depth);
    pos++;
    int c = skipWhitespace();
    if (c == ']') {
      pos++;
      return;
    }
    while (true) {
      skipValue(depth);
      c = skipWhitespace();
      if (c == ']') {
        pos++;
        return;
      }
      if (c != ',') {
        throw unexpected(c, "',' or ']' in an array");
      }
      pos++;
    }
  }

  private void checkDepth(int depth) throws MalformedJsonException {
    if (depth > MAX_DEPTH) {
      throw new MalformedJsonException("nesting deeper than " + MAX_DEPTH + " levels" + at());
    }
  }

  /**
   * Reads a string from just after its opening quote to just after its closing one, decoding
   * escapes and UTF-8 the way Jackson does; returns null unless {@code build}.
   */
  private String readStringBody(boolean build) throws IOException {
    if (!build) { // skipping: pass printable ASCII quickly
      while (pos < end && b[pos] >= 0x20 && b[pos] != '"' && b[pos] != '\\') {
        pos++;
      }
    }
    int n = 0;
    while (true) {
      if (pos >= end) {
        throw new MalformedJsonException("unexpected end of input in a string" + at());
      }
      int c = b[pos++] & 0xFF;
      if (build && n + 2 > chars.length) {
        chars = java.util.Arrays.copyOf(chars, Math.max(32, chars.length * 2));
      }
      if (c == '"') {
        return build ? new String(chars, 0, n) : null;
      }
      if (c < 0x80) {
        if (c < 0x20) {
          pos--;
          throw new MalformedJsonException(
              "control character U+" + hex4(c) + " in a string must be escaped" + at());
        }
        if (c == '\\') {
          c = escape();
        }
        if (build) {
          chars[n++] = (char) c;
        }
      } else if ((c & 0xE0) == 0xC0) {
        c = (c & 0x1F) << 6 | continuation();
        if (build) {
          chars[n++] = (char) c;
        }
      } else if ((c & 0xF0) == 0xE0) {
        c = (c & 0x0F) << 12 | continuation() << 6;
        c |= continuation();
        if (build) {
          chars[n++] = (char) c;
        }
      } else if ((c & 0xF8) == 0xF0) {
        c = (c & 0x07) << 18 | continuation() << 12;
        c |= continuation() << 6;
        c |= continuation();
        c -= 0x10000;
        if (build) {
          chars[n++] = (char) (0xD800 | (c >> 10));
          chars[n++] = (char) (0xDC00 | (c & 0x3FF));
        }
      } else {
        pos--;
        throw new MalformedJsonException("invalid UTF-8 start byte 0x" + hex2(c) + at());
      }
    }
  }

  private int continuation() throws MalformedJsonException {
    if (pos >= end) {
      throw new MalformedJsonException("unexpected end of input in a string" + at());
    }
    int c = b[pos];
    if ((c & 0xC0) != 0x80) {
      throw new MalformedJsonException("invalid UTF-8 middle byte 0x" + hex2(c & 0xFF) + at());
    }
    pos++;
    return c & 0x3F;
  }

  private int escape() throws MalformedJsonException {
    if (pos >= end) {
      throw new MalformedJsonException("unexpected end of input in an escape" + at());
    }
    int c = b[pos++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        int v = 0;
        for (int i = 0; i < 4; i++) {
          int d = pos < end ? Character.digit(b[pos], 16) : -1;
          if (d < 0 || b[pos] < 0) {
            throw new MalformedJsonException("expected 4 hex digits after \\u" + at());
          }
          pos++;
          v = v << 4 | d;
        }
        return v; // a lone surrogate passes, as in Jackson
      default:
        pos--;
        throw new MalformedJsonException(
            "unrecognized escape '\\" + printable(c & 0xFF) + "'" + at());
    }
  }

  private long readInteger(long min, long max, String type) throws IOException {
    JsonToken t = peek();
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw mismatch("an integer", t);
    }
    int i = pos;
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    long v = 0; // accumulated negatively, to reach Long.MIN_VALUE
    boolean overflow = false;
    if (tokenEnd - i <= 18) { // cannot overflow
      for (; i < tokenEnd; i++) {
        v = v * 10 - (b[i] - '0');
      }
    }
    for (; i < tokenEnd; i++) {
      int d = b[i] - '0';
      if (v < (Long.MIN_VALUE + d) / 10) {
        overflow = true;
        break;
      }
      v = v * 10 - d;
    }
    if (!negative) {
      overflow |= v == Long.MIN_VALUE;
      v = -v;
    }
    if (overflow || v < min || v > max) {
      throw new MalformedJsonException(
          "numeric value (" + numberText() + ") out of range of " + type + at());
    }
    consumeToken();
    return v;
  }

  /** The number when one correctly rounded operation computes it, else NaN. */
  private double fastDouble() {
    int i = pos;
    boolean negative = b[i] == '-';
    if (negative) {
      i++;
    }
    long m = 0;
    int digits = 0;
    int scale = 0;
    boolean fraction = false;
    for (; i < tokenEnd; i++) {
      int c = b[i];
      if (c == '.') {
        fraction = true;
        continue;
      }
      if (c == 'e' || c == 'E') {
        break;
      }
      if (m != 0 || c != '0') {
        if (++digits > 15) {
          return Double.NaN;
        }
      }
      m = m * 10 + (c - '0');
      if (fraction) {
        scale--;
      }
    }
    if (i < tokenEnd) { // an exponent
      i++;
      boolean negativeExponent = b[i] == '-';
      if (b[i] == '-' || b[i] == '+') {
        i++;
      }
      int e = 0;
      for (; i < tokenEnd; i++) {
        e = e * 10 + (b[i] - '0');
        if (e > 400) {
          return Double.NaN;
        }
      }
      scale += negativeExponent ? -e : e;
    }
    double v;
    if (m == 0) {
      v = 0;
    } else if (scale >= 0 && scale <= 22) {
      v = m * POWERS_OF_TEN[scale];
    } else if (scale < 0 && scale >= -22) {
      v = m / POWERS_OF_TEN[-scale];
    } else {
      return Double.NaN;
    }
    return negative ? -v : v;
  }

  private JsonToken number() throws MalformedJsonException {
    int i = pos;
    if (b[i] == '-') {
      i++;
    }
    if (i >= end || b[i] < '0' || b[i] > '9') {
      throw new MalformedJsonException("'-' not followed by a digit" + at());
    }
    if (b[i] == '0') {
      i++;
      if (i < end && b[i] >= '0' && b[i] <= '9') {
        throw new MalformedJsonException("leading zeros are not allowed in a number" + at());
      }
    } else {
      i = digits(i);
    }
    boolean integer = true;
    if (i < end && b[i] == '.') {
      integer = false;
      int from = ++i;
      i = digits(i);
      if (i == from) {
        throw new MalformedJsonException("decimal point not followed by a digit" + at());
      }
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      integer = false;
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int from = i;
      i = digits(i);
      if (i == from) {
        throw new MalformedJsonException("exponent not followed by a digit" + at());
      }
    }
    if (i - pos > MAX_NUMBER_LENGTH) {
      throw new MalformedJsonException(
          "number longer than " + MAX_NUMBER_LENGTH + " characters" + at());
    }
    tokenEnd = i;
    return integer ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
  }

  private int digits(int i) {
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i;
  }

  private JsonToken literal(String word, JsonToken kind) throws MalformedJsonException {
    int n = word.length();
    for (int i = 1; i < n; i++) {
      if (pos + i >= end || b[pos + i] != word.charAt(i)) {
        throw new MalformedJsonException("unrecognized token, expected '" + word + "'" + at());
      }
    }
    tokenEnd = pos + n;
    return kind;
  }

  private String numberText() {
    return new String(b, pos, tokenEnd - pos, StandardCharsets.ISO_8859_1);
  }

  private void consumeToken() {
    pos = tokenEnd;
    token = null;
  }

  private void expect(JsonToken kind) throws IOException {
    JsonToken t = peek();
    if (t != kind) {
      throw mismatch(kind == JsonToken.VALUE_STRING ? "a string" : "an array", t);
    }
  }

  /** The next non-whitespace byte (not consumed), or -1 at the end. */
  private int skipWhitespace() {
    while (pos < end) {
      int c = b[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return c & 0xFF;
      }
      pos++;
    }
    return -1;
  }

  private MalformedJsonException mismatch(String expected, JsonToken found) {
    return new MalformedJsonException("expected " + expected + ", found " + found + at());
  }

  private MalformedJsonException unexpected(int c, String expected) {
    if (c < 0) {
      return new MalformedJsonException("unexpected end of input, expected " + expected);
    }
    return new MalformedJsonException(
        "unexpected character '" + printable(c) + "', expected " + expected + at());
  }

  private String at() {
    return " at offset " + pos;
  }

  private static String printable(int c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : "\\x" + hex2(c);
  }

  private static String hex2(int c) {
    return String.format("%02X", c);
  }

  private static String hex4(int c) {
    return String.format("%04X", c);
  }
}
