package io.typedetcd.examples.registry;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.Registration;
import io.typedetcd.repository.Repositories;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * One service instance as its own process: registers itself with a TTL, heartbeats through the
 * client's shared lease, and stays registered until it stops. Stopped politely (SIGTERM, Ctrl-C) it
 * deregisters at once; killed (SIGKILL) it disappears when its lease expires, one TTL later.
 *
 * <pre>{@code
 * java -cp ... io.typedetcd.examples.registry.RegistryInstance \
 *     http://127.0.0.1:2379 eu-west a api-1 8080 3
 * }</pre>
 */
public final class RegistryInstance {
  /** Printed once the instance is registered, so a parent process can wait for it. */
  public static final String REGISTERED = "registered";

  private RegistryInstance() {}

  /**
   * Arguments: endpoint, region, zone, id, port, TTL in seconds. Prints {@link #REGISTERED} and the
   * lease, then runs until stopped.
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 6) {
      System.err.println("usage: RegistryInstance <endpoint> <region> <zone> <id> <port> <ttl-s>");
      System.exit(2);
    }
    ServiceInstance me =
        new ServiceInstance(args[1], args[2], args[3], "127.0.0.1", Integer.parseInt(args[4]));
    Duration ttl = Duration.ofSeconds(Long.parseLong(args[5]));
    EtcdClient client = EtcdClient.builder().endpoints(args[0]).build();
    // The hook goes in before registering: a SIGTERM right after the "registered" line must still
    // deregister (it waits for a registration under way to finish, then closes it).
    CompletableFuture<Registration<ServiceInstance>> registration = new CompletableFuture<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    registration.join().close(); // deregisters now instead of one TTL later
                    System.out.println(me.id() + ": deregistered, bye");
                  } catch (RuntimeException e) {
                    System.out.println(me.id() + ": not registered, nothing to undo (" + e + ")");
                  } finally {
                    client.close();
                    stopped.countDown();
                  }
                }));
    try {
      registration.complete(register(client, me, ttl, System.out::println));
    } catch (RuntimeException e) {
      registration.completeExceptionally(e);
      throw e;
    }
    stopped.await();
  }

  /**
   * Registers {@code me} with this TTL on {@code client}'s shared lease, which the client keeps
   * alive (the heartbeat) until the registration or the client is closed; {@code out} hears about
   * it, and about the lease being lost.
   */
  public static Registration<ServiceInstance> register(
      EtcdClient client, ServiceInstance me, Duration ttl, Consumer<String> out) {
    ServiceRepository services = Repositories.create(ServiceRepository.class, client);
    Registration<ServiceInstance> r =
        services.register(
            me,
            ttl,
            (lost, cause) ->
                out.accept(
                    me.id() + ": my lease is gone (" + cause.reason() + "), I am unregistered"));
    out.accept(
        String.format(
            "%s: %s as %s on lease %x (ttl %d s), heartbeating",
            me.id(), REGISTERED, me.describe(), r.leaseId(), r.ttl().toSeconds()));
    return r;
  }
}
