package io.typedetcd.codec;

/**
 * Encodes a key component of a type typed-etcd does not support out of the box. Name it with
 * {@code @Key(codec = ...)}; it needs a public no-argument constructor.
 *
 * <pre>{@code
 * public final class LocalDateCodec implements KeySegmentCodec<LocalDate> {
 *   public String encode(LocalDate d) { return d.toString(); } // ISO dates sort by date
 *   public LocalDate decode(String s) { return LocalDate.parse(s); }
 * }
 * }</pre>
 *
 * <p>The returned text is escaped like any string segment, so it may contain {@code /}. For range
 * reads to come back in a meaningful order, make the text sort the way the values do.
 */
public interface KeySegmentCodec<T> {
  String encode(T value);

  T decode(String segment);
}
