package io.typedetcd.testing;

/**
 * {@code -Detcd.mode=container}. Kept apart from {@link EtcdContainer} so checking for
 * Testcontainers never loads a class that links against it.
 */
final class ContainerMode {
  static final String PROPERTY = "etcd.mode";
  static final String GENERIC_CONTAINER = "org.testcontainers.containers.GenericContainer";

  private ContainerMode() {}

  static boolean enabled() {
    return "container".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim());
  }

  static void requireTestcontainers(ClassLoader loader) {
    try {
      Class.forName(GENERIC_CONTAINER, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "-Detcd.mode=container needs Testcontainers on the test classpath: add the dependency"
              + " org.testcontainers:testcontainers (test scope), or install etcd locally and"
              + " drop -Detcd.mode=container",
          e);
    }
  }
}
