package io.typedetcd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs etcdctl against one server. The harness adds {@code --endpoints}, a dial timeout, and for
 * TLS either nothing (when the caller passes {@code --cacert}) or {@code
 * --insecure-skip-tls-verify}: the server certificate is the test's own, so verifying it is the
 * caller's choice. A client certificate is added with {@code --cert/--key} when given.
 */
final class Etcdctl {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Etcdctl() {}

  static String run(EtcdServer server, TlsFiles clientCert, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Binaries.etcdctl().toString());
    cmd.add("--endpoints=" + server.endpoint());
    if (server.config().tls() != null) {
      if (!hasFlag(args, "--cacert") && !hasFlag(args, "--insecure-skip-tls-verify")) {
        cmd.add("--insecure-skip-tls-verify");
      }
      // etcdctl 3.4 only applies its TLS settings when transport security is switched on.
      cmd.add("--insecure-transport=false");
    }
    if (clientCert != null) {
      cmd.add("--cert=" + clientCert.certPem());
      cmd.add("--key=" + clientCert.keyPem());
    }
    if (!hasFlag(args, "--dial-timeout")) {
      cmd.add("--dial-timeout=3s");
    }
    cmd.addAll(Arrays.asList(args));
    return exec(cmd);
  }

  private static boolean hasFlag(String[] args, String flag) {
    return Arrays.stream(args).anyMatch(a -> a.equals(flag) || a.startsWith(flag + "="));
  }

  private static String exec(List<String> cmd) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("etcdctl", ".out");
      err = Files.createTempFile("etcdctl", ".err");
      ProcessBuilder builder = new ProcessBuilder(cmd);
      // etcdctl 3.4 exits when an ETCDCTL_* variable shadows a flag, so only the API version
      // is passed on.
      builder.environment().keySet().removeIf(k -> k.startsWith("ETCDCTL_"));
      builder.environment().put("ETCDCTL_API", "3");
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      if (!Os.waitFor(process, TIMEOUT)) {
        process.destroyForcibly();
        throw new IllegalStateException("etcdctl did not finish in " + TIMEOUT + ": " + cmd);
      }
      String stdout = Files.readString(out);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "etcdctl failed (exit "
                + process.exitValue()
                + "): "
                + String.join(" ", cmd)
                + "\n"
                + Files.readString(err).strip());
      }
      return stdout;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run etcdctl", e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // A leftover temp file is harmless.
    }
  }
}
