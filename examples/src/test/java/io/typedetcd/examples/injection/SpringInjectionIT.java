package io.typedetcd.examples.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Two ways to give a Spring application a generated repository: a {@code @Bean} per repository
 * through {@link Repositories#create}, or registering the generated {@code _Impl} class, which
 * Spring builds through its {@code @Inject} constructor.
 */
class SpringInjectionIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  /** The client, configured from the environment and closed with the context. */
  @Configuration
  static class ClientConfig {
    @Bean(destroyMethod = "close")
    EtcdClient etcdClient(Environment env) {
      return EtcdClient.builder().endpoints(env.getRequiredProperty("etcd.endpoint")).build();
    }
  }

  @Configuration
  static class RepositoryBeans {
    @Bean
    ServiceRepository serviceRepository(EtcdClient client) {
      return Repositories.create(ServiceRepository.class, client);
    }

    @Bean
    ServiceDirectory serviceDirectory(ServiceRepository services) {
      return new ServiceDirectory(services);
    }
  }

  AnnotationConfigApplicationContext context;

  AnnotationConfigApplicationContext start(Class<?>... components) {
    context = new AnnotationConfigApplicationContext();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("test", Map.of("etcd.endpoint", etcd.endpoint())));
    context.register(components);
    context.refresh();
    return context;
  }

  @AfterEach
  void stop() {
    EtcdClient client = context.getBean(EtcdClient.class);
    context.getBean(ServiceRepository.class).deleteAll();
    context.close();
    assertThatThrownBy(() -> Blocking.get(client.kv().get("/ex/injection/")))
        .as("the context closed the client")
        .isInstanceOf(EtcdException.class)
        .hasMessageContaining("the client is closed");
  }

  @Test
  void aBeanPerRepositoryThroughRepositoriesCreate() {
    start(ClientConfig.class, RepositoryBeans.class);
    ServiceDirectory directory = context.getBean(ServiceDirectory.class);
    directory.register("search", "http://search:9200");

    ServiceRepository services = context.getBean(ServiceRepository.class);
    assertThat(services).isInstanceOf(ServiceRepository_Impl.class);
    assertThat(services.findById("search")).map(Service::url).contains("http://search:9200");
    assertThat(etcd.etcdctl("get", "--print-value-only", "/ex/injection/services/search"))
        .contains("http://search:9200");
  }

  @Test
  void theGeneratedImplementationThroughItsInjectConstructor() {
    start(ClientConfig.class, ServiceRepository_Impl.class, ServiceDirectory.class);
    ServiceDirectory directory = context.getBean(ServiceDirectory.class);
    assertThat(directory.repository()).isSameAs(context.getBean(ServiceRepository.class));

    Service saved = directory.register("mail", "smtp://mail:25");
    assertThat(directory.urlOf("mail")).contains("smtp://mail:25");
    assertThat(context.getBean(ServiceRepository.class).findAll()).containsExactly(saved);
  }
}
