package io.typedetcd.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
  static final JsonNames NAMES = JsonNames.of("s", "n", "é");

  static JsonReader reader(String json) {
    return JsonReader.of(ByteString.copyFromUtf8(json));
  }

  /** The one string property "s" of a document, skipping everything else. */
  static String string(String json) throws IOException {
    JsonReader in = reader(json);
    assertThat(in.beginObject()).isTrue();
    String s = null;
    for (int f; (f = in.nextField(NAMES)) != JsonReader.END; ) {
      if (f == 0) {
        s = in.readString();
      } else {
        in.skipValue();
      }
    }
    return s;
  }

  /** The first value of a one-property document, as a token and the reader positioned at it. */
  static JsonReader at(String value) throws IOException {
    JsonReader in = reader("{\"n\":" + value + "}");
    assertThat(in.beginObject()).isTrue();
    assertThat(in.nextField(NAMES)).isEqualTo(1);
    return in;
  }

  @Test
  void readsFieldsByIndexAndSkipsUnknownOnes() throws IOException {
    JsonReader in =
        reader(
            " \t\r\n{ \"x\" : [1, {\"y\": [[], {}, \"a\\\"]\"]}, true, null, -1.5e3] ,"
                + "\"s\":\"v\", \"\\u00e9\" : 1 , \"s\" : \"last\" } trailing ignored");
    assertThat(in.beginObject()).isTrue();
    List<Integer> fields = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int f; (f = in.nextField(NAMES)) != JsonReader.END; ) {
      fields.add(f);
      names.add(in.currentName());
      in.skipValue();
    }
    assertThat(fields).containsExactly(JsonReader.UNKNOWN, 0, 2, 0);
    assertThat(names).containsExactly("x", "s", "é", "s");
    assertThat(string("{\"s\":\"first\",\"s\":\"last\"}")).isEqualTo("last");
    assertThat(string("{}")).isNull();
    assertThat(string("\uFEFF{\"s\":\"bom\"}")).isEqualTo("bom");
  }

  @Test
  void aValueThatIsNoObjectIsReportedAsSuch() throws IOException {
    for (String json : List.of("", "  ", "[1]", "\"s\"", "12", "null", "[")) {
      assertThat(reader(json).beginObject()).as(json).isFalse();
    }
    assertThatThrownBy(() -> reader("nul").beginObject())
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> reader("x").beginObject()).isInstanceOf(MalformedJsonException.class);
  }

  @Test
  void decodesEscapesAndUtf8() throws IOException {
    assertThat(string("{\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00E9\\u20ac\"}"))
        .isEqualTo("\"\\/\b\f\n\r\tAé€");
    assertThat(string("{\"s\":\"é€😀\"}")).isEqualTo("é€😀");
    assertThat(string("{\"s\":\"\\ud83d\\ude00\"}")).isEqualTo("😀");
    assertThat(string("{\"s\":\"lone \\ud83d\"}")).isEqualTo("lone \ud83d");
    assertThat(string("{\"s\":\"\u007f\"}")).isEqualTo("\u007f");
  }

  @Test
  void rejectsMalformedStrings() {
    for (String json :
        List.of(
            "{\"s\":\"a\nb\"}", // control characters must be escaped
            "{\"s\":\"\t\"}",
            "{\"s\":\"\\x\"}",
            "{\"s\":\"\\u12\"}",
            "{\"s\":\"\\u12G4\"}",
            "{\"s\":\"abc", // truncated
            "{\"s\":\"abc\\",
            "{\"x\":\"a\u0001\"}", // also in skipped values
            "{\"x\\q\":1}",
            "{\"n\u0001\":1}")) {
      assertThatThrownBy(() -> string(json)).as(json).isInstanceOf(MalformedJsonException.class);
    }
    byte[][] invalidUtf8 = {
      {'"', (byte) 0x80, '"'}, // a continuation byte first
      {'"', (byte) 0xC3, 'a', '"'}, // a missing continuation byte
      {'"', (byte) 0xE2, (byte) 0x82, '"'},
      {'"', (byte) 0xF8, (byte) 0x80, '"'}, // no 5-byte forms
      {'"', (byte) 0xC3},
    };
    for (byte[] value : invalidUtf8) {
      for (String property : List.of("s", "x")) {
        byte[] json = concat(("{\"" + property + "\":").getBytes(StandardCharsets.UTF_8), value);
        assertThatThrownBy(() -> skipAll(JsonReader.of(concat(json, "}".getBytes()))))
            .isInstanceOf(MalformedJsonException.class);
      }
    }
  }

  static void skipAll(JsonReader in) throws IOException {
    in.beginObject();
    for (int f; (f = in.nextField(NAMES)) != JsonReader.END; ) {
      if (f == 0) {
        in.readString();
      } else {
        in.skipValue();
      }
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void rejectsMalformedStructure() {
    for (String json :
        List.of(
            "{",
            "{\"s\"",
            "{\"s\":",
            "{\"s\":\"v\"",
            "{\"s\":\"v\",}",
            "{,}",
            "{\"s\" \"v\"}",
            "{\"s\":\"v\" \"n\":1}",
            "{s:\"v\"}",
            "{'s':\"v\"}",
            "{\"x\":[1,]}",
            "{\"x\":[1 2]}",
            "{\"x\":{\"a\"}}",
            "{\"x\":{\"a\":1,}}",
            "{\"x\":[}",
            "{\"x\":tru}",
            "{\"x\":nul}",
            "{\"x\":/* no comments */1}",
            "{\"x\":NaN}",
            "{\"x\":Infinity}",
            "{\"x\":+1}",
            "{\"x\":.5}",
            "{\"x\":01}",
            "{\"x\":-01}",
            "{\"x\":-}",
            "{\"x\":1.}",
            "{\"x\":1.e3}",
            "{\"x\":1e}",
            "{\"x\":1e+}",
            "{\"x\":0x10}",
            "{\"x\"\u000b:1}")) {
      assertThatThrownBy(() -> skipAll(reader(json)))
          .as(json)
          .isInstanceOf(MalformedJsonException.class);
    }
    // trailing content after the object is not read, as with the Jackson-based code before
    assertThatCode(() -> skipAll(reader("{\"x\":1}\u000b"))).doesNotThrowAnyException();
  }

  @Test
  void limitsNestingLikeJackson() throws IOException {
    String deep = "[".repeat(999) + "]".repeat(999);
    JsonReader ok = at(deep);
    ok.skipValue();
    String tooDeep = "[".repeat(1000) + "]".repeat(1000);
    assertThatThrownBy(() -> at(tooDeep).skipValue())
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining("nesting");
    assertThatThrownBy(() -> at("1".repeat(1001)).peek())
        .isInstanceOf(MalformedJsonException.class);
  }

  @Test
  void readsIntegersWithRangeChecks() throws IOException {
    assertThat(at("0").readInt()).isZero();
    assertThat(at("-0").readInt()).isZero();
    assertThat(at("2147483647").readInt()).isEqualTo(Integer.MAX_VALUE);
    assertThat(at("-2147483648").readInt()).isEqualTo(Integer.MIN_VALUE);
    assertThat(at("9223372036854775807").readLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(at("-9223372036854775808").readLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(at("-32768").readShort()).isEqualTo(Short.MIN_VALUE);
    assertThat(at("255").readByte()).isEqualTo((byte) -1); // as Jackson reads bytes
    assertThat(at("-128").readByte()).isEqualTo(Byte.MIN_VALUE);
    for (String overflow :
        List.of("2147483648", "-2147483649", "99999999999999999999", "-9223372036854775809")) {
      assertThatThrownBy(() -> at(overflow).readInt())
          .isInstanceOf(MalformedJsonException.class)
          .hasMessageContaining("out of range of int");
    }
    assertThatThrownBy(() -> at("9223372036854775808").readLong())
        .hasMessageContaining("out of range of long");
    assertThatThrownBy(() -> at("32768").readShort()).hasMessageContaining("short");
    assertThatThrownBy(() -> at("256").readByte()).hasMessageContaining("byte");
    assertThatThrownBy(() -> at("-129").readByte()).hasMessageContaining("byte");
    assertThatThrownBy(() -> at("1.0").readInt()).hasMessageContaining("VALUE_NUMBER_FLOAT");
    assertThatThrownBy(() -> at("\"1\"").readLong()).hasMessageContaining("VALUE_STRING");
  }

  @Test
  void readsDoublesExactly() throws IOException {
    String[] texts = {
      "0",
      "-0",
      "0.0",
      "-0.0",
      "0.75",
      "1e3",
      "1E3",
      "1.5e-3",
      "-2.5E+10",
      "123456789012345678",
      "9007199254740993",
      "0.1",
      "1e22",
      "1e23",
      "4.9e-324",
      "1e-400",
      "1.7976931348623157e308",
      "1e309",
      "2.2250738585072014E-308",
      "3.141592653589793",
      "0.30000000000000004",
      "1000000000000000000000000",
      "0.000000000000000000000000000001",
      "7e-23",
      "123.456e-7"
    };
    for (String text : texts) {
      double expected = Double.parseDouble(text);
      JsonReader in = at(text);
      assertThat(in.peek()).isIn(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);
      assertThat(Double.doubleToRawLongBits(in.readDouble()))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(expected));
      assertThat(at(text).readFloat()).as(text).isEqualTo(Float.parseFloat(text));
    }
    assertThatThrownBy(() -> at("true").readDouble()).hasMessageContaining("VALUE_TRUE");
  }

  @Test
  void peeksEveryKindOfValue() throws IOException {
    assertThat(at("\"s\"").peek()).isEqualTo(JsonToken.VALUE_STRING);
    assertThat(at("1").peek()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
    assertThat(at("1.0").peek()).isEqualTo(JsonToken.VALUE_NUMBER_FLOAT);
    assertThat(at("1e2").peek()).isEqualTo(JsonToken.VALUE_NUMBER_FLOAT);
    assertThat(at("true").readBoolean()).isTrue();
    assertThat(at("false").readBoolean()).isFalse();
    assertThat(at("null").peek()).isEqualTo(JsonToken.VALUE_NULL);
    assertThat(at("{}").peek()).isEqualTo(JsonToken.START_OBJECT);
    assertThat(at("[]").peek()).isEqualTo(JsonToken.START_ARRAY);
    assertThatThrownBy(() -> at("null").readBoolean()).hasMessageContaining("VALUE_NULL");
  }

  @Test
  void readsStringArrays() throws IOException {
    assertThat(at("[ \"a\" , null,\"b\\n\" ]").readStringList()).containsExactly("a", null, "b\n");
    assertThat(at("[]").readStringList()).isEmpty();
    assertThat(at("[\"b\",\"a\",\"b\"]").readStringSet()).containsExactly("b", "a");
    assertThatThrownBy(() -> at("[\"a\",1]").readStringList())
        .hasMessageContaining("expected a string in the array, found VALUE_NUMBER_INT");
    assertThatThrownBy(() -> at("[\"a\"").readStringList())
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> at("[\"a\",]").readStringList())
        .isInstanceOf(MalformedJsonException.class);
  }

  @Test
  void readsOtherValuesThroughTheMapper() throws IOException {
    JsonReader in = reader("{\"n\": {\"at\" : [\"2024-05-01T10:15:30Z\"]} , \"s\":\"after\"}");
    in.beginObject();
    in.nextField(NAMES);
    Map<String, List<Instant>> value =
        in.readObject(Json.type(new TypeReference<Map<String, List<Instant>>>() {}));
    assertThat(value).isEqualTo(Map.of("at", List.of(Instant.parse("2024-05-01T10:15:30Z"))));
    assertThat(in.nextField(NAMES)).isEqualTo(0);
    assertThat(in.readString()).isEqualTo("after");
    assertThat(in.nextField(NAMES)).isEqualTo(JsonReader.END);
  }
}
