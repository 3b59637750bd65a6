package io.typedetcd.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A validated {@code @EtcdRepository}.
 *
 * @param type the repository interface
 * @param impl the generated implementation ({@code Outer_Repo_Impl})
 * @param entity the entity it stores
 * @param queries its derived queries, in declaration order
 * @param injectAnnotations the {@code @Inject} annotations found on the compile classpath (jakarta,
 *     javax), put on the constructor
 */
public record RepositoryModel(
    ClassName type,
    ClassName impl,
    EntityModel entity,
    List<QueryMethod> queries,
    List<ClassName> injectAnnotations) {

  public RepositoryModel {
    queries = List.copyOf(queries);
    injectAnnotations = List.copyOf(injectAnnotations);
  }

  /** The provider registered in {@code META-INF/services}, by binary name. */
  public String providerBinaryName() {
    return impl.reflectionName() + "$Provider";
  }
}
