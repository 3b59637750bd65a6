package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** A broken etcd setup must fail tests, never skip or abort them. */
class ExtensionFailuresTest {
  private final Map<String, String> saved = new HashMap<>();

  @AfterEach
  void restoreProperties() {
    saved.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
  }

  @Test
  void missingBinaryFailsThePerClassSetup() {
    set(Binaries.ETCD_PROPERTY, "/nonexistent/etcd");

    Events containers = run(ExtensionFixtures.PerClass.class).containerEvents();

    containers.assertStatistics(stats -> stats.failed(1).aborted(0).skipped(0));
    containers.assertThatEvents().haveExactly(1, failedWithMissingEtcd());
  }

  @Test
  void missingBinaryFailsEachTestWithAPerMethodServer() {
    set(Binaries.ETCD_PROPERTY, "/nonexistent/etcd");

    Events tests = run(ExtensionFixtures.PerMethod.class).testEvents();

    tests.assertStatistics(stats -> stats.failed(1).aborted(0).skipped(0).succeeded(0));
    tests.assertThatEvents().haveExactly(1, failedWithMissingEtcd());
  }

  @Test
  void missingBinaryFailsTheClusterExtension() {
    set(Binaries.ETCD_PROPERTY, "/nonexistent/etcd");

    Events containers = run(ExtensionFixtures.Cluster.class).containerEvents();

    containers.assertStatistics(stats -> stats.failed(1).aborted(0).skipped(0));
    containers.assertThatEvents().haveExactly(1, failedWithMissingEtcd());
  }

  @Test
  void clusterExtensionRefusesContainerModeWithAnExplanation() {
    set(ContainerMode.PROPERTY, "container");

    Events containers = run(ExtensionFixtures.Cluster.class).containerEvents();

    containers
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                finishedWithFailure(
                    instanceOf(UnsupportedOperationException.class),
                    message(m -> m.contains("container mode") || m.contains("etcd.mode")))));
  }

  @Test
  void startingAServerDirectlyWithoutEtcdThrowsAndLeavesNothingBehind() {
    set(Binaries.ETCD_PROPERTY, "/nonexistent/etcd");
    EtcdServer server = EtcdServer.builder().build();

    assertThatThrownBy(server::start)
        .isInstanceOf(EtcdNotFoundException.class)
        .hasMessageContaining("apt-get install etcd-server");
    assertThat(server.dataDir()).isNull();
    assertThat(server.isRunning()).isFalse();
  }

  private static Condition<Event> failedWithMissingEtcd() {
    return event(
        finishedWithFailure(
            instanceOf(EtcdNotFoundException.class),
            message(m -> m.contains("apt-get install etcd-server"))));
  }

  private EngineExecutionResults run(Class<?> fixture) {
    set(ExtensionFixtures.SWITCH, "true");
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  private void set(String key, String value) {
    saved.putIfAbsent(key, System.getProperty(key));
    System.setProperty(key, value);
  }
}
