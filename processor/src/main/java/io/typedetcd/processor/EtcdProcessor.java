package io.typedetcd.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import io.typedetcd.processor.generate.IdRecordWriter;
import io.typedetcd.processor.generate.MapperWriter;
import io.typedetcd.processor.generate.RepositoryWriter;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.RepositoryModel;
import io.typedetcd.processor.validate.EntityValidator;
import io.typedetcd.processor.validate.Env;
import io.typedetcd.processor.validate.Names;
import io.typedetcd.processor.validate.PrefixOverlaps;
import io.typedetcd.processor.validate.Report;
import io.typedetcd.processor.validate.RepositoryValidator;
import io.typedetcd.processor.validate.UnresolvedTypes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates reflection-free mappers for {@code @EtcdEntity} types and implementations of
 * {@code @EtcdRepository} interfaces. Each element goes through discover → validate (building the
 * model) → generate; an element that refers to a type not generated yet is deferred to the next
 * round and reported only when processing is over. Never claims the annotations.
 */
@AutoService(Processor.class)
public final class EtcdProcessor extends AbstractProcessor {
  private Env env;
  private EntityValidator entities;
  private RepositoryValidator repositories;
  private final PrefixOverlaps prefixes = new PrefixOverlaps();

  /** Entities of this compilation by qualified name: the model, or empty when it failed. */
  private final Map<String, Optional<EntityModel>> entityResults = new HashMap<>();

  private final Set<String> deferredEntities = new LinkedHashSet<>();
  private final Set<String> deferredRepositories = new LinkedHashSet<>();
  private final Set<String> processedRepositories = new LinkedHashSet<>();

