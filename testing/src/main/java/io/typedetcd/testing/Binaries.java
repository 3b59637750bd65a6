package io.typedetcd.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Finds the etcd and etcdctl executables: system property, then environment, then the PATH. */
final class Binaries {
  static final String ETCD_PROPERTY = "etcd.binary";
  static final String ETCD_ENV = "ETCD_BINARY";
  static final String ETCDCTL_PROPERTY = "etcdctl.binary";
  static final String ETCDCTL_ENV = "ETCDCTL_BINARY";

  private Binaries() {}

  static Path etcd() {
    return etcd(System::getProperty, System::getenv);
  }

  static Path etcdctl() {
    return etcdctl(System::getProperty, System::getenv);
  }

  static Path etcd(UnaryOperator<String> properties, UnaryOperator<String> env) {
    return find(
        "etcd",
        ETCD_PROPERTY,
        ETCD_ENV,
        null,
        "  Debian/Ubuntu: apt-get install etcd-server\n"
            + "  macOS:         brew install etcd\n"
            + "or run etcd in Docker through Testcontainers (EtcdExtension only) with"
            + " -Detcd.mode=container.",
        properties,
        env);
  }

  /** etcdctl usually sits next to etcd, so that directory is searched before the PATH. */
  static Path etcdctl(UnaryOperator<String> properties, UnaryOperator<String> env) {
    Path etcd = etcd(properties, env);
    return find(
        "etcdctl",
        ETCDCTL_PROPERTY,
        ETCDCTL_ENV,
        etcd.getParent(),
        "  Debian/Ubuntu: apt-get install etcd-client\n  macOS:         brew install etcd",
        properties,
        env);
  }

  /**
   * Looks up {@code exe}. An explicit property or environment setting that points nowhere is an
   * error rather than a fallback to the PATH, so a typo is never silently ignored.
   */
  static Path find(
      String exe,
      String property,
      String envVar,
      Path besides,
      String installHelp,
      UnaryOperator<String> properties,
      UnaryOperator<String> env) {
    String explicitSource = null;
    String explicit = properties.apply(property);
    if (explicit != null && !explicit.isBlank()) {
      explicitSource = "system property " + property;
    } else {
      explicit = env.apply(envVar);
      if (explicit != null && !explicit.isBlank()) {
        explicitSource = "environment variable " + envVar;
      }
    }
    if (explicitSource != null) {
      Path path = Path.of(explicit);
      if (Files.isRegularFile(path) && Files.isExecutable(path)) {
        return path;
      }
      throw new EtcdNotFoundException(
          explicitSource
              + " points to "
              + path
              + ", which is not an executable file. Fix it or install "
              + exe
              + ":\n"
              + installHelp);
    }
    List<Path> candidates = new ArrayList<>();
    if (besides != null) {
      candidates.add(besides.resolve(exe));
    }
    String pathVar = env.apply("PATH");
    if (pathVar != null) {
      for (String dir : pathVar.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, exe));
        }
      }
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new EtcdNotFoundException(
        exe
            + " not found (looked at system property "
            + property
            + ", environment variable "
            + envVar
            + " and the PATH). Install it:\n"
            + installHelp);
  }
}
