package io.typedetcd.client.internal;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.grpc.Status;
import io.grpc.StatusOr;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a target naming several etcd endpoints ({@code typed-etcd:///h1:p1,h2:p2}) to one
 * address group per endpoint, so a single channel balances over all of them and fails over when one
 * dies. Host names are resolved again whenever gRPC asks for a refresh (after a failure).
 */
final class EndpointsNameResolver extends NameResolver {
  static final String SCHEME = "typed-etcd";

  private final List<String> hostPorts;
  private final String authority;
  private Listener2 listener;

  private EndpointsNameResolver(List<String> hostPorts) {
    this.hostPorts = hostPorts;
    this.authority = hostPorts.get(0);
  }

  /** The channel target for these endpoints; registers the resolver on first use. */
  static String target(List<URI> endpoints) {
    Provider.registerOnce();
    StringBuilder sb = new StringBuilder(SCHEME).append(":///");
    for (int i = 0; i < endpoints.size(); i++) {
      URI uri = endpoints.get(i);
      sb.append(i == 0 ? "" : ",").append(uri.getHost()).append(':').append(uri.getPort());
    }
    return sb.toString();
  }

  @Override
  public String getServiceAuthority() {
    return authority;
  }

  @Override
  public void start(Listener2 listener) {
    this.listener = listener;
    resolve();
  }

  @Override
  public void refresh() {
    resolve();
  }

  private void resolve() {
    List<EquivalentAddressGroup> groups = new ArrayList<>(hostPorts.size());
    for (String hostPort : hostPorts) {
      int colon = hostPort.lastIndexOf(':');
      String host = hostPort.substring(0, colon);
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      SocketAddress address = new InetSocketAddress(host, port);
      Attributes attrs =
          Attributes.newBuilder()
              .set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, hostPort)
              .build();
      groups.add(new EquivalentAddressGroup(address, attrs));
    }
    if (groups.isEmpty()) {
      listener.onError(Status.UNAVAILABLE.withDescription("no etcd endpoints"));
      return;
    }
    listener.onResult(
        ResolutionResult.newBuilder().setAddressesOrError(StatusOr.fromValue(groups)).build());
  }

  @Override
  public void shutdown() {}

  /** Registered in the default registry under our own scheme, which nothing else uses. */
  static final class Provider extends NameResolverProvider {
    private static volatile boolean registered;

    static void registerOnce() {
      if (!registered) {
        synchronized (Provider.class) {
          if (!registered) {
            NameResolverRegistry.getDefaultRegistry().register(new Provider());
            registered = true;
          }
        }
      }
    }

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
      if (!SCHEME.equals(targetUri.getScheme())) {
        return null;
      }
      String path = targetUri.getPath();
      List<String> hostPorts = List.of(path.substring(1).split(","));
      return new EndpointsNameResolver(hostPorts);
    }

    @Override
    public String getDefaultScheme() {
      return SCHEME;
    }

    @Override
    protected boolean isAvailable() {
      return true;
    }

    @Override
    protected int priority() {
      return 1; // below DNS (5): never the default scheme of other channels
    }
  }
}
