package io.typedetcd.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random values written by {@link JsonWriter} read back the same through Jackson, and values
 * Jackson writes (compact or pretty, properties in any order, unknown ones among them) read back
 * the same through {@link JsonReader}: stored documents stay compatible in both directions.
 */
class JsonJacksonRoundTripTest {
  static final JsonNames NAMES = JsonNames.of("s", "i", "l", "d", "b", "f", "tags");
  static final ObjectMapper JACKSON = new ObjectMapper();
  static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  record Doc(String s, int i, long l, double d, boolean b, float f, List<String> tags) {}

  @Test
  void ourOutputReadsTheSameInJackson() throws IOException {
    Random random = new Random(42);
    for (int run = 0; run < 2_000; run++) {
      Doc doc = randomDoc(random);
      ByteString json;
      try (JsonWriter out = JsonWriter.open()) {
        out.beginObject();
        out.name(NAMES, 0).string(doc.s());
        out.name(NAMES, 1).number(doc.i());
        out.name(NAMES, 2).number(doc.l());
        out.name(NAMES, 3).number(doc.d());
        out.name(NAMES, 4).bool(doc.b());
        out.name(NAMES, 5).number(doc.f());
        out.name(NAMES, 6).strings(doc.tags());
        json = out.endObject().toByteString();
      }
      ObjectNode node = (ObjectNode) JACKSON.readTree(json.toByteArray());
      assertThat(node.get("s").textValue()).isEqualTo(doc.s());
      assertThat(node.get("i").intValue()).isEqualTo(doc.i());
      assertThat(node.get("l").longValue()).isEqualTo(doc.l());
      assertThat(node.get("d").doubleValue()).isEqualTo(doc.d());
      assertThat(node.get("b").booleanValue()).isEqualTo(doc.b());
      assertThat(node.get("f").floatValue()).isEqualTo(doc.f());
      List<String> tags = new ArrayList<>();
      node.get("tags").forEach(t -> tags.add(t.isNull() ? null : t.textValue()));
      assertThat(tags).isEqualTo(doc.tags());
      // and our reader reads our writer
      assertThat(read(json.toByteArray())).isEqualTo(doc);
    }
  }

  @Test
  void jacksonOutputReadsTheSameInOurReader() throws IOException {
    Random random = new Random(7);
    for (int run = 0; run < 2_000; run++) {
      Doc doc = randomDoc(random);
      Map<String, Object> fields =
          JACKSON.convertValue(doc, new TypeReference<Map<String, Object>>() {});
      List<Map.Entry<String, Object>> entries = new ArrayList<>(fields.entrySet());
      entries.add(Map.entry("unknown", Map.of("nested", List.of(randomString(random), 1.5))));
      Collections.shuffle(entries, random);
      ObjectNode node = JACKSON.createObjectNode();
      for (Map.Entry<String, Object> e : entries) {
        node.set(e.getKey(), JACKSON.valueToTree(e.getValue()));
      }
      // valueToTree keeps the float as a double: write the exact float text again
      node.put("f", doc.f());
      ObjectMapper writer = random.nextBoolean() ? PRETTY : JACKSON;
      assertThat(read(writer.writeValueAsBytes(node))).isEqualTo(doc);
      assertThat(read(JACKSON.writeValueAsBytes(doc))).isEqualTo(doc);
    }
  }

  static Doc read(byte[] json) throws IOException {
    JsonReader in = JsonReader.of(json);
    assertThat(in.beginObject()).isTrue();
    String s = null;
    int i = 0;
    long l = 0;
    double d = 0;
    boolean b = false;
    float f = 0;
    List<String> tags = null;
    for (int field; (field = in.nextField(NAMES)) != JsonReader.END; ) {
      switch (field) {
        case 0 -> s = in.readString();
        case 1 -> i = in.readInt();
        case 2 -> l = in.readLong();
        case 3 -> d = in.readDouble();
        case 4 -> b = in.readBoolean();
        case 5 -> f = in.readFloat();
        case 6 -> tags = in.readStringList();
        default -> in.skipValue();
      }
    }
    return new Doc(s, i, l, d, b, f, tags);
  }

  static Doc randomDoc(Random random) {
    List<String> tags = new ArrayList<>();
    for (int n = random.nextInt(4); n > 0; n--) {
      tags.add(random.nextInt(5) == 0 ? null : randomString(random));
    }
    return new Doc(
        randomString(random),
        random.nextInt(3) == 0 ? random.nextInt(1000) : random.nextInt(),
        edgeOr(random, random.nextLong()),
        randomDouble(random),
        random.nextBoolean(),
        randomFloat(random),
        tags);
  }

  static long edgeOr(Random random, long value) {
    long[] edges = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53};
    return random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)] : value;
  }

  static double randomDouble(Random random) {
    switch (random.nextInt(5)) {
      case 0:
        return Math.round(random.nextDouble() * 1e6) / 100.0; // short decimals
      case 1:
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-3, 1e7, -1e22, 1e23};
        return edges[random.nextInt(edges.length)];
      case 2:
        return random.nextInt(100_000);
      default:
        double v;
        do {
          v = Double.longBitsToDouble(random.nextLong());
        } while (Double.isNaN(v) || Double.isInfinite(v));
        return v;
    }
  }

  static float randomFloat(Random random) {
    float v;
    do {
      v = random.nextBoolean() ? Float.intBitsToFloat(random.nextInt()) : random.nextFloat() * 100;
    } while (Float.isNaN(v) || Float.isInfinite(v));
    return v;
  }

  /** ASCII, escapes, control characters, BMP and supplementary characters, lone surrogates. */
  static String randomString(Random random) {
    StringBuilder b = new StringBuilder();
    for (int n = random.nextInt(20); n > 0; n--) {
      switch (random.nextInt(6)) {
        case 0:
          b.append((char) random.nextInt(0x20));
          break;
        case 1:
          b.append("\"\\/".charAt(random.nextInt(3)));
          break;
        case 2:
          b.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
          break;
        case 3:
          b.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
          break;
        case 4:
          b.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
          break;
        default:
          b.append((char) (0x20 + random.nextInt(0x60)));
      }
    }
    return b.toString();
  }
}
