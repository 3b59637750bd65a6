package io.typedetcd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Where etcd logs go, and what the caller is called in their file names. */
final class Logs {
  static final String DIR_PROPERTY = "etcd.logs";

  private Logs() {}

  static Path dir() {
    Path dir = Path.of(System.getProperty(DIR_PROPERTY, "target/etcd-logs")).toAbsolutePath();
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create etcd log directory " + dir, e);
    }
  }

  /** The last lines of a log, for error messages; never throws. */
  static String tail(Path file, int lines) {
    if (file == null || !Files.exists(file)) {
      return "(no log)";
    }
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  static boolean contains(Path file, String text) {
    try {
      return file != null && Files.exists(file) && Files.readString(file).contains(text);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Simple name of the first class on the stack outside this library, usually the test class, so
   * log files say who started the server.
   */
  static String callerName() {
    var library = EtcdServer.class.getProtectionDomain().getCodeSource();
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames ->
                frames
                    .map(StackWalker.StackFrame::getDeclaringClass)
                    .filter(c -> !Objects.equals(c.getProtectionDomain().getCodeSource(), library))
                    .filter(
                        c -> !c.getName().startsWith("java.") && !c.getName().startsWith("jdk."))
                    .findFirst()
                    .map(Logs::simpleName)
                    .orElse("etcd"));
  }

  static String simpleName(Class<?> c) {
    String name = c.getName();
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return simple.replaceAll("[^A-Za-z0-9_.-]", "_");
  }
}
