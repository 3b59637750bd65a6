package io.typedetcd.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeySegmentsTest {
  static final List<String> HOSTILE =
      List.of(
          "",
          "/",
          "//",
          "%",
          "%%",
          "%2F",
          "%25",
          "%00",
          "a/b",
          "/leading",
          "trailing/",
          "a%2Fb",
          "\0",
          "\n\t\r",
          "\u007f",
          " ",
          ".",
          "..",
          "grüße/東京/🚀",
          "emoji 🚀 surrogate pair",
          "-1",
          "00000000000000000042");

  enum Color {
    RED,
    GREEN
  }

  @Test
  void hostileStringsRoundTrip() {
    for (String value : HOSTILE) {
      String segment = KeySegments.string(value);
      assertThat(KeySegments.decodeString(segment)).as("round trip of %s", value).isEqualTo(value);
    }
  }

  @Test
  void encodedSegmentsCannotForgeSeparatorsOrEmptySegments() {
    for (String value : HOSTILE) {
      String segment = KeySegments.string(value);
      assertThat(segment).as("segment of '%s'", value).isNotEmpty().doesNotContain("/");
      assertThat(segment.chars())
          .as("printable: %s", segment)
          .allMatch(c -> c >= 0x20 && c != 0x7f);
    }
  }

  @Test
  void distinctValuesGiveDistinctSegments() {
    assertThat(HOSTILE.stream().map(KeySegments::string).distinct()).hasSameSizeAs(HOSTILE);
  }

  @Test
  void documentedEncodings() {
    assertThat(KeySegments.string("a/b")).isEqualTo("a%2Fb");
    assertThat(KeySegments.string("100%")).isEqualTo("100%25");
    assertThat(KeySegments.string("")).isEqualTo("%");
    assertThat(KeySegments.string("\0")).isEqualTo("%00");
    assertThat(KeySegments.string("東京")).isEqualTo("東京");
    String plain = "plain-value_1.2";
    assertThat(KeySegments.string(plain)).isSameAs(plain);
  }

  @Test
  void randomStringsRoundTrip() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(12);
      for (int j = 0; j < len; j++) {
        int pick = random.nextInt(10);
        if (pick < 3) {
          b.append("/%\0\u007f\n".charAt(random.nextInt(5)));
        } else if (pick < 4) {
          b.appendCodePoint(0x1F600 + random.nextInt(50));
        } else {
          b.append((char) (0x20 + random.nextInt(0x3000)));
        }
      }
      String value = b.toString();
      String segment = KeySegments.string(value);
      assertThat(segment).isNotEmpty().doesNotContain("/");
      assertThat(KeySegments.decodeString(segment)).isEqualTo(value);
      // and the bytes survive UTF-8, as they must in an etcd key
      assertThat(ByteString.copyFromUtf8(segment).toStringUtf8()).isEqualTo(segment);
    }
  }

  @Test
  void unpairedSurrogateIsRejected() {
    assertThatThrownBy(() -> KeySegments.string("a\uD800b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate at index 1");
  }

  @Test
  void malformedSegmentsAreRejectedNamingThem() {
    for (String bad : List.of("", "a/b", "%2", "%2f", "%41", "%ZZ", "a%", "\n", "%%")) {
      assertThatThrownBy(() -> KeySegments.decodeString(bad))
          .as("decoding '%s'", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("malformed key segment '" + bad + "'");
    }
  }

  static final List<Long> LONG_EDGES =
      List.of(
          Long.MIN_VALUE,
          Long.MIN_VALUE + 1,
          -1_000_000_000_000L,
          -10L,
          -9L,
          -2L,
          -1L,
          0L,
          1L,
          9L,
          10L,
          42L,
          1_000_000_000_000L,
          Long.MAX_VALUE - 1,
          Long.MAX_VALUE);

  @Test
  void longsRoundTripAndSortNumerically() {
    List<Long> values = new ArrayList<>(LONG_EDGES);
    Random random = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      values.add(random.nextLong());
      values.add((long) random.nextInt(2000) - 1000);
    }
    for (long v : values) {
      assertThat(KeySegments.decodeLong(KeySegments.longValue(v))).isEqualTo(v);
    }
    assertByteOrderIsNumericOrder(values, KeySegments::longValue, Long::compare);
  }

  @Test
  void longEncodingIsReadable() {
    assertThat(KeySegments.longValue(42)).isEqualTo("00000000000000000042");
    assertThat(KeySegments.longValue(0)).hasSize(20);
    assertThat(KeySegments.longValue(Long.MAX_VALUE)).isEqualTo("09223372036854775807");
    assertThat(KeySegments.longValue(-1)).isEqualTo("-9223372036854775807");
    assertThat(KeySegments.longValue(Long.MIN_VALUE)).isEqualTo("-0000000000000000000");
  }

  @Test
  void intsRoundTripAndSortNumerically() {
    List<Integer> values =
        new ArrayList<>(
            List.of(
                Integer.MIN_VALUE,
                Integer.MIN_VALUE + 1,
                -10,
                -9,
                -1,
                0,
                1,
                9,
                10,
                Integer.MAX_VALUE - 1,
                Integer.MAX_VALUE));
    Random random = new Random(11);
    for (int i = 0; i < 5_000; i++) {
      values.add(random.nextInt());
      values.add(random.nextInt(2000) - 1000);
    }
    for (int v : values) {
      assertThat(KeySegments.decodeInt(KeySegments.intValue(v))).isEqualTo(v);
    }
    assertByteOrderIsNumericOrder(values, KeySegments::intValue, Integer::compare);
    assertThat(KeySegments.intValue(42)).isEqualTo("0000000042");
    assertThat(KeySegments.intValue(-1)).isEqualTo("-2147483647");
  }

  @Test
  void malformedNumbersAreRejected() {
    for (String bad :
        List.of(
            "42",
            "",
            "-1",
            "+0000000000000000042",
            "0000000000000000004x",
            "99999999999999999999",
            "-9999999999999999999",
            "000000000000000000042")) {
      assertThatThrownBy(() -> KeySegments.decodeLong(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
    for (String bad : List.of("42", "9999999999", "-9999999999", "-000000001", "00000000042")) {
      assertThatThrownBy(() -> KeySegments.decodeInt(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void uuidsAreCanonicalLowerCase() {
    UUID id = UUID.fromString("123E4567-E89B-12D3-A456-426614174000");
    assertThat(KeySegments.uuid(id)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(KeySegments.decodeUuid(KeySegments.uuid(id))).isEqualTo(id);
    for (String bad : List.of("123E4567-E89B-12D3-A456-426614174000", "1-2-3-4-5", "x")) {
      assertThatThrownBy(() -> KeySegments.decodeUuid(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void enumsUseTheirNames() {
    assertThat(KeySegments.enumValue(Color.GREEN)).isEqualTo("GREEN");
    assertThat(KeySegments.decodeEnum(Color.class, "RED")).isEqualTo(Color.RED);
    assertThatThrownBy(() -> KeySegments.decodeEnum(Color.class, "BLUE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'BLUE'")
        .hasMessageContaining("Color.BLUE");
  }

  @Test
  void customCodecTextIsEscaped() {
    KeySegmentCodec<LocalDate> slashed =
        new KeySegmentCodec<>() {
          @Override
          public String encode(LocalDate d) {
            return d.toString().replace('-', '/');
          }

          @Override
          public LocalDate decode(String s) {
            return LocalDate.parse(s.replace('/', '-'));
          }
        };
    LocalDate day = LocalDate.of(2024, 2, 29);
    String segment = KeySegments.custom(slashed, day);
    assertThat(segment).isEqualTo("2024%2F02%2F29");
    assertThat(KeySegments.decodeCustom(slashed, segment)).isEqualTo(day);
  }

  @Test
  void nullValuesAreRejectedEagerly() {
    assertThatThrownBy(() -> KeySegments.string(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key value");
  }

  /** Sorting the encoded segments by their UTF-8 bytes gives the values in numeric order. */
  static <N> void assertByteOrderIsNumericOrder(
      List<N> values, java.util.function.Function<N, String> encode, Comparator<N> numeric) {
    List<N> byBytes = new ArrayList<>(values);
    byBytes.sort(
        Comparator.comparing(
            v -> ByteString.copyFromUtf8(encode.apply(v)),
            ByteString.unsignedLexicographicalComparator()));
    List<N> byValue = new ArrayList<>(values);
    byValue.sort(numeric);
    assertThat(byBytes).isEqualTo(byValue);
  }
}
