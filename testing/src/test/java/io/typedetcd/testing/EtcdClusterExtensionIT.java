package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EtcdClusterExtensionIT {
  @RegisterExtension
  static final EtcdClusterExtension etcd = EtcdClusterExtension.builder().size(3).build();

  @Test
  void injectsTheRunningCluster(EtcdCluster cluster) {
    assertThat(cluster).isSameAs(etcd.cluster());
    assertThat(etcd.endpoints()).hasSize(3).isEqualTo(cluster.endpoints());
    assertThat(cluster.members()).allMatch(EtcdServer::isHealthy);
    assertThat(cluster.members().get(0).logFile().getFileName().toString())
        .startsWith("EtcdClusterExtensionIT-n1-");
    cluster.leader().etcdctl("put", "k", "v");
    assertThat(cluster.members().get(2).etcdctl("get", "k", "--print-value-only")).isEqualTo("v\n");
  }
}
