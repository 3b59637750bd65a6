package io.typedetcd.examples.shapes;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;
import java.util.UUID;

/** An immutable class built through its constructor, in the FIELDS layout, keyed by a UUID. */
@EtcdEntity(prefix = "/ex/shapes/hosts", layout = Layout.FIELDS)
public final class Host {
  @Key private final UUID id;
  private final String address;
  private final int cores;
  private final Long memoryMb;
  @Version private final long version;

  public Host(UUID id, String address, int cores, Long memoryMb, long version) {
    this.id = id;
    this.address = address;
    this.cores = cores;
    this.memoryMb = memoryMb;
    this.version = version;
  }

  public UUID getId() {
    return id;
  }

  public String getAddress() {
    return address;
  }

  public int getCores() {
    return cores;
  }

  public Long getMemoryMb() {
    return memoryMb;
  }

  public long getVersion() {
    return version;
  }

  public Host withCores(int newCores) {
    return new Host(id, address, newCores, memoryMb, version);
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Host, UUID> {}
}
