package io.typedetcd.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON property names of one entity, encoded once: {@link JsonWriter#name} copies them as
 * bytes, {@link JsonReader#nextField} finds a name by its index without making a String of it.
 * Immutable; generated mappers hold one in a static field.
 */
public final class JsonNames {
  private final String[] names;
  private final byte[][] encoded; // "name": as written
  private final byte[][] raw; // the UTF-8 of the name, what an unescaped name reads as
  private final Map<String, Integer> indexes = new HashMap<>();

  private JsonNames(String[] names) {
    this.names = names;
    this.encoded = new byte[names.length][];
    this.raw = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      String name = Objects.requireNonNull(names[i], "name");
      byte[] quoted = JsonWriter.encodeString(name);
      encoded[i] = Arrays.copyOf(quoted, quoted.length + 1);
      encoded[i][quoted.length] = ':';
      raw[i] = name.getBytes(StandardCharsets.UTF_8);
      if (indexes.putIfAbsent(name, i) != null) {
        throw new IllegalArgumentException("duplicate JSON name '" + name + "'");
      }
    }
  }

  /** The names, in the order their indexes give. */
  public static JsonNames of(String... names) {
    return new JsonNames(names.clone());
  }

  /** The number of names. */
  public int size() {
    return names.length;
  }

  /** The names as a list. */
  public List<String> names() {
    return List.of(names);
  }

  byte[] encoded(int index) {
    return encoded[index];
  }

  /**
   * The index of the name whose UTF-8 is {@code bytes[from, to)}, or -1; tries {@code expected}
   * first, since documents list their properties in the order they were written.
   */
  int indexOf(byte[] bytes, int from, int to, int expected) {
    int length = to - from;
    if (expected >= 0 && expected < raw.length) {
      byte[] r = raw[expected];
      if (r.length == length && Arrays.equals(r, 0, length, bytes, from, to)) {
        return expected;
      }
    }
    for (int i = 0; i < raw.length; i++) {
      byte[] r = raw[i];
      if (r.length == length && Arrays.equals(r, 0, length, bytes, from, to)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of a name read with escapes, or -1. */
  int indexOf(String name) {
    Integer i = indexes.get(name);
    return i == null ? -1 : i;
  }
}
