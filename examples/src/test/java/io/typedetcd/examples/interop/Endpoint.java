package io.typedetcd.examples.interop;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A FIELDS entity that operators also edit by hand with etcdctl. */
@EtcdEntity(prefix = "/ex/interop/endpoints", layout = Layout.FIELDS)
public record Endpoint(
    @Key String service,
    @Key String host,
    int port,
    boolean secure,
    Role role,
    @Nullable String zone,
    @Version long version) {

  public enum Role {
    PRIMARY,
    BACKUP
  }

  public Endpoint withPort(int newPort) {
    return new Endpoint(service, host, newPort, secure, role, zone, version);
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Endpoint, Endpoint_Id> {
    List<Endpoint> findByService(String service);
  }
}
