package io.typedetcd.processor.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrefixesTest {
  @Test
  void validPrefixes() {
    assertThat(Prefixes.problem("/users")).isNull();
    assertThat(Prefixes.problem("/registry/services")).isNull();
  }

  @Test
  void invalidPrefixes() {
    assertThat(Prefixes.problem("")).isEqualTo("is empty");
    assertThat(Prefixes.problem("users")).isEqualTo("is relative");
    assertThat(Prefixes.problem("/a//b")).startsWith("contains an empty segment");
    assertThat(Prefixes.problem("/")).startsWith("ends with '/'");
    assertThat(Prefixes.problem("/users/")).startsWith("ends with '/'");
  }

  @Test
  void containmentIsByPathSegments() {
    assertThat(Prefixes.contains("/users", "/users/admins")).isTrue();
    assertThat(Prefixes.contains("/users", "/users")).isTrue();
    assertThat(Prefixes.contains("/users", "/users2")).isFalse();
    assertThat(Prefixes.contains("/users/admins", "/users")).isFalse();
  }

  @Test
  void ttl() {
    assertThat(Prefixes.ttl("")).isEqualTo(Duration.ZERO);
    assertThat(Prefixes.ttl("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Prefixes.ttl("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Prefixes.ttl("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Prefixes.ttl("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThat(Prefixes.ttl("0s")).isNull();
    assertThat(Prefixes.ttl("-PT1S")).isNull();
    assertThat(Prefixes.ttl("ten seconds")).isNull();
  }
}
