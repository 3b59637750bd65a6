package io.typedetcd.examples.paging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** How many KV Range calls etcd has started, from its plain-HTTP /metrics. */
final class RangeCalls {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String METRIC =
      "grpc_server_started_total{grpc_method=\"Range\",grpc_service=\"etcdserverpb.KV\","
          + "grpc_type=\"unary\"} ";

  private final int metricsPort;

  RangeCalls(int metricsPort) {
    this.metricsPort = metricsPort;
  }

  long now() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build();
    try {
      String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
      return body.lines()
          .filter(line -> line.startsWith(METRIC))
          .map(line -> (long) Double.parseDouble(line.substring(METRIC.length()).trim()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("etcd has no metric " + METRIC));
    } catch (IOException e) {
      throw new AssertionError("cannot read etcd metrics", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
