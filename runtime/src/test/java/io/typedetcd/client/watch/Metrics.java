package io.typedetcd.client.watch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads one gauge from etcd's plain-HTTP /metrics. */
final class Metrics {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Metrics() {}

  static long gauge(int metricsPort, String name) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build();
    try {
      String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
      return body.lines()
          .filter(line -> line.startsWith(name + " "))
          .map(line -> (long) Double.parseDouble(line.substring(name.length() + 1).trim()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("etcd has no metric " + name));
    } catch (IOException e) {
      throw new AssertionError("cannot read etcd metrics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
