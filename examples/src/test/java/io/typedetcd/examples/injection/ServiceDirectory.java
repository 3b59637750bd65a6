package io.typedetcd.examples.injection;

import jakarta.inject.Inject;
import java.util.Optional;

/** Application code that only knows the repository interface; containers inject it. */
public final class ServiceDirectory {
  private final ServiceRepository services;

  @Inject
  public ServiceDirectory(ServiceRepository services) {
    this.services = services;
  }

  public Service register(String name, String url) {
    return services.save(new Service(name, url, 0));
  }

  public Optional<String> urlOf(String name) {
    return services.findById(name).map(Service::url);
  }

  public ServiceRepository repository() {
    return services;
  }
}
