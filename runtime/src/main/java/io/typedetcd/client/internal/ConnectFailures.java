package io.typedetcd.client.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.typedetcd.proto.etcdserverpb.MaintenanceGrpc;
import io.typedetcd.proto.etcdserverpb.StatusRequest;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Why a channel could not connect. gRPC keeps the last connection error to itself, but a call on a
 * channel in TRANSIENT_FAILURE fails at once with it; this turns that into a sentence with a hint
 * (TLS problems otherwise all look like "could not connect").
 */
final class ConnectFailures {
  private ConnectFailures() {}

  /** The last connection error with a hint, or null if there is none to tell. */
  static @Nullable String describe(Channel channel) {
    try {
      ClientCalls.blockingUnaryCall(
          channel,
          MaintenanceGrpc.getStatusMethod(),
          CallOptions.DEFAULT.withDeadlineAfter(1, TimeUnit.SECONDS),
          StatusRequest.getDefaultInstance());
      return null;
    } catch (StatusRuntimeException e) {
      StringBuilder causes = new StringBuilder(Errors.description(e.getStatus()));
      for (Throwable t = e.getStatus().getCause(); t != null; t = t.getCause()) {
        if (t.getMessage() != null && causes.indexOf(t.getMessage()) < 0) {
          causes.append(": ").append(t.getMessage());
        }
      }
      // Netty puts its pipeline and line breaks into messages: noise for a reader.
      String detail =
          causes
              .toString()
              .replaceAll("Channel Pipeline: \\[[^\\]]*\\]: ", "")
              .replaceAll("\\s+", " ");
      String hint = hint(detail.toLowerCase(Locale.ROOT));
      return hint == null ? detail + "; is etcd running there?" : hint + " (" + detail + ")";
    }
  }

  static @Nullable String hint(String detail) {
    if (detail.contains("pkix")
        || detail.contains("certification path")
        || detail.contains("unable to find valid certificate")) {
      return "TLS handshake failed: the server certificate is not signed by a CA this client"
          + " trusts; pass the CA that signed it to trustedCa(...)";
    }
    if (detail.contains("certificate_required")
        || detail.contains("bad_certificate")
        || detail.contains("unknown_ca")
        || detail.contains("certificate required")
        || detail.contains("bad certificate")
        || detail.contains("unknown ca")) {
      return "TLS handshake failed: the server refused this client's certificate (or its lack of"
          + " one); with --client-cert-auth, pass a client certificate signed by the server's"
          + " --trusted-ca-file CA to clientCertificate(...)";
    }
    if (detail.contains("ssl") || detail.contains("handshake") || detail.contains("tls")) {
      return "TLS handshake failed; check https:// endpoints, trustedCa(...) and"
          + " clientCertificate(...)";
    }
    return null;
  }
}
