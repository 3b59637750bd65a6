package io.typedetcd.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.typedetcd.processor.model.EntityModel;
import io.typedetcd.processor.model.PropertyModel;
import io.typedetcd.processor.model.QueryMethod;
import io.typedetcd.processor.model.RepositoryModel;
import io.typedetcd.processor.model.StorageLayout;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Repository_Impl}: the CRUD base for the entity's layout, one method per derived
 * query, an injectable constructor, and the {@code Provider} that {@code ServiceLoader} finds.
 */
public final class RepositoryWriter {
  private RepositoryWriter() {}

  public static TypeSpec.Builder write(RepositoryModel repository) {
    EntityModel entity = repository.entity();
    ClassName base =
        entity.layout() == StorageLayout.DOCUMENT
            ? RuntimeTypes.DOCUMENT_REPOSITORY
            : RuntimeTypes.FIELDS_REPOSITORY;
    TypeSpec.Builder type =
        TypeSpec.classBuilder(repository.impl())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(base, entity.type(), entity.id().type()))
            .addSuperinterface(repository.type())
            .addJavadoc(
                "Implements {@link $T} on etcd. Get one with\n"
                    + "{@code Repositories.create($T.class, client)}, or let a dependency\n"
                    + "injection container call the constructor.\n",
                repository.type(),
                repository.type());
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addParameter(RuntimeTypes.ETCD_CLIENT, "client")
            .addStatement("super(client, new $T())", entity.mapper());
    repository.injectAnnotations().forEach(constructor::addAnnotation);
    type.addMethod(constructor.build());

    NameAllocator staticNames = new NameAllocator();
    staticNames.newName("Provider", "Provider");
    Map<String, String> codecs = new HashMap<>();
    for (QueryMethod query : repository.queries()) {
      type.addMethod(
          QueryWriter.write(query, entity, key -> codecField(type, staticNames, codecs, key)));
    }
    type.addType(provider(repository));
    return type;
  }

  private static CodeBlock codecField(
      TypeSpec.Builder type, NameAllocator names, Map<String, String> codecs, PropertyModel key) {
    ClassName codec = key.keyCodec().codec();
    if (codec == null) {
      return null;
    }
    String name =
        codecs.computeIfAbsent(
            key.name(),
            k -> {
              String n = names.newName(MapperContext.constantName(k) + "_CODEC", k);
              type.addField(
                  FieldSpec.builder(codec, n, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                      .initializer("new $T()", codec)
                      .build());
              return n;
            });
    return CodeBlock.of("$N", name);
  }

  private static TypeSpec provider(RepositoryModel repository) {
    TypeName anyClass =
        ParameterizedTypeName.get(
            ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class));
    return TypeSpec.classBuilder("Provider")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(RuntimeTypes.REPOSITORY_PROVIDER)
        .addJavadoc(
            "Lets {@code Repositories.create} find this implementation through"
                + " {@code ServiceLoader}.\n")
        .addMethod(
            MapperWriter.override("repositoryType", anyClass)
                .addStatement("return $T.class", repository.type())
                .build())
        .addMethod(
            MapperWriter.override("create", ClassName.OBJECT)
                .addParameter(RuntimeTypes.ETCD_CLIENT, "client")
                .addStatement("return new $T(client)", repository.impl())
                .build())
        .build();
  }
}
