package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ContainerModeTest {

  @Test
  void missingTestcontainersIsExplained() throws Exception {
    try (URLClassLoader withoutTestcontainers =
        new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> ContainerMode.requireTestcontainers(withoutTestcontainers))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("org.testcontainers:testcontainers");
    }
  }

  @Test
  void presentTestcontainersPasses() {
    assertThatCode(() -> ContainerMode.requireTestcontainers(getClass().getClassLoader()))
        .doesNotThrowAnyException();
  }

  @Test
  void containerModeIsOffUnlessAsked() {
    String before = System.getProperty(ContainerMode.PROPERTY);
    try {
      System.clearProperty(ContainerMode.PROPERTY);
      assertThat(ContainerMode.enabled()).isFalse();
      System.setProperty(ContainerMode.PROPERTY, "container");
      assertThat(ContainerMode.enabled()).isTrue();
    } finally {
      if (before == null) {
        System.clearProperty(ContainerMode.PROPERTY);
      } else {
        System.setProperty(ContainerMode.PROPERTY, before);
      }
    }
  }
}
