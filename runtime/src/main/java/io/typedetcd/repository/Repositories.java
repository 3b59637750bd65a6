package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates generated repositories without reflection, through the providers the processor registers.
 *
 * <pre>{@code
 * ServiceRepository services = Repositories.create(ServiceRepository.class, client);
 * }</pre>
 */
public final class Repositories {
  private static final Map<ClassLoader, Map<Class<?>, RepositoryProvider>> PROVIDERS =
      new ConcurrentHashMap<>();

  private Repositories() {}

  /**
   * A repository of this {@code @EtcdRepository} type on this client; an {@link
   * IllegalStateException} that says what to do when no implementation was generated.
   */
  public static <R> R create(Class<R> repositoryType, EtcdClient client) {
    ClassLoader loader = repositoryType.getClassLoader();
    RepositoryProvider provider = providers(loader).get(repositoryType);
    if (provider == null) {
      throw new IllegalStateException(
          "No generated implementation of "
              + repositoryType.getName()
              + " was found. Is it annotated @EtcdRepository, and is typed-etcd-processor on the"
              + " annotation processor path of the build that compiled it? With Maven, add"
              + " io.typedetcd:typed-etcd-processor to maven-compiler-plugin's"
              + " <annotationProcessorPaths>.");
    }
    return repositoryType.cast(provider.create(client));
  }

  private static Map<Class<?>, RepositoryProvider> providers(ClassLoader loader) {
    return PROVIDERS.computeIfAbsent(
        loader,
        l -> {
          Map<Class<?>, RepositoryProvider> byType = new ConcurrentHashMap<>();
          for (RepositoryProvider p : ServiceLoader.load(RepositoryProvider.class, l)) {
            byType.put(p.repositoryType(), p);
          }
          return byType;
        });
  }
}
