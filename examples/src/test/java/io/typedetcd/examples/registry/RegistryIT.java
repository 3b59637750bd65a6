package io.typedetcd.examples.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.Registration;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service registry example end to end: register, heartbeat, discover, watch, expire. */
class RegistryIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static final Duration TTL = Duration.ofSeconds(2);
  static final Pattern GRANTED = Pattern.compile("\\(ttl (\\d+) s\\)");

  static EtcdClient client;
  static ServiceRepository services;
  ServiceWatcher watcher;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    services = Repositories.create(ServiceRepository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void watch() {
    services.deleteAll();
    watcher = ServiceWatcher.start(services, System.out::println);
  }

  @AfterEach
  void stopWatching() {
    watcher.close();
  }

  @Test
  void instancesAreDiscoveredByRegionAndZoneAndWatched() throws Exception {
    ServiceInstance a1 = new ServiceInstance("eu-west", "a", "api-1", "10.0.1.1", 8080);
    ServiceInstance a2 = new ServiceInstance("eu-west", "a", "api-2", "10.0.1.2", 8080);
    ServiceInstance b1 = new ServiceInstance("eu-west", "b", "api-3", "10.0.2.1", 8080);
    ServiceInstance sibling = new ServiceInstance("eu-west2", "a", "api-4", "10.2.1.1", 8080);
    ServiceInstance us = new ServiceInstance("us-east", "a", "api-5", "10.1.1.1", 8080);
    try (EtcdClient instances = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
      for (ServiceInstance s : new ServiceInstance[] {a1, a2, b1, sibling, us}) {
        RegistryInstance.register(instances, s, TTL, System.out::println);
        assertThat(watcher.awaitPresent(ServiceWatcher.idOf(s), TTL)).isTrue();
      }

      assertThat(services.findByRegion("eu-west")).containsExactly(a1, a2, b1);
      assertThat(services.findByRegionAndZone("eu-west", "a")).containsExactly(a1, a2);
      assertThat(services.findByRegionAndZone("eu-west", "b")).containsExactly(b1);
      assertThat(services.findByRegion("us-east")).containsExactly(us);
      assertThat(services.findByRegion("eu")).isEmpty();
      assertThat(watcher.live()).hasSize(5).containsValues(a1, a2, b1, sibling, us);
    }
  }

  @Test
  void aPoliteLeaveDeregistersAtOnce() throws Exception {
    ServiceInstance s = new ServiceInstance("eu-west", "a", "api-1", "10.0.1.1", 8080);
    try (EtcdClient instance = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
      Registration<ServiceInstance> r =
          RegistryInstance.register(instance, s, Duration.ofSeconds(30), System.out::println);
      assertThat(watcher.awaitPresent(ServiceWatcher.idOf(s), TTL)).isTrue();
      r.close();
      // Far sooner than the 30 s TTL: the registration deleted it.
      assertThat(watcher.awaitGone(ServiceWatcher.idOf(s), Duration.ofSeconds(3))).isTrue();
      assertThat(services.findByRegion("eu-west")).isEmpty();
    }
  }

  @Test
  void aClientClosedWithoutDeregisteringExpiresWithinItsTtl() throws Exception {
    ServiceInstance s = new ServiceInstance("eu-west", "b", "api-2", "10.0.2.2", 8080);
    EtcdClient instance = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    Registration<ServiceInstance> r =
        RegistryInstance.register(instance, s, TTL, System.out::println);
    assertThat(watcher.awaitPresent(ServiceWatcher.idOf(s), TTL)).isTrue();
    long closed = System.nanoTime();
    instance.close(); // no revoke, no delete: only the lease's expiry removes it
    assertThat(watcher.awaitGone(ServiceWatcher.idOf(s), r.ttl().plusSeconds(1)))
        .as("gone within ttl + 1 s of the close")
        .isTrue();
    System.out.printf("expired %.2f s after the close%n", (System.nanoTime() - closed) / 1e9);
    assertThat(services.findById(ServiceWatcher.idOf(s))).isEmpty();
  }

  @Test
  void aKilledProcessExpiresWithinItsTtlAfterHeartbeatingPastIt() throws Exception {
    ServiceInstance_Id id = new ServiceInstance_Id("us-east", "b", "api-9");
    Process process = startInstance(id, TTL);
    try {
      BlockingQueue<String> lines = readLines(process);
      long ttl = awaitGrantedTtl(lines);
      assertThat(watcher.awaitPresent(id, TTL)).isTrue();
      assertThat(services.findByRegionAndZone("us-east", "b"))
          .extracting(ServiceInstance::id)
          .containsExactly("api-9");

      // Outlive the TTL by far: only the child's heartbeats can keep it registered.
      long until = System.nanoTime() + Duration.ofSeconds(ttl).multipliedBy(2).toNanos();
      while (System.nanoTime() < until) {
        assertThat(watcher.live()).containsKey(id);
        assertThat(services.existsById(id)).isTrue();
        TimeUnit.MILLISECONDS.sleep(200);
      }

      long killed = System.nanoTime();
      process.destroyForcibly(); // SIGKILL: no shutdown hook, nothing deregisters
      assertThat(watcher.awaitGone(id, Duration.ofSeconds(ttl + 1)))
          .as("gone within ttl + 1 s of the kill")
          .isTrue();
      System.out.printf("expired %.2f s after the kill%n", (System.nanoTime() - killed) / 1e9);
      assertThat(services.findByRegion("us-east")).isEmpty();
    } finally {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aTerminatedProcessDeregistersOnItsWayOut() throws Exception {
    ServiceInstance_Id id = new ServiceInstance_Id("us-east", "c", "api-8");
    Duration longTtl = Duration.ofSeconds(30);
    Process process = startInstance(id, longTtl);
    try {
      awaitGrantedTtl(readLines(process));
      assertThat(watcher.awaitPresent(id, TTL)).isTrue();
      process.destroy(); // SIGTERM: the shutdown hook deregisters
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(watcher.awaitGone(id, Duration.ofSeconds(3))).isTrue();
    } finally {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Runs {@link RegistryInstance#main} in a child JVM on our class path. */
  static Process startInstance(ServiceInstance_Id id, Duration ttl) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            RegistryInstance.class.getName(),
            etcd.endpoint(),
            id.region(),
            id.zone(),
            id.id(),
            "8080",
            Long.toString(ttl.toSeconds()))
        .redirectErrorStream(true)
        .start();
  }

  /** Echoes the child's output and queues its lines. */
  static BlockingQueue<String> readLines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  System.out.println("child: " + line);
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                // the child died; nothing more to read
              }
            },
            "child-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  /** Waits for the child's "registered" line and returns the TTL etcd granted, in seconds. */
  static long awaitGrantedTtl(BlockingQueue<String> lines) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.contains(RegistryInstance.REGISTERED)) {
        Matcher m = GRANTED.matcher(line);
        assertThat(m.find()).as("granted ttl in '%s'", line).isTrue();
        return Long.parseLong(m.group(1));
      }
    }
    throw new AssertionError("the child did not register within 30 s");
  }
}