  /** Provider binary names for META-INF/services, with the repositories they come from. */
  private final Map<String, String> providers = new HashMap<>();

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    env = new Env(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    entities = new EntityValidator(env);
    repositories = new RepositoryValidator(env, entities);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Names.ETCD_ENTITY, Names.ETCD_REPOSITORY);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      reportDeferred();
      writeServices();
      return false;
    }
    Set<String> entityNames = new LinkedHashSet<>(deferredEntities);
    entityNames.addAll(annotated(round, Names.ETCD_ENTITY));
    Set<String> repositoryNames = new LinkedHashSet<>(deferredRepositories);
    repositoryNames.addAll(annotated(round, Names.ETCD_REPOSITORY));
    deferredEntities.clear();
    deferredRepositories.clear();
    for (String name : entityNames) {
      TypeElement type = env.elements().getTypeElement(name);
      if (type != null && !entityResults.containsKey(name)) {
        processEntity(name, type);
      }
    }
    for (String name : repositoryNames) {
      TypeElement type = env.elements().getTypeElement(name);
      if (type != null && !processedRepositories.contains(name)) {
        processRepository(name, type);
      }
    }
    return false; // never claim the annotations
  }

  private Set<String> annotated(RoundEnvironment round, String annotation) {
    TypeElement type = env.elements().getTypeElement(annotation);
    Set<String> names = new LinkedHashSet<>();
    if (type != null) {
      for (Element e : round.getElementsAnnotatedWith(type)) {
        if (e instanceof TypeElement t) {
          names.add(t.getQualifiedName().toString());
        }
      }
    }
    return names;
  }

  private void processEntity(String name, TypeElement type) {
    if (UnresolvedTypes.in(type, generatedFor(type)).isPresent()) {
      deferredEntities.add(name);
      return;
    }
    entityResults.put(name, Optional.empty());
    if (!runtimePresent(type)) {
      return;
    }
    try {
      Report report = new Report();
      Optional<EntityModel> model = entities.validate(type, report, true);
      if (model.isPresent() && !prefixes.claim(type, model.get(), env, report)) {
        model = Optional.empty();
      }
      report.printTo(processingEnv.getMessager());
      if (model.isEmpty()) {
        return;
      }
      EntityModel entity = model.get();
      String pkg = entity.type().packageName();
      SourceFiles.write(processingEnv.getFiler(), pkg, MapperWriter.write(entity), type);
      if (entity.id().generated()) {
        SourceFiles.write(processingEnv.getFiler(), pkg, IdRecordWriter.write(entity), type);
      }
      entityResults.put(name, model);
    } catch (IOException | RuntimeException e) {
      unexpected(type, e);
    }
  }

  /** The types processing this entity may generate, which its own members can refer to. */
  private static Set<String> generatedFor(TypeElement entity) {
    ClassName type = ClassName.get(entity);
    String flat = Env.flatName(type);
    return Set.of(
        flat + "_Id",
        flat + "_Mapper",
        type.packageName() + "." + flat + "_Id",
        type.packageName() + "." + flat + "_Mapper");
  }

  private void processRepository(String name, TypeElement type) {
    Optional<TypeElement> entity = repositories.entityElement(type);
    if (UnresolvedTypes.in(type).isPresent()
        || entity.isPresent()
            && deferredEntities.contains(entity.get().getQualifiedName().toString())) {
      deferredRepositories.add(name);
      return;
    }
    processedRepositories.add(name);
    if (!runtimePresent(type)) {
      return;
    }
    try {
      Report report = new Report();
      Optional<RepositoryModel> model =
          repositories.validate(
              type,
              entityName ->
                  entityResults.containsKey(entityName)
                      ? Optional.of(entityResults.get(entityName))
                      : Optional.empty(),
              report);
      report.printTo(processingEnv.getMessager());
      if (model.isEmpty()) {
        return;
      }
      RepositoryModel repository = model.get();
      SourceFiles.write(
          processingEnv.getFiler(),
          repository.type().packageName(),
          RepositoryWriter.write(repository),
          type);
      providers.put(repository.providerBinaryName(), name);
    } catch (IOException | RuntimeException e) {
      unexpected(type, e);
    }
  }

  private boolean runtimePresent(TypeElement type) {
    if (env.elements().getTypeElement(Names.ENTITY_MAPPER) != null) {
      return true;
    }
    error(type, Messages.runtimeMissing(Env.displayName(type)));
    return false;
  }

  /** Elements still waiting for a type: now it will never come. */
  private void reportDeferred() {
    for (String name : deferredEntities) {
      reportUnresolved(name);
    }
    for (String name : deferredRepositories) {
      TypeElement type = env.elements().getTypeElement(name);
      Optional<TypeElement> entity =
          type == null ? Optional.empty() : repositories.entityElement(type);
      boolean entityReported =
          entity.isPresent()
              && deferredEntities.contains(entity.get().getQualifiedName().toString());
      if (!entityReported) {
        reportUnresolved(name);
      }
    }
  }

  private void reportUnresolved(String name) {
    TypeElement type = env.elements().getTypeElement(name);
    if (type != null) {
      Set<String> own = deferredEntities.contains(name) ? generatedFor(type) : Set.of();
      String missing = UnresolvedTypes.in(type, own).orElse("a type");
      error(type, Messages.undefinedType(Env.displayName(type), missing));
    }
  }

  private void writeServices() {
    if (providers.isEmpty()) {
      return;
    }
    List<Element> originating = new ArrayList<>();
    for (String repository : providers.values()) {
      TypeElement type = env.elements().getTypeElement(repository);
      if (type != null) {
        originating.add(type);
      }
    }
    try {
      ServicesFile.write(
          processingEnv.getFiler(),
          providers.keySet(),
          originating,
          provider -> env.elements().getTypeElement(provider.replace('$', '.')) != null);
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, Messages.servicesFile(ServicesFile.PATH, e.getMessage()));
    }
  }

  private void unexpected(TypeElement type, Exception e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    error(type, Messages.unexpected(Env.displayName(type), trace.toString()));
  }

  private void error(Element element, String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
  }
}
