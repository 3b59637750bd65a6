package io.typedetcd.examples.keys;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.repository.CrudRepository;
import java.util.List;
import java.util.stream.Stream;

/** Lives under {@code /ex/users}, a string prefix of {@link Guest}'s {@code /ex/users2}. */
@EtcdEntity(prefix = "/ex/users")
public record User(@Key String org, @Key String id, String name) {

  @EtcdRepository
  public interface Repository extends CrudRepository<User, User_Id> {
    List<User> findByOrg(String org);

    Stream<User> streamByOrg(String org);

    long countByOrg(String org);

    boolean existsByOrg(String org);

    long deleteByOrg(String org);
  }
}
