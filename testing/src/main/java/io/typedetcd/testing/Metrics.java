package io.typedetcd.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Health and leadership over etcd's plain-HTTP metrics listener, which stays plain even when the
 * client port uses TLS, so this needs neither certificates nor an etcd client.
 */
final class Metrics {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofMillis(500))
          .build();

  private Metrics() {}

  /** etcd's /health reports true only with a leader and a working quorum read. */
  static boolean healthy(int metricsPort) {
    return get(metricsPort, "/health", Duration.ofSeconds(2))
        .map(body -> body.replace(" ", "").contains("\"health\":\"true\""))
        .orElse(false);
  }

  static boolean leader(int metricsPort) {
    return get(metricsPort, "/metrics", Duration.ofSeconds(1))
        .map(body -> body.lines().anyMatch(line -> line.equals("etcd_server_is_leader 1")))
        .orElse(false);
  }

  private static Optional<String> get(int port, String path, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(timeout)
            .GET()
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return Optional.of(response.body());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
