package io.typedetcd.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  static final JsonNames NAMES = JsonNames.of("s", "i", "l", "d", "f", "b", "n", "o", "say \"hi\"");

  static String write(java.util.function.Consumer<JsonWriter> body) {
    try (JsonWriter out = JsonWriter.open()) {
      out.beginObject();
      body.accept(out);
      return out.endObject().toByteString().toStringUtf8();
    }
  }

  @Test
  void writesNamesWithCommasBetweenThem() {
    assertThat(write(out -> {})).isEqualTo("{}");
    assertThat(
            write(
                out -> {
                  out.name(NAMES, 0).string("x");
                  out.name(NAMES, 1).number(8080);
                  out.name(NAMES, 5).bool(true);
                  out.name(NAMES, 6).nullValue();
                  out.name(NAMES, 8).bool(false);
                }))
        .isEqualTo("{\"s\":\"x\",\"i\":8080,\"b\":true,\"n\":null,\"say \\\"hi\\\"\":false}");
  }

  @Test
  void escapesLikeJackson() {
    assertThat(write(out -> out.name(NAMES, 0).string("a\"b\\c/d\u007f")))
        .isEqualTo("{\"s\":\"a\\\"b\\\\c/d\u007f\"}");
    assertThat(write(out -> out.name(NAMES, 0).string("\b\t\n\f\r\u0000\u001f")))
        .isEqualTo("{\"s\":\"\\b\\t\\n\\f\\r\\u0000\\u001F\"}");
  }

  @Test
  void writesUnicodeAsUtf8AndLoneSurrogatesAsEscapes() {
    String text = "é€😀";
    try (JsonWriter out = JsonWriter.open()) {
      ByteString json = out.string(text).toByteString();
      assertThat(json.toByteArray())
          .isEqualTo(("\"" + text + "\"").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(write(out -> out.name(NAMES, 0).string("a\ud83db\ude00")))
        .isEqualTo("{\"s\":\"a\\uD83Db\\uDE00\"}");
  }

  @Test
  void writesNumbersLikeJava() {
    for (long v : new long[] {0, 7, -7, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53}) {
      assertThat(write(out -> out.name(NAMES, 2).number(v))).isEqualTo("{\"l\":" + v + "}");
    }
    for (int v : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1}) {
      assertThat(write(out -> out.name(NAMES, 1).number(v))).isEqualTo("{\"i\":" + v + "}");
    }
    for (double v :
        new double[] {0.0, -0.0, 0.75, 8443.0, -5.0, 1e7, 9999999.0, 1e-3, 1e-4, 1.0E300, 0.1}) {
      assertThat(write(out -> out.name(NAMES, 3).number(v)))
          .isEqualTo("{\"d\":" + Double.toString(v) + "}");
    }
    assertThat(write(out -> out.name(NAMES, 4).number(1.5f))).isEqualTo("{\"f\":1.5}");
  }

  @Test
  void writesNanAndInfinitiesAsStrings() {
    assertThat(write(out -> out.name(NAMES, 3).number(Double.NaN))).isEqualTo("{\"d\":\"NaN\"}");
    assertThat(write(out -> out.name(NAMES, 3).number(Double.NEGATIVE_INFINITY)))
        .isEqualTo("{\"d\":\"-Infinity\"}");
    assertThat(write(out -> out.name(NAMES, 4).number(Float.POSITIVE_INFINITY)))
        .isEqualTo("{\"f\":\"Infinity\"}");
  }

  @Test
  void writesStringArraysAndOtherValuesThroughTheMapper() throws IOException {
    try (JsonWriter out = JsonWriter.open()) {
      out.beginObject();
      out.name(NAMES, 7).strings(Arrays.asList("a", null, "b"));
      out.name(NAMES, 0).strings(List.of());
      out.name(NAMES, 1).object(Map.of("at", Instant.parse("2024-05-01T10:15:30Z")));
      out.name(NAMES, 2).number(1);
      assertThat(out.endObject().toByteString().toStringUtf8())
          .isEqualTo(
              "{\"o\":[\"a\",null,\"b\"],\"s\":[],\"i\":{\"at\":\"2024-05-01T10:15:30Z\"},\"l\":1}");
    }
  }

  @Test
  void aNestedWriterGetsItsOwnBufferAndBigValuesFit() {
    String big = "x".repeat(100_000);
    try (JsonWriter outer = JsonWriter.open()) {
      outer.beginObject().name(NAMES, 0).string("outer");
      try (JsonWriter nested = JsonWriter.open()) {
        assertThat(nested).isNotSameAs(outer);
        assertThat(nested.string(big).toByteString().size()).isEqualTo(big.length() + 2);
      }
      assertThat(outer.endObject().toByteString().toStringUtf8()).isEqualTo("{\"s\":\"outer\"}");
    }
    try (JsonWriter again = JsonWriter.open()) {
      assertThat(again.string("é".repeat(40_000)).toByteString().size()).isEqualTo(80_002);
    }
  }

  @Test
  void aClosedWriterRefusesToFinish() {
    JsonWriter out = JsonWriter.open();
    out.close();
    assertThatThrownBy(out::toByteString).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void namesAreUniqueAndEscaped() {
    assertThatThrownBy(() -> JsonNames.of("a", "a")).hasMessageContaining("duplicate");
    assertThat(new String(NAMES.encoded(8), StandardCharsets.UTF_8))
        .isEqualTo("\"say \\\"hi\\\"\":");
  }
}
