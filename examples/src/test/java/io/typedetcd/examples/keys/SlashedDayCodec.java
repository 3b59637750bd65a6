package io.typedetcd.examples.keys;

import io.typedetcd.codec.KeySegmentCodec;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A user codec for a key type typed-etcd does not know. Its text contains {@code /}, which the
 * runtime escapes like any other key value; zero-padded fields keep key order chronological.
 */
public final class SlashedDayCodec implements KeySegmentCodec<LocalDate> {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu/MM/dd");

  @Override
  public String encode(LocalDate day) {
    return FORMAT.format(day);
  }

  @Override
  public LocalDate decode(String segment) {
    return LocalDate.parse(segment, FORMAT);
  }
}
