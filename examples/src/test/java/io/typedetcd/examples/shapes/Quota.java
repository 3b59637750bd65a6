package io.typedetcd.examples.shapes;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.annotation.Name;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A record in the FIELDS layout with a composite key and a declared {@code Id} record. */
@EtcdEntity(prefix = "/ex/shapes/quotas", layout = Layout.FIELDS)
public record Quota(
    @Key String tenant,
    @Key String resource,
    @Name("max-units") long maxUnits,
    boolean hard,
    List<String> regions,
    @Nullable String owner,
    @Version long version) {

  public record Id(String tenant, String resource) {}

  public Id key() {
    return new Id(tenant, resource);
  }

  public Quota withMaxUnits(long units) {
    return new Quota(tenant, resource, units, hard, regions, owner, version);
  }

  public Quota withOwner(@Nullable String newOwner) {
    return new Quota(tenant, resource, maxUnits, hard, regions, newOwner, version);
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Quota, Id> {}
}
