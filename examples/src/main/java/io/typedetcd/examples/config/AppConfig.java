package io.typedetcd.examples.config;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.repository.CrudRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * An application's configuration, one etcd key per property so that an operator can edit it with
 * {@code etcdctl}:
 *
 * <pre>{@code
 * etcdctl put /config/apps/web/maxConnections 250
 * etcdctl put /config/apps/web/maintenance true
 * }</pre>
 */
@EtcdEntity(prefix = "/config/apps", layout = Layout.FIELDS)
public record AppConfig(@Key String app, int maxConnections, boolean maintenance, String greeting) {
  /** The largest connection limit the application accepts. */
  public static final int MAX_CONNECTIONS = 10_000;

  /**
   * What is wrong with this configuration by the application's rules (beyond what decoding checks:
   * an int is an int); empty when it is fine.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (maxConnections < 1 || maxConnections > MAX_CONNECTIONS) {
      problems.add(
          "maxConnections must be between 1 and " + MAX_CONNECTIONS + ", was " + maxConnections);
    }
    if (greeting.isBlank()) {
      problems.add("greeting must not be blank");
    }
    return problems;
  }

  /** The configurations of every application, read and watched as typed entities. */
  @EtcdRepository
  public interface Repository extends CrudRepository<AppConfig, String> {}
}
