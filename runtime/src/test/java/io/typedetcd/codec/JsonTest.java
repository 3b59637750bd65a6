package io.typedetcd.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Address(String street, String city) {}

  static final JavaType ADDRESSES = Json.type(new TypeReference<List<Address>>() {});

  @Test
  void writerStreamsPropertiesAndDelegatesTheRest() throws IOException {
    ByteString json;
    try (Json.Writer w = Json.writer()) {
      JsonGenerator g = w.generator();
      g.writeStartObject();
      g.writeNumberField("port", 8080);
      g.writeStringField("host", "h");
      g.writeFieldName("since");
      Json.writeObject(g, Instant.parse("2024-05-01T10:15:30Z"));
      g.writeFieldName("ttl");
      Json.writeObject(g, Duration.ofSeconds(90));
      g.writeFieldName("addresses");
      Json.writeObject(g, List.of(new Address("Main St 1", "Springfield")));
      g.writeEndObject();
      json = w.toByteString();
    }
    assertThat(json.toStringUtf8())
        .isEqualTo(
            "{\"port\":8080,\"host\":\"h\",\"since\":\"2024-05-01T10:15:30Z\",\"ttl\":\"PT1M30S\","
                + "\"addresses\":[{\"street\":\"Main St 1\",\"city\":\"Springfield\"}]}");

    try (JsonParser p = Json.parser(json)) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      Instant since = null;
      List<Address> addresses = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "since" -> since = Json.readObject(p, Json.type(Instant.class));
          case "addresses" -> addresses = Json.readObject(p, ADDRESSES);
          default -> p.skipChildren();
        }
      }
      assertThat(since).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
      assertThat(addresses).containsExactly(new Address("Main St 1", "Springfield"));
    }
  }

  @Test
  void writerBufferIsReusedAndNestedWritersDoNotClash() throws IOException {
    for (int i = 0; i < 3; i++) {
      try (Json.Writer outer = Json.writer()) {
        outer.generator().writeStartArray();
        outer.generator().writeNumber(i);
        ByteString inner;
        try (Json.Writer nested = Json.writer()) {
          nested.generator().writeString("nested");
          inner = nested.toByteString();
        }
        outer.generator().writeEndArray();
        assertThat(inner.toStringUtf8()).isEqualTo("\"nested\"");
        assertThat(outer.toByteString().toStringUtf8()).isEqualTo("[" + i + "]");
      }
    }
  }

  @Test
  void largeValuesGrowTheBuffer() throws IOException {
    String big = "x".repeat(200_000);
    try (Json.Writer w = Json.writer()) {
      w.generator().writeString(big);
      assertThat(w.toByteString().size()).isEqualTo(big.length() + 2);
    }
    try (Json.Writer w = Json.writer()) {
      w.generator().writeString("small");
      assertThat(w.toByteString().toStringUtf8()).isEqualTo("\"small\"");
    }
  }

  @Test
  void textFormsForFieldsLayout() throws IOException {
    assertThat(Json.toText(9090).toStringUtf8()).isEqualTo("9090");
    assertThat(Json.toText(true).toStringUtf8()).isEqualTo("true");
    assertThat(Json.toText(List.of("a", "b")).toStringUtf8()).isEqualTo("[\"a\",\"b\"]");
    assertThat(Json.<Integer>fromText(ByteString.copyFromUtf8("9090"), Json.type(int.class)))
        .isEqualTo(9090);
    assertThat(
            Json.<Map<String, Integer>>fromText(
                ByteString.copyFromUtf8("{\"a\":1}"),
                Json.type(new TypeReference<Map<String, Integer>>() {})))
        .containsEntry("a", 1);
    assertThatThrownBy(() -> Json.fromText(ByteString.copyFromUtf8("90x"), Json.type(int.class)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.fromText(ByteString.copyFromUtf8("1 2"), Json.type(int.class)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Json.fromText(ByteString.EMPTY, Json.type(int.class)))
        .isInstanceOf(IOException.class);
  }

  @Test
  void unknownPropertiesAreIgnored() throws IOException {
    Address a =
        Json.fromText(
            ByteString.copyFromUtf8("{\"street\":\"s\",\"city\":\"c\",\"zip\":\"9\"}"),
            Json.type(Address.class));
    assertThat(a).isEqualTo(new Address("s", "c"));
  }

  @Test
  void configureReplacesTheSharedMapper() {
    ObjectMapper original = Json.mapper();
    try {
      ObjectMapper custom = original.copy();
      Json.configure(custom);
      assertThat(Json.mapper()).isSameAs(custom);
    } finally {
      Json.configure(original);
    }
    assertThatThrownBy(() -> Json.configure(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("mapper");
  }
}
