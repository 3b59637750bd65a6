package io.typedetcd.annotation;

/**
 * How an entity is stored.
 *
 * <pre>{@code
 * @EtcdEntity(prefix = "/config/app", layout = Layout.FIELDS)
 * public record AppConfig(@Key String name, int maxConnections, boolean maintenance) {}
 * // /config/app/web/maxConnections -> "100"
 * // /config/app/web/maintenance    -> "false"
 * }</pre>
 */
public enum Layout {
  /** One key per entity; the value is a JSON document of its properties. */
  DOCUMENT,
  /**
   * One key per property under the entity's key ({@code {entityKey}/{property}}), holding the
   * property's text form: readable and writable by {@code etcdctl} and any other tool.
   */
  FIELDS
}
