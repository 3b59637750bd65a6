package io.typedetcd.examples.injection;

import static org.assertj.core.api.Assertions.assertThat;

import dagger.Binds;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.testing.EtcdExtension;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dagger builds the generated repository through its {@code @Inject} constructor (compile-time,
 * like the repository itself: no reflection anywhere), and binds the interface to it.
 */
class DaggerInjectionIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  @Module
  static final class ClientModule {
    private final String endpoint;

    ClientModule(String endpoint) {
      this.endpoint = endpoint;
    }

    @Provides
    @Singleton
    EtcdClient client() {
      return EtcdClient.builder().endpoints(endpoint).build();
    }
  }

  @Module
  interface RepositoryModule {
    @Binds
    @Singleton
    ServiceRepository services(ServiceRepository_Impl generated);
  }

  @Singleton
  @Component(modules = {ClientModule.class, RepositoryModule.class})
  interface Registry {
    ServiceDirectory directory();

    ServiceRepository services();

    EtcdClient client();
  }

  @Test
  void daggerInjectsTheGeneratedRepository() {
    Registry registry =
        DaggerDaggerInjectionIT_Registry.builder()
            .clientModule(new ClientModule(etcd.endpoint()))
            .build();
    try (EtcdClient client = registry.client()) {
      ServiceDirectory directory = registry.directory();
      assertThat(directory.repository()).isInstanceOf(ServiceRepository_Impl.class);
      assertThat(directory.repository()).isSameAs(registry.services());

      Service saved = directory.register("billing", "http://billing:8080");
      assertThat(saved.version()).isPositive();
      assertThat(directory.urlOf("billing")).contains("http://billing:8080");
      assertThat(registry.services().findAll()).containsExactly(saved);
      assertThat(etcd.etcdctl("get", "--print-value-only", "/ex/injection/services/billing"))
          .contains("http://billing:8080");
      assertThat(client).isSameAs(registry.client());
      registry.services().deleteAll();
    }
  }
}
