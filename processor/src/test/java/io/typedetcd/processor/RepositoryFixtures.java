package io.typedetcd.processor;

import static io.typedetcd.processor.Compilations.source;

import javax.tools.JavaFileObject;

/** A small, valid entity and repository that several tests share. */
final class RepositoryFixtures {
  static final JavaFileObject SERVER =
      source(
          "app.Server",
          """
          package app;
          import io.typedetcd.annotation.*;
          @EtcdEntity(prefix = "/servers")
          public record Server(
              @Key String region,
              @Key String id,
              String host,
              int port,
              @Version long version) {
            public record Id(String region, String id) {}
          }
          """);

  static final JavaFileObject SERVERS =
      source(
          "app.Servers",
          """
          package app;
          import io.typedetcd.annotation.EtcdRepository;
          import io.typedetcd.repository.CrudRepository;
          import java.util.List;
          @EtcdRepository
          public interface Servers extends CrudRepository<Server, Server.Id> {
            List<Server> findByRegion(String region);
          }
          """);

  private RepositoryFixtures() {}
}
