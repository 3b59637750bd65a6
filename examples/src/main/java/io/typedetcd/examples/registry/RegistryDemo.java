package io.typedetcd.examples.registry;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.Registration;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdServer;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The README's demo: a service registry on a throwaway etcd. Three instances in two regions
 * register with a TTL, a watcher prints joins and leaves live, clients discover instances by region
 * and zone, one instance leaves politely, and one "crashes" (its client stops without
 * deregistering) and expires one TTL later.
 *
 * <pre>{@code scripts/demo.sh}</pre>
 */
public final class RegistryDemo {
  private static final Duration TTL = Duration.ofSeconds(3);

  private RegistryDemo() {}

  public static void main(String[] args) throws Exception {
    try (EtcdServer etcd = EtcdServer.builder().name("registry-demo").build()) {
      etcd.start();
      say("started a throwaway etcd at %s", etcd.endpoint());
      run(etcd.endpoint());
    }
    say("stopped etcd and deleted its data; bye");
  }

  private static void run(String endpoint) throws InterruptedException {
    try (EtcdClient observer = EtcdClient.builder().endpoints(endpoint).build();
        ServiceWatcher watcher =
            ServiceWatcher.start(
                Repositories.create(ServiceRepository.class, observer), RegistryDemo::say)) {
      ServiceRepository services = Repositories.create(ServiceRepository.class, observer);

      // Each instance has its own client, as if it were its own process.
      ServiceInstance api1 = new ServiceInstance("eu-west", "a", "api-1", "10.0.1.1", 8080);
      ServiceInstance api2 = new ServiceInstance("eu-west", "b", "api-2", "10.0.2.1", 8080);
      ServiceInstance api3 = new ServiceInstance("us-east", "a", "api-3", "10.1.1.1", 8080);
      EtcdClient c1 = EtcdClient.builder().endpoints(endpoint).build();
      EtcdClient c2 = EtcdClient.builder().endpoints(endpoint).build();
      EtcdClient c3 = EtcdClient.builder().endpoints(endpoint).build();
      try {
        Registration<ServiceInstance> r1 =
            RegistryInstance.register(c1, api1, TTL, RegistryDemo::say);
        RegistryInstance.register(c2, api2, TTL, RegistryDemo::say);
        RegistryInstance.register(c3, api3, TTL, RegistryDemo::say);
        for (ServiceInstance s : List.of(api1, api2, api3)) {
          expect(watcher.awaitPresent(ServiceWatcher.idOf(s), TTL), "the watcher sees " + s.id());
        }

        say("discovery: region eu-west -> %s", ids(services.findByRegion("eu-west")));
        say(
            "discovery: region eu-west, zone b -> %s",
            ids(services.findByRegionAndZone("eu-west", "b")));
        say("discovery: region us-east -> %s", ids(services.findByRegion("us-east")));

        say(
            "waiting %d s, twice the TTL: heartbeats keep every lease alive...",
            2 * TTL.toSeconds());
        Eventually.holdsFor(
            TTL.multipliedBy(2), "every instance stays registered", () -> services.count() == 3);
        say("still registered after %d s: %s", 2 * TTL.toSeconds(), ids(services.findAll()));

        say("api-1 shuts down politely: it deregisters");
        r1.close();
        expect(watcher.awaitGone(ServiceWatcher.idOf(api1), TTL), "api-1 leaves at once");

        say("api-2 crashes: its client stops without deregistering; its lease will expire");
        long crashed = System.nanoTime();
        c2.close();
        expect(
            watcher.awaitGone(ServiceWatcher.idOf(api2), TTL.plusSeconds(2)),
            "api-2 expires within its TTL");
        say(
            "api-2 expired %.1f s after the crash (TTL %d s)",
            (System.nanoTime() - crashed) / 1e9, TTL.toSeconds());
        say("discovery: everything -> %s", ids(services.findAll()));
      } finally {
        c1.close();
        c2.close();
        c3.close(); // api-3's entry would expire with its lease; etcd is thrown away anyway
      }
    }
  }

  private static String ids(List<ServiceInstance> found) {
    return found.stream().map(ServiceInstance::id).collect(Collectors.joining(", ", "[", "]"));
  }

  private static void expect(boolean happened, String what) {
    if (!happened) {
      throw new IllegalStateException("expected: " + what);
    }
  }

  private static void say(String format, Object... args) {
    say(String.format(format, args));
  }

  private static void say(String line) {
    System.out.println("demo: " + line);
  }
}
