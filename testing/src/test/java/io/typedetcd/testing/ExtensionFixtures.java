package io.typedetcd.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes that {@link ExtensionFailuresTest} runs through the JUnit Platform test kit. They
 * are disabled unless that test switches them on, so a plain test run never executes them.
 */
final class ExtensionFixtures {
  static final String SWITCH = "typed-etcd.fixtures";

  private ExtensionFixtures() {}

  @EnabledIfSystemProperty(named = SWITCH, matches = "true")
  static class PerClass {
    @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

    @Test
    void test() {}
  }

  @EnabledIfSystemProperty(named = SWITCH, matches = "true")
  static class PerMethod {
    @RegisterExtension final EtcdExtension etcd = EtcdExtension.builder().build();

    @Test
    void test() {}
  }

  @EnabledIfSystemProperty(named = SWITCH, matches = "true")
  static class Cluster {
    @RegisterExtension
    static final EtcdClusterExtension etcd = EtcdClusterExtension.builder().build();

    @Test
    void test() {}
  }
}
