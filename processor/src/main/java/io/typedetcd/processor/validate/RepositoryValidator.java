package io.typedetcd.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.typedetcd.processor.Messages;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.QueryMethod;
import io.typedetcd.processor.model.RepositoryModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks an {@code @EtcdRepository} interface and builds its model: it extends {@code
 * CrudRepository<T, ID>} of an {@code @EtcdEntity} with the matching ID type, and each of its own
 * abstract methods is a derived query.
 */
public final class RepositoryValidator {
  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

  private final Env env;
  private final EntityValidator entities;
  private final QueryValidator queries;

  public RepositoryValidator(Env env, EntityValidator entities) {
    this.env = env;
    this.entities = entities;
    this.queries = new QueryValidator(env);
  }

  /** The {@code CrudRepository<T, ID>} supertype, if the repository has one with arguments. */
  public Optional<DeclaredType> crudSupertype(TypeElement repository) {
    return crud(repository.asType());
  }

  /** The entity type element the repository stores, if it names one. */
  public Optional<TypeElement> entityElement(TypeElement repository) {
    return crudSupertype(repository)
        .map(c -> c.getTypeArguments().get(0))
        .filter(t -> t.getKind() == TypeKind.DECLARED)
        .map(t -> (TypeElement) ((DeclaredType) t).asElement());
  }

  /**
   * The repository's model, or empty when the report has errors or the entity failed (its own
   * errors are already reported).
   *
   * @param compiled the models of the entities of this compilation, by qualified name; null for an
   *     entity that failed validation, absent for one of another compilation
   */
  public Optional<RepositoryModel> validate(
      TypeElement repository,
      Function<String, Optional<Optional<EntityModel>>> compiled,
      Report report) {
    String display = Env.displayName(repository);
    if (repository.getKind() != ElementKind.INTERFACE) {
      report.error(repository, Messages.repositoryKind(display));
      return Optional.empty();
    }
    if (!repository.getTypeParameters().isEmpty()) {
      report.error(repository, Messages.repositoryGeneric(display));
      return Optional.empty();
    }
    if (!env.accessibleFrom(repository, env.packageOf(repository))) {
      report.error(repository, Messages.repositoryAccess(display));
      return Optional.empty();
    }
    Optional<DeclaredType> crud = crudSupertype(repository);
    if (crud.isEmpty()) {
      report.error(repository, Messages.repositoryType(display));
      return Optional.empty();
    }
    TypeMirror entityType = crud.get().getTypeArguments().get(0);
    TypeMirror idType = crud.get().getTypeArguments().get(1);
    Optional<TypeElement> entityElement = entityElement(repository);
    if (entityElement.isEmpty() || !env.mirrors().has(entityElement.get(), Names.ETCD_ENTITY)) {
      report.error(repository, Messages.repositoryEntity(display, entityType.toString()));
      return Optional.empty();
    }
    Optional<EntityModel> entity = entity(repository, entityElement.get(), compiled, report);
    if (entity.isEmpty()) {
      return Optional.empty();
    }
    EntityModel model = entity.get();
    if (!TypeName.get(env.boxed(idType)).withoutAnnotations().equals(model.id().type())) {
      report.error(
          repository,
          Messages.repositoryId(
              display,
              idType.toString(),
              model.displayName(),
              model.id().type().toString(),
              model.id().composite()
                  ? (model.id().generated() ? "generated " : "")
                      + "record of its @Key components "
                      + String.join(", ", model.id().components())
                  : "the type of its @Key '" + model.keys().get(0).name() + "'"));
      return Optional.empty();
    }
    List<QueryMethod> methods = new ArrayList<>();
    DeclaredType self = (DeclaredType) repository.asType();
    DeclaredType listener = listenerType(entityType, idType);
    for (ExecutableElement method :
        ElementFilter.methodsIn(env.elements().getAllMembers(repository))) {
      if (!isQuery(method, self, crud.get())) {
        continue;
      }
      ExecutableType type = (ExecutableType) env.types().asMemberOf(self, method);
      queries.validate(method, type, model, entityType, listener, report).ifPresent(methods::add);
    }
    if (!report.isClean()) {
      return Optional.empty();
    }
    ClassName name = ClassName.get(repository);
    List<ClassName> inject = new ArrayList<>();
    for (String annotation : List.of(Names.JAKARTA_INJECT, Names.JAVAX_INJECT)) {
      if (env.elements().getTypeElement(annotation) != null) {
        inject.add(ClassName.bestGuess(annotation));
      }
    }
    return Optional.of(
        new RepositoryModel(
            name,
            ClassName.get(name.packageName(), Env.flatName(name) + "_Impl"),
            model,
            methods,
            inject));
  }

  private Optional<EntityModel> entity(
      TypeElement repository,
      TypeElement entity,
      Function<String, Optional<Optional<EntityModel>>> compiled,
      Report report) {
    Optional<Optional<EntityModel>> here = compiled.apply(entity.getQualifiedName().toString());
    if (here.isPresent()) {
      return here.get();
    }
    // An entity of another compilation: its mapper must have been generated there.
    Optional<EntityModel> model = entities.validate(entity, new Report(), false);
    if (model.isEmpty()
        || env.elements().getTypeElement(model.get().mapper().canonicalName()) == null) {
      String mapper =
          ClassName.get(entity).packageName()
              + "."
              + Env.flatName(ClassName.get(entity))
              + "_Mapper";
      report.error(
          repository,
          Messages.mapperMissing(Env.displayName(repository), Env.displayName(entity), mapper));
      return Optional.empty();
    }
    return model;
  }

  /** {@code EntityListener<T, ID>}: the parameter type of the repository's watches. */
  private DeclaredType listenerType(TypeMirror entityType, TypeMirror idType) {
    TypeElement listener = env.elements().getTypeElement(Names.ENTITY_LISTENER);
    // Null with a runtime of before typed watches: then no watch method can be right.
    return listener == null
        ? null
        : env.types().getDeclaredType(listener, entityType, env.boxed(idType));
  }

  /**
   * Whether the method is one the implementation must write: not Object's, not CRUD (unless it
   * re-declares a default CRUD method abstract, such as {@code findAll(PageRequest)}: then it is
   * implemented like a derived query).
   */
  private boolean isQuery(ExecutableElement method, DeclaredType self, DeclaredType crud) {
    if (!method.getModifiers().contains(Modifier.ABSTRACT)
        || method.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    TypeElement crudElement = (TypeElement) crud.asElement();
    if (owner.equals(crudElement)) {
      return false;
    }
    if (OBJECT_METHODS.contains(method.getSimpleName().toString())
        && (method.getParameters().isEmpty() || method.getSimpleName().contentEquals("equals"))) {
      return false;
    }
    ExecutableType type = (ExecutableType) env.types().asMemberOf(self, method);
    for (ExecutableElement c : ElementFilter.methodsIn(crudElement.getEnclosedElements())) {
      if (c.getSimpleName().equals(method.getSimpleName())
          && !c.getModifiers().contains(Modifier.DEFAULT)
          && env.types().isSubsignature(type, (ExecutableType) env.types().asMemberOf(self, c))) {
        return false;
      }
    }
    return true;
  }

  private Optional<DeclaredType> crud(TypeMirror type) {
    for (TypeMirror s : env.types().directSupertypes(type)) {
      if (env.isType(s, Names.CRUD_REPOSITORY)) {
        DeclaredType d = (DeclaredType) s;
        return d.getTypeArguments().size() == 2 ? Optional.of(d) : Optional.empty();
      }
      Optional<DeclaredType> found = crud(s);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
